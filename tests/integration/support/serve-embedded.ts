/**
 * A separate process that serves a PGlite data directory the way the app does, for the test that
 * stops it with SIGTERM: `node --import tsx serve-embedded.ts <dataDir> <users>`. It migrates,
 * writes <users> users, prints "ready", and on SIGTERM disconnects and closes PGlite.
 */
import { applyMigrations, createPrismaClient, startEmbeddedPostgres } from "@/lib/db";

const [dataDir, users = "10"] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: serve-embedded.ts <dataDir> [users]");

const embedded = await startEmbeddedPostgres({ dataDir });
await applyMigrations({ url: embedded.url });
const prisma = createPrismaClient({ url: embedded.url, kind: "pglite" });
for (let i = 0; i < Number(users); i++) {
  await prisma.user.create({ data: { id: `sigterm-${i}`, name: `Learner ${i}`, email: `sigterm-${i}@example.test` } });
}

process.once("SIGTERM", () => {
  void (async () => {
    await prisma.$disconnect();
    await embedded.close();
    process.exit(0);
  })();
});
console.log("ready");
