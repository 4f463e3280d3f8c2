import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db";
import { ApiClient, createPostgresDatabase as createDatabase, killServer, postgresAvailable, startServer, stopServer, type ServerProcess } from "./server-process";

/**
 * Crashes and scale-out over real HTTP, against the production server `npm start` runs:
 * - SIGKILL mid-stream: every review the server acknowledged (200 with a reviewId) is in the
 *   database after a restart, on the embedded PGlite and on PostgreSQL; the PGlite data
 *   directory's lock left by the killed process does not stop the restart;
 * - two instances on one PostgreSQL (started together) behave as one: a session made on A works
 *   on B, and a variant issued on A is answered on B.
 */

const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const SECOND_PORT = PORT + 1;
const SECRET = randomBytes(32).toString("base64url");
const withPostgres = postgresAvailable;

type Issued = { status: string; variantId: string };
type Graded = { status: string; reviewId: string };

/** The review ids among `ids` that the database at `url` holds. */
async function storedReviews(url: string, ids: string[]): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM reviews WHERE id = ANY($1::text[])", [ids]);
    return new Set(rows.map((row) => row.id));
  } finally {
    await client.end();
  }
}

/** One learner answering practice problems as fast as the server lets them; records each acknowledged review. */
async function answerLoop(client: ApiClient, loop: number, acknowledged: string[], stop: { now: boolean }) {
  for (let n = 0; !stop.now; n += 1) {
    try {
      const issued = await client.call<Issued>("review.practice", { template: "conv.output-size" });
      if (issued.status !== 200 || issued.data?.status !== "issued") continue;
      // A well-formed (wrong) shape, unique to this answer.
      const submitted = await client.call<Graded>("review.submit", { variantId: issued.data.variantId, answer: `1x${loop + 1}x${n + 1}` });
      if (submitted.status === 200 && submitted.data?.status === "graded") acknowledged.push(submitted.data.reviewId);
    } catch {
      // The server died mid-request: that answer was never acknowledged.
      return;
    }
  }
}

async function crashMidStream({ env, port }: { env: Record<string, string>; port: number }) {
  let server: ServerProcess = await startServer({ port, env });
  const client = new ApiClient(server.base);
  await client.signUp(`crash-${Date.now()}@example.com`);
  const acknowledged: string[] = [];
  const stop = { now: false };
  const loops = [0, 1, 2, 3].map((loop) => answerLoop(client, loop, acknowledged, stop));
  // Mid-stream: once a good number of answers are in, while more are in flight.
  const deadline = Date.now() + 60_000;
  while (acknowledged.length < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await killServer(server);
  stop.now = true;
  await Promise.all(loops);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);

  // Starts again on the same data (and, on PGlite, past the lock the killed process left).
  server = await startServer({ port, env });
  const after = await client.call<{ desiredRetention: number }>("settings.get", null, "GET");
  expect(after.status, "the session survived the crash").toBe(200);
  expect(await stopServer(server)).toBe(0);
  return acknowledged;
}

test.describe.configure({ mode: "serial" });

test("SIGKILL mid-stream on the embedded PGlite loses no acknowledged review", async () => {
  test.setTimeout(420_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-crash-"));
  try {
    const acknowledged = await crashMidStream({ port: PORT, env: { STRIDE_DATA_DIR: dataDir, BETTER_AUTH_SECRET: SECRET } });
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
    try {
      const stored = await storedReviews(embedded.url, acknowledged);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await embedded.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("SIGKILL mid-stream on PostgreSQL loses no acknowledged review", async () => {
  test.skip(!withPostgres, "skipped because STRIDE_SKIP_POSTGRES=1 says no PostgreSQL server is there (README)");
  test.setTimeout(420_000);
  const database = await createDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-crash-"));
  try {
    const acknowledged = await crashMidStream({ port: PORT, env: { DATABASE_URL: database.url, STRIDE_DATA_DIR: dataDir, BETTER_AUTH_SECRET: SECRET } });
    const stored = await storedReviews(database.url, acknowledged);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
});

test("two instances started together on one PostgreSQL share sessions and variants", async () => {
  test.skip(!withPostgres, "skipped because STRIDE_SKIP_POSTGRES=1 says no PostgreSQL server is there (README)");
  test.setTimeout(420_000);
  const database = await createDatabase();
  const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), "stride-two-")));
  const servers: ServerProcess[] = [];
  try {
    // Started at once on an empty database: both prepare it (migrations, bank) without a crash.
    const env = (dir: string) => ({ DATABASE_URL: database.url, STRIDE_DATA_DIR: dir, BETTER_AUTH_SECRET: SECRET, STRIDE_BASE_URL: `http://localhost:${PORT}` });
    servers.push(...(await Promise.all([startServer({ port: PORT, env: env(dirs[0]!) }), startServer({ port: SECOND_PORT, env: env(dirs[1]!) })])));
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const onA = new ApiClient(a.base);
    await onA.signUp(`two-${Date.now()}@example.com`);
    const onB = onA.on(b.base);
    // The session made on A is recognised on B.
    const settings = await onB.call<{ desiredRetention: number }>("settings.get", null, "GET");
    expect(settings.status).toBe(200);
    expect(settings.data?.desiredRetention).toBe(0.9);

    // A variant issued on A is answered on B, once.
    const issued = await onA.call<Issued>("review.practice", { template: "conv.output-size" });
    expect(issued.data?.status).toBe("issued");
    const graded = await onB.call<Graded>("review.submit", { variantId: issued.data!.variantId, answer: "1x2x3" });
    expect(graded.status).toBe(200);
    expect(graded.data?.status).toBe("graded");
    const again = await onA.call<Graded>("review.submit", { variantId: issued.data!.variantId, answer: "1x2x3" });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    const stored = await storedReviews(database.url, [graded.data!.reviewId]);
    expect(stored.size).toBe(1);
  } finally {
    for (const server of servers) await stopServer(server);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
});
