/**
 * `npm run bench -- load`: graded answers per second under a lecture hall's load (issue 11). It
 * builds and starts the production server (scripts/start.ts, its own dist dir and port) on a fresh
 * PostgreSQL database (created and dropped here) and on a fresh PGlite, signs learners up through
 * better-auth, and for each class size N runs, in one run and on the same server:
 * - the health floor: N closed loops of GET /api/health (a route and a database ping);
 * - the review cycle: N closed loops of review.next + review.submit;
 * - the API's floor: N closed loops of account.me (a signed-in query that does only what every
 *   API call does), served like the cycle's calls (without Next.js's router under `npm start`),
 *   where /api/health goes through Next.js;
 * and reports graded answers/s, p50/p95/p99 of each call, and the ratio of graded answers/s to
 * health requests/s (the figure the goal uses, stable on a shared machine: both halves of the
 * ratio see the same noise). The load generator runs on the same cores as the server.
 *
 * Options (after `--`): --db=postgres,pglite  --learners=10,50  --seconds=20  --warmup=5
 * --instances=2 (PostgreSQL only: two app processes behind Debian's nginx, round robin)
 * --profile=<dir> (V8 CPU profile of each server, summarised by bench/profile-summary.ts)
 * --port=3300 (app ports from here; nginx on --proxy-port=3390)  --pool=<learners per class size>
 * --json=<file> (the rows, for docs/BENCHMARKS.md)
 * --api-through-next (the launcher leaves /api/trpc to Next.js's router, as before the API bundle)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { guessingAnswerer, keyAnswerer, seededRandom } from "./load/answerer";
import { type AppServer, createBenchDatabase, type DatabaseKind, startApp } from "./load/app-server";
import { apiFloorLoop, healthLoop, reviewLoop, type Window } from "./load/closed-loops";
import { cpuShares, cpuSnapshot } from "./load/cpu-time";
import { HttpClient } from "./load/http-client";
import { type Learner, signUpLearner } from "./load/learner-client";
import { type Proxy, startProxy } from "./load/nginx";
import { summariseProfiles } from "./profile-summary";

// Goals on this 2-core machine (issue 11, "Throughput").
const GOAL_RATIO: Record<DatabaseKind, number> = { postgres: 0.25, pglite: 0.15 };
const GOAL_SUBMIT_P99_MS = 100;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg.startsWith("--")),
    options: {
      db: { type: "string", default: "postgres,pglite" },
      learners: { type: "string", default: "10,50" },
      seconds: { type: "string", default: "20" },
      warmup: { type: "string", default: "5" },
      instances: { type: "string", default: "1" },
      profile: { type: "string" },
      port: { type: "string", default: "3300" },
      "proxy-port": { type: "string", default: "3390" },
      pool: { type: "string" },
      json: { type: "string" },
      "api-through-next": { type: "boolean", default: false },
    },
    strict: false,
  });
  const list = (value: unknown) => String(value).split(",").map((part) => part.trim()).filter(Boolean);
  return {
    dbs: list(values.db) as DatabaseKind[],
    classSizes: list(values.learners).map(Number),
    window: { warmupMs: Number(values.warmup) * 1000, measureMs: Number(values.seconds) * 1000 } satisfies Window,
    instances: Number(values.instances),
    profileDir: values.profile ? String(values.profile) : undefined,
    port: Number(values.port),
    proxyPort: Number(values["proxy-port"]),
    pool: values.pool ? Number(values.pool) : undefined,
    json: values.json ? String(values.json) : undefined,
    launcherArgs: values["api-through-next"] ? ["--api-through-next"] : [],
  };
}

async function signUpPool(client: HttpClient, count: number, runId: string, offset: number): Promise<Learner[]> {
  const learners: Learner[] = [];
  // A few at a time: sign-up hashes a password (scrypt), the costliest request there is.
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, (_, j) => signUpLearner(client, `load-${runId}-${offset + i + j}@example.com`));
    learners.push(...(await Promise.all(batch)));
  }
  return learners;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export async function loadBench() {
  const opts = options();
  const runId = randomBytes(3).toString("hex");
  const secret = randomBytes(32).toString("hex");
  const rows: Record<string, string | number>[] = [];
  // When the last review cycle ended, and how long the servers ran after it (the profile's tail to skip).
  let cycleEndedAt = 0;
  let afterCycleSeconds = 0;
  console.log(`load bench ${runId}: ${opts.dbs.join(", ")}, N = ${opts.classSizes.join(", ")}, ${opts.window.measureMs / 1000} s each after ${opts.window.warmupMs / 1000} s warm-up, ${opts.instances} instance(s); load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  for (const kind of opts.dbs) {
    if (opts.instances > 1 && kind === "pglite") {
      console.log("pglite: skipped with --instances > 1 (an embedded database belongs to one process)");
      continue;
    }
    const database = await createBenchDatabase(kind);
    const servers: AppServer[] = [];
    let proxy: Proxy | null = null;
    try {
      if (opts.profileDir) mkdirSync(opts.profileDir, { recursive: true });
      // One at a time: the first applies the migrations, the next finds them applied.
      for (let i = 0; i < opts.instances; i += 1) {
        const proxyBase = opts.instances > 1 ? `http://127.0.0.1:${opts.proxyPort}` : undefined;
        servers.push(await startApp({ port: opts.port + i, database, secret, profileDir: opts.profileDir, proxyBase, args: opts.launcherArgs }));
      }
      if (opts.instances > 1) proxy = await startProxy(opts.proxyPort, servers.map((server) => server.port));
      const base = proxy?.base ?? servers[0]!.base;
      let offset = 0;
      for (const n of opts.classSizes) {
        const client = new HttpClient(base, n + 4);
        // Each learner meets at most the 43 skills of the built-in bank before they are caught up.
        const poolSize = opts.pool ?? n + Math.ceil(((opts.window.warmupMs + opts.window.measureMs) / 1000) * 4);
        const pool = await signUpPool(client, poolSize, runId, offset);
        const seated = pool.slice(0, n);
        offset += poolSize;
        const answerer = kind === "postgres" ? keyAnswerer(database.url!, seededRandom(n)) : guessingAnswerer(seededRandom(n));
        const half = { warmupMs: opts.window.warmupMs, measureMs: opts.window.measureMs / 2 };
        const healthBefore = await healthLoop(client, n, half);
        const cpuBefore = cpuSnapshot(servers.map((server) => server.group));
        const cycle = await reviewLoop(client, pool, n, opts.window, answerer);
        const cpu = cpuShares(cpuBefore, cpuSnapshot(servers.map((server) => server.group)));
        cycleEndedAt = performance.now();
        const healthAfter = await healthLoop(client, n, half);
        // Learners of this class who have a session (the first N took a seat in the cycle).
        const apiFloor = await apiFloorLoop(client, seated, n, half);
        await answerer.close();
        client.close();
        const healthRate = (healthBefore.requestsPerSecond + healthAfter.requestsPerSecond) / 2;
        const ratio = cycle.gradedPerSecond / healthRate;
        const row = {
          db: kind,
          instances: opts.instances,
          N: n,
          "health req/s": fixed(healthRate),
          "health p50/p95/p99 ms": healthBefore.latency.describe(),
          "api floor req/s": fixed(apiFloor.requestsPerSecond),
          "graded answers/s": fixed(cycle.gradedPerSecond),
          ratio: fixed(ratio, 3),
          "ratio goal": `≥ ${GOAL_RATIO[kind]}${n >= 50 ? (ratio >= GOAL_RATIO[kind] ? " met" : " NOT met") : ""}`,
          "next p50/p95/p99 ms": cycle.next.describe(),
          "submit p50/p95/p99 ms": cycle.submit.describe(),
          "submit p99 goal": n <= 10 ? `≤ ${GOAL_SUBMIT_P99_MS}${cycle.submit.percentile(99) <= GOAL_SUBMIT_P99_MS ? " met" : " NOT met"}` : "",
          right: `${Math.round((100 * cycle.correct) / Math.max(1, cycle.graded))} %`,
          "format errors": cycle.formatErrors,
          errors: cycle.errors.length + healthBefore.errors + healthAfter.errors + apiFloor.errors,
          learners: cycle.learnersUsed,
          "cpu in the cycle": cpu,
          answers: answerer.mode,
        };
        rows.push(row);
        console.log(JSON.stringify(row));
        if (cycle.errors.length > 0) console.log(`  first errors: ${[...new Set(cycle.errors)].slice(0, 3).join(" | ")}`);
      }
    } finally {
      await proxy?.stop();
      for (const server of servers) await server.stop();
      afterCycleSeconds = (performance.now() - cycleEndedAt) / 1000;
      await database.drop();
    }
  }
  console.table(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== "answers"))));
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify({ runId, at: new Date().toISOString(), loadavg: os.loadavg(), rows }, null, 2)}\n`);
  // The last class size's review cycle (with its warm-up), not the start-up, the sign-ups or the floors.
  if (opts.profileDir) await summariseProfiles(opts.profileDir, (opts.window.warmupMs + opts.window.measureMs) / 1000, afterCycleSeconds);
}
