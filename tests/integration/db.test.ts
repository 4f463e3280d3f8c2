import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  checkDatabase,
  createPrismaClient,
  DEFAULT_MIGRATIONS_DIR,
  IN_MEMORY,
  startEmbeddedPostgres,
  type PrismaClient,
} from "@/lib/db";
import { diffMigrationsToSchema } from "@/lib/db/diff-migrations";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** One learner who has answered one issued variant. */
async function writeReviewedVariant(prisma: PrismaClient, key: string) {
  const user = await prisma.user.create({ data: { id: `user-${key}`, name: "Ada", email: `${key}@example.test` } });
  const card = await prisma.card.create({
    data: { userId: user.id, templateId: "conv.output-size", due: new Date("2026-01-01T00:00:00Z") },
  });
  const variant = await prisma.variant.create({
    data: { userId: user.id, cardId: card.id, templateId: card.templateId, seed: 7, lang: "zh-CN" },
  });
  const review = await prisma.review.create({
    data: {
      variantId: variant.id,
      userId: user.id,
      cardId: card.id,
      templateId: card.templateId,
      seed: 7,
      lang: "zh-CN",
      answer: "16x15x15",
      score: 1,
      correct: true,
      rating: 3,
      suggestedRating: 3,
      elapsedMs: 12_345,
      stateBefore: { state: 0, reps: 0 },
      stateAfter: { state: 1, reps: 1, stability: 2.3 },
    },
  });
  return { user, card, variant, review };
}

describe.each(databaseKinds())("the database on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("answers a health check", async () => {
    await expect(checkDatabase(database.prisma)).resolves.toBe(true);
  });

  it("records the applied migrations, so applying them again applies nothing", async () => {
    await expect(applyMigrations({ url: database.url })).resolves.toEqual({ applied: [] });
    const recorded = await database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(await migrationNames());
  });

  it("writes a user, a card, a variant and a review, and reads them back", async () => {
    const { review } = await writeReviewedVariant(database.prisma, `${kind}-write`);
    const read = await database.prisma.review.findUniqueOrThrow({
      where: { id: review.id },
      include: { user: true, card: true, variant: true },
    });
    expect(read.answer).toBe("16x15x15");
    expect(read.stateAfter).toEqual({ state: 1, reps: 1, stability: 2.3 });
    expect(read.user.role).toBe("learner");
    expect(read.variant.seed).toBe(7);
    expect(read.card?.templateId).toBe("conv.output-size");
  });

  it("refuses to UPDATE or DELETE a review, through Prisma and through raw SQL", async () => {
    const { review } = await writeReviewedVariant(database.prisma, `${kind}-append-only`);
    const { prisma } = database;
    await expect(prisma.review.update({ where: { id: review.id }, data: { score: 0 } })).rejects.toThrow(/append-only/);
    await expect(prisma.review.delete({ where: { id: review.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.review.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE reviews SET answer = 'changed' WHERE id = ${review.id}`).rejects.toThrow(
      /append-only/,
    );
    const after = await prisma.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(after.score).toBe(1);
    expect(after.answer).toBe("16x15x15");
  });
});

describe.each(databaseKinds())("migrations on an empty %s database", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind, { migrate: false });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("applies every migration on the first run and nothing on the second", async () => {
    await expect(applyMigrations({ url: database.url })).resolves.toEqual({ applied: await migrationNames() });
    await expect(applyMigrations({ url: database.url })).resolves.toEqual({ applied: [] });
  });
});

describe("the migrations folder", () => {
  it("matches prisma/schema.prisma (a schema change without `npm run db:migrate` fails here)", async () => {
    const schemaPath = join(DEFAULT_MIGRATIONS_DIR, "..", "schema.prisma");
    const content = await readFile(schemaPath, "utf8");
    await expect(
      diffMigrationsToSchema({ migrationsDir: DEFAULT_MIGRATIONS_DIR, schema: { path: schemaPath, content } }),
    ).resolves.toBeNull();
  });

  it("yields the SQL of the next migration when the schema gains a field", async () => {
    const schemaPath = join(DEFAULT_MIGRATIONS_DIR, "..", "schema.prisma");
    const content = (await readFile(schemaPath, "utf8")).replace(
      "  locale        String    @default(\"en\")",
      "  locale        String    @default(\"en\")\n  timezone      String?",
    );
    const script = await diffMigrationsToSchema({ migrationsDir: DEFAULT_MIGRATIONS_DIR, schema: { path: schemaPath, content } });
    expect(script).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"timezone" TEXT/);
  });
});

describe("the embedded PGlite", () => {
  const scratch: string[] = [];
  async function scratchDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "stride-pglite-"));
    scratch.push(dir);
    return join(dir, "data");
  }

  afterAll(async () => {
    await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("keeps every row of a data directory across close and reopen", async () => {
    const dataDir = await scratchDir();
    const first = await startEmbeddedPostgres({ dataDir });
    await applyMigrations({ url: first.url });
    const writer = createPrismaClient({ url: first.url, kind: "pglite" });
    await writeReviewedVariant(writer, "reopen");
    await writer.$disconnect();
    await first.close();

    const second = await startEmbeddedPostgres({ dataDir });
    const reader = createPrismaClient({ url: second.url, kind: "pglite" });
    try {
      await expect(applyMigrations({ url: second.url })).resolves.toEqual({ applied: [] });
      await expect(reader.review.count()).resolves.toBe(1);
      await expect(reader.user.findUnique({ where: { email: "reopen@example.test" } })).resolves.toMatchObject({ name: "Ada" });
    } finally {
      await reader.$disconnect();
      await second.close();
    }
  });

  it("keeps every row when the process serving it is stopped with SIGTERM", async () => {
    const dataDir = await scratchDir();
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "support", "serve-embedded.ts"), dataDir, "25"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`serve-embedded exited early with ${code}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await expect(exited).resolves.toBe(0);

    const reopened = await startEmbeddedPostgres({ dataDir });
    const prisma = createPrismaClient({ url: reopened.url, kind: "pglite" });
    try {
      await expect(prisma.user.count({ where: { id: { startsWith: "sigterm-" } } })).resolves.toBe(25);
    } finally {
      await prisma.$disconnect();
      await reopened.close();
    }
  });

  it("refuses to open a data directory that is already open", async () => {
    const dataDir = await scratchDir();
    const open = await startEmbeddedPostgres({ dataDir });
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await open.close();
    }
  });

  it("runs several connections on one backend: while one holds a transaction, the others wait for it", async () => {
    const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
    const first = new pg.Client(embedded.url);
    const second = new pg.Client(embedded.url);
    try {
      await first.connect();
      await second.connect();
      await first.query("BEGIN");
      await first.query("CREATE TABLE held (x int)");
      let secondDone = false;
      const secondQuery = second.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'held'").then((result) => {
        secondDone = true;
        return result.rows[0];
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(secondDone).toBe(false);
      await first.query("COMMIT");
      await expect(secondQuery).resolves.toEqual({ n: 1 });
    } finally {
      await first.end();
      await second.end();
      await embedded.close();
    }
  });
});
