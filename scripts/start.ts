/**
 * `npm start` (and `npm run dev` with --dev): builds the app when its sources changed, opens the
 * database (the embedded PGlite in STRIDE_DATA_DIR, or DATABASE_URL), applies pending
 * migrations, seeds the demo accounts on a database that lacks them, and serves Next.js on PORT.
 * SIGTERM and SIGINT close the server and the database cleanly, so nothing written is lost.
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { applyMigrations, createPrismaClient, startEmbeddedPostgres } from "@/lib/db";
import { createAuth } from "@/lib/server/auth/create-auth";
import { demoAccountsAllowed, DEMO_PASSWORD, seedDemoAccounts } from "@/lib/server/auth/demo-accounts";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { CLIENT_IP_HEADER } from "@/lib/server/http/request-identity";
import { syncBuiltInBank } from "@/lib/server/bank/sync-built-in-bank";
import { seedDemoCourse } from "@/lib/server/demo/seed-demo-course";
import { seedDemoHistory } from "@/lib/server/demo/seed-demo-history";
import { buildIsCurrent, recordBuild } from "./build-fingerprint";
import { loadOrCreateSecret } from "./auth-secret";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

// Decided from the NODE_ENV the person set, before we set our own for Next.js.
const demo = demoAccountsAllowed({ nodeEnv: process.env.NODE_ENV, strideDemo: process.env.STRIDE_DEMO });
// Next.js types NODE_ENV as read-only; this launcher is the one place that decides it.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { env } = await import("@/lib/env");
const config = env();
const dataDir = path.resolve(root, config.STRIDE_DATA_DIR);

function log(message: string) {
  console.log(`[stride] ${message}`);
}

function ensureBuild() {
  if (buildIsCurrent(root)) return;
  log("building the app (first start, or the sources changed)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error("[stride] the build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  recordBuild(root);
}

if (!dev) ensureBuild();

const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") });
const url = config.DATABASE_URL ?? embedded!.url;
const kind = embedded ? "pglite" : "postgres";
log(embedded ? `database: embedded PGlite in ${path.join(dataDir, "pglite")}` : "database: PostgreSQL from DATABASE_URL");

const { applied } = await applyMigrations({ url });
if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);

const secret = config.BETTER_AUTH_SECRET ?? loadOrCreateSecret(dataDir);
if (!config.BETTER_AUTH_SECRET && process.env.NODE_ENV === "production" && !demo) {
  log("warning: BETTER_AUTH_SECRET is not set; using a secret kept in the data directory. Set it when several app processes share one database.");
}

process.env.STRIDE_INTERNAL_DB_URL = url;
process.env.STRIDE_INTERNAL_DB_KIND = kind;
process.env.STRIDE_INTERNAL_DEMO = demo ? "1" : "0";
process.env.BETTER_AUTH_SECRET = secret;

{
  const prisma = createPrismaClient({ url, kind });
  try {
    const bank = await syncBuiltInBank({ db: prisma });
    log(`question bank: ${bank.active} templates${bank.retired.length > 0 ? ` (retired: ${bank.retired.join(", ")})` : ""}`);
  } finally {
    await prisma.$disconnect();
  }
}

if (demo) {
  const prisma = createPrismaClient({ url, kind });
  try {
    const auth = createAuth({ prisma, baseURL: baseUrlOf(config), secret, trustedOrigins: trustedOriginsOf(config) });
    const created = await seedDemoAccounts({ auth, prisma });
    if (created.length > 0) log(`demo accounts created: ${created.join(", ")} (password: ${DEMO_PASSWORD})`);
    const learner = await prisma.user.findUniqueOrThrow({ where: { email: "learner@example.com" }, select: { id: true } });
    const history = await seedDemoHistory({ db: prisma, userId: learner.id, now: new Date() });
    if (history.reviews > 0) log(`demo learner's history: ${history.reviews} reviews of ${history.cards} skills`);
    const instructor = await prisma.user.findUniqueOrThrow({ where: { email: "instructor@example.com" }, select: { id: true } });
    const course = await seedDemoCourse({ db: prisma, instructorId: instructor.id, learnerId: learner.id, now: new Date() });
    if (course.created) log(`demo course: join code ${course.joinCode}, ${course.reviews} class reviews`);
  } finally {
    await prisma.$disconnect();
  }
}

const app = next({ dev, dir: root, hostname: config.HOSTNAME, port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => {
  // The one address a client cannot forge: the TCP peer (lib/server/http/request-identity.ts).
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(config.PORT, config.HOSTNAME, () => log(`ready on ${baseUrlOf(config)}`));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: closing`);
  server.close();
  server.closeAllConnections();
  const services = (globalThis as { strideServices?: { db: { $disconnect(): Promise<void> } } }).strideServices;
  await services?.db.$disconnect().catch(() => undefined);
  await app.close?.();
  await embedded?.close();
  log("closed");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
