/**
 * `npm start` (and `npm run dev` with --dev; `--build-only` stops after the build, `--no-build`
 * serves whatever build exists): builds the app when its sources changed, opens the database
 * (the embedded PGlite in STRIDE_DATA_DIR, or DATABASE_URL), prepares it (migrations, the
 * built-in bank, the demo accounts: lib/server/startup/prepare-database.ts, safe when many
 * instances start at once), starts the job queue's workers and serves Next.js on PORT.
 *
 * In production, /api/trpc is answered here without Next.js's router, by the API bundle that
 * `npm run build` makes beside the Next.js build (scripts/build-api.ts, lib/server/http/
 * api-server.ts): the same handler as the Next.js route, without the quarter of the CPU its
 * router took per call. Everything else, /api/health included, is Next.js's. `--dev`, a build
 * without the bundle, or `--api-through-next` (to compare the two) leave /api/trpc to Next.js.
 *
 * SIGTERM and SIGINT drain, then close: readiness (/api/health/ready) answers 503 at once, so a
 * proxy stops sending work; after STRIDE_DRAIN_SECONDS the server stops accepting connections,
 * finishes the requests it has, stops the job workers and closes the database, so nothing
 * written is lost.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedPostgresThread } from "@/lib/db/embedded-thread";
import { demoAccountsAllowed } from "@/lib/server/auth/demo-accounts";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { CLIENT_IP_HEADER } from "@/lib/server/http/request-identity";
import { setJobQueue } from "@/lib/server/jobs/job-queue";
import { createPgBossQueue } from "@/lib/server/jobs/pg-boss-queue";
import { QUEUES, startJobWorkers } from "@/lib/server/jobs/queues";
import { markDraining, markPrepared } from "@/lib/server/startup/lifecycle";
import { prepareDatabase } from "@/lib/server/startup/prepare-database";
import { apiBundlePath, buildExists, buildIsCurrent, recordBuild } from "./build-fingerprint";
import { loadOrCreateSecret } from "./auth-secret";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

// Decided from the NODE_ENV the person set, before we set our own for Next.js.
const demo = demoAccountsAllowed({ nodeEnv: process.env.NODE_ENV, strideDemo: process.env.STRIDE_DEMO });
// Next.js types NODE_ENV as read-only; this launcher is the one place that decides it.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { env } = await import("@/lib/env");
const { getLogger } = await import("@/lib/server/observability/logger");
const config = env();
const logger = getLogger();
const dataDir = path.resolve(root, config.STRIDE_DATA_DIR);

function ensureBuild() {
  if (buildIsCurrent(root)) return;
  logger.info("building the app (first start, or the sources changed)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    logger.fatal("the build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  recordBuild(root);
}

// `--no-build`: serve the build that is there even if sources changed since (the journeys' own
// servers, which must not rebuild under the shared server they run beside).
if (!dev && !(process.argv.includes("--no-build") && buildExists(root))) ensureBuild();
// `--build-only`: build once before starting several instances from one checkout (README).
if (process.argv.includes("--build-only")) process.exit(0);

// The embedded database runs on a thread of its own (lib/db/embedded-thread.ts), beside the requests'.
const embedded = config.DATABASE_URL
  ? null
  : await startEmbeddedPostgresThread({
      dataDir: path.join(dataDir, "pglite"),
      onExit: (error) => {
        logger.fatal({ err: error }, "the embedded database stopped; the server cannot go on without it");
        process.exit(1);
      },
    });
const url = config.DATABASE_URL ?? embedded!.url;
const kind = embedded ? "pglite" : "postgres";
logger.info(embedded ? { database: "pglite", dataDir: path.join(dataDir, "pglite") } : { database: "postgres" }, "database opened");

const secret = config.BETTER_AUTH_SECRET ?? loadOrCreateSecret(dataDir);
if (!config.BETTER_AUTH_SECRET && process.env.NODE_ENV === "production" && !demo) {
  logger.warn("BETTER_AUTH_SECRET is not set; using a secret kept in the data directory. Set it when several app processes share one database.");
}

const prepared = await prepareDatabase({
  url,
  kind,
  demo,
  auth: { baseURL: baseUrlOf(config), secret, trustedOrigins: trustedOriginsOf(config) },
  logger,
});
markPrepared(prepared.migrations);

process.env.STRIDE_INTERNAL_DB_URL = url;
process.env.STRIDE_INTERNAL_DB_KIND = kind;
process.env.STRIDE_INTERNAL_DEMO = demo ? "1" : "0";
process.env.BETTER_AUTH_SECRET = secret;

// The workers share one Prisma client of their own; on PGlite everything is one backend anyway.
const jobsDb = createPrismaClient({ url, kind });
const queue = await createPgBossQueue({ url, kind, queues: QUEUES, onError: (error) => logger.error({ err: error }, "job queue error") });
await startJobWorkers({ queue, db: jobsDb, logger });
setJobQueue(queue);

/** What the API bundle exports (lib/server/http/api-server.ts). */
interface ApiBundle {
  isApiRequest(method: string | undefined, url: string | undefined): boolean;
  prepareApi(): void;
  serveApi(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The API bundle of this build, loaded after the database is open (it reads STRIDE_INTERNAL_*); null when /api/trpc stays with Next.js. */
async function loadApiBundle(): Promise<ApiBundle | null> {
  if (dev || process.argv.includes("--api-through-next")) return null;
  const file = apiBundlePath(root);
  if (!existsSync(file)) {
    logger.warn({ file }, "this build has no API bundle: /api/trpc goes through Next.js (npm run build makes one)");
    return null;
  }
  const api = (await import(pathToFileURL(file).href)) as ApiBundle;
  api.prepareApi();
  return api;
}

const api = await loadApiBundle();
const app = next({ dev, dir: root, hostname: config.HOSTNAME, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => {
  // The one address a client cannot forge: the TCP peer (lib/server/http/request-identity.ts).
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
  if (api?.isApiRequest(req.method, req.url)) void api.serveApi(req, res);
  else void handle(req, res);
});
server.listen(config.PORT, config.HOSTNAME, () =>
  logger.info({ url: baseUrlOf(config), port: config.PORT, api: api ? "launcher" : "next" }, `ready on ${baseUrlOf(config)}`),
);

/** How long requests in flight get to finish once the server stops accepting connections. */
const IN_FLIGHT_GRACE_MS = 10_000;

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  markDraining();
  logger.info({ signal, drainSeconds: config.STRIDE_DRAIN_SECONDS }, "draining: readiness now answers 503");
  if (config.STRIDE_DRAIN_SECONDS > 0) await new Promise((resolve) => setTimeout(resolve, config.STRIDE_DRAIN_SECONDS * 1000));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_GRACE_MS))]);
  server.closeAllConnections();
  await queue.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the job queue failed"));
  await jobsDb.$disconnect().catch(() => undefined);
  const services = (globalThis as { strideServices?: { db: { $disconnect(): Promise<void> } } }).strideServices;
  await services?.db.$disconnect().catch(() => undefined);
  await app.close?.();
  await embedded?.close();
  logger.info("closed");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
