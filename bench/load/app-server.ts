/**
 * The servers the load bench measures: `npm start`'s launcher (scripts/start.ts, the production
 * build) on a database made for the run, optionally under V8's CPU profiler.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags";

export type DatabaseKind = "postgres" | "pglite";

export interface BenchDatabase {
  kind: DatabaseKind;
  /** The PostgreSQL database's URL; null for PGlite, which the server opens in its data directory. */
  url: string | null;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.STRIDE_TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function withAdmin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: a new PostgreSQL database (dropped after), or nothing yet for PGlite (the server makes it in its data directory). */
export async function createBenchDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === "pglite") return { kind, url: null, drop: async () => undefined };
  const name = `stride_bench_${randomBytes(5).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.href,
    drop: () =>
      withAdmin(async (client) => {
        await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

export interface AppServer {
  base: string;
  port: number;
  logFile: string;
  /** The process group of the launcher and whatever it starts (bench/load/cpu-time.ts counts its CPU). */
  group: number;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  port: number;
  database: BenchDatabase;
  /** Shared by every instance of one run, so a session signed by one is good on the other. */
  secret: string;
  /** Write a V8 CPU profile here when the server stops. */
  profileDir?: string;
  /** Behind the bench's nginx at this address: its public address, and one proxy hop's X-Forwarded-For believed. */
  proxyBase?: string;
  /** Extra environment (the step switches of an experiment). */
  env?: Record<string, string>;
  /** Extra launcher arguments (`--api-through-next`). */
  args?: string[];
}

const root = path.resolve(import.meta.dirname, "../..");

/** Starts `node --import tsx scripts/start.ts` with the server's Node flags, as `npm start` does, and waits until /api/health answers 200. */
export async function startApp({ port, database, secret, profileDir, proxyBase, env = {}, args: launcherArgs = [] }: StartAppOptions): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-load-"));
  const logFile = path.join(dataDir, "server.log");
  const log = openSync(logFile, "a");
  const args = [...SERVER_NODE_FLAGS, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", "scripts/start.ts", ...launcherArgs];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      STRIDE_DATA_DIR: dataDir,
      STRIDE_NEXT_DIST_DIR: process.env.STRIDE_NEXT_DIST_DIR || ".next-load-bench",
      STRIDE_DEMO: "0",
      BETTER_AUTH_SECRET: secret,
      // A class signs up from one address here; a real class comes from many.
      STRIDE_AUTH_SIGN_IN_LIMIT: "1000000",
      // The request limiter still counts every call (its cost is part of what is measured); it just never refuses one.
      STRIDE_RATE_LIMIT_USER_POINTS: "1000000000",
      STRIDE_RATE_LIMIT_IP_POINTS: "1000000000",
      STRIDE_RATE_LIMIT_ANONYMOUS_POINTS: "1000000000",
      STRIDE_TRUSTED_PROXY_HOPS: proxyBase ? "1" : "0",
      // Browsers (and the bench) reach the app at the proxy's address: sign-in forms come from there.
      ...(proxyBase ? { STRIDE_BASE_URL: proxyBase } : {}),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  // The first start after a source change builds the app (minutes on two busy cores).
  const deadline = Date.now() + 20 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited (${child.exitCode}); see ${logFile}`);
    if (await fetch(`${base}/api/health`).then((res) => res.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (Date.now() >= deadline) throw new Error(`the server on port ${port} did not start; see ${logFile}`);
  return {
    base,
    port,
    logFile,
    group: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid!, "SIGTERM");
        await exited;
      }
      // Keep the log when profiling (it says where the profile went); drop the data otherwise.
      if (!profileDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
