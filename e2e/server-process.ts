import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A Stride server of a journey's own, started as `npm start` starts it (scripts/start.ts), in its
 * own process group so that a stop (SIGTERM) or a crash (SIGKILL) reaches all of it.
 */
export type ServerProcess = { child: ChildProcess; base: string; output: () => string };

async function answers(base: string): Promise<boolean> {
  return fetch(`${base}/api/health`).then(
    (res) => res.ok,
    () => false,
  );
}

export async function startServer({ port, env }: { port: number; env: Record<string, string> }): Promise<ServerProcess> {
  const base = `http://localhost:${port}`;
  if (await fetch(`${base}/api/health/live`).then(() => true, () => false)) throw new Error(`port ${port} is taken; choose another`);
  // The shared server of the run serves the same build: never rebuild it under that server.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", STRIDE_DEMO: "0", STRIDE_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited early:\n${output}`);
    if (await answers(base)) return { child, base, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-child.pid!, "SIGKILL");
  throw new Error(`server on ${port} did not become healthy:\n${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
  });
}

/** SIGTERM to the group: the server drains and closes its database; answers the exit code. */
export function stopServer(server: ServerProcess): Promise<number | null> {
  const done = exited(server.child);
  if (server.child.exitCode === null && server.child.signalCode === null) process.kill(-server.child.pid!, "SIGTERM");
  return done;
}

/** SIGKILL to the group: the process dies mid-stream, as on a power cut or an OOM kill. */
export async function killServer(server: ServerProcess): Promise<void> {
  const done = exited(server.child);
  process.kill(-server.child.pid!, "SIGKILL");
  await done;
}

/** A learner session and the tRPC calls the review page makes, over plain HTTP. */
export class ApiClient {
  constructor(
    public base: string,
    public cookie = "",
  ) {}

  on(base: string): ApiClient {
    return new ApiClient(base, this.cookie);
  }

  async signUp(email: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ email, password: "crash-test-1", name: "Crash Test" }),
    });
    if (!res.ok) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  /** One tRPC call; answers the HTTP status and the procedure's result (or error) JSON. */
  async call<T>(procedure: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<{ status: number; data: T | null; error: unknown }> {
    const envelope = JSON.stringify({ json: input ?? null });
    const url = method === "GET" ? `${this.base}/api/trpc/${procedure}?input=${encodeURIComponent(envelope)}` : `${this.base}/api/trpc/${procedure}`;
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", cookie: this.cookie, origin: this.base },
      body: method === "POST" ? envelope : undefined,
    });
    const body = (await res.json()) as { result?: { data?: { json?: T } }; error?: unknown };
    return { status: res.status, data: body.result?.data?.json ?? null, error: body.error ?? null };
  }
}

const POSTGRES_ADMIN_URL = process.env.STRIDE_TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Whether the journeys may use the PostgreSQL server (STRIDE_SKIP_POSTGRES=1 says no). */
export const postgresAvailable = process.env.STRIDE_SKIP_POSTGRES !== "1";

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the PostgreSQL server for one journey; `drop` throws it away. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `stride_e2e_${randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}
