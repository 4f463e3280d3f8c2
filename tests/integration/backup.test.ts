import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbBackup } from "@/lib/cli/commands/db-backup";
import { dbRestore } from "@/lib/cli/commands/db-restore";
import type { CliIo } from "@/lib/cli/io";
import { applyMigrations, createPrismaClient, startEmbeddedPostgres } from "@/lib/db";
import { slipOf, typedAnswer } from "@/lib/server/demo/typed-answer";
import { sampleProblem, type Lang } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";

function captureIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: async (text) => void lines.push(...text.trim().split("\n")),
    err: (line) => void lines.push(line),
    readStdin: async () => "",
    stdinLines: async function* () {},
    readFile: async () => "",
  };
}

/** Opens the embedded database in `dataDir` as the server would, runs `task`, closes it. */
async function withDatabase<T>(dataDir: string, task: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const embedded = await startEmbeddedPostgres({ dataDir });
  const db = createPrismaClient({ url: embedded.url, kind: "pglite" });
  try {
    await applyMigrations({ url: embedded.url });
    return await task(db);
  } finally {
    await db.$disconnect();
    await embedded.close();
  }
}

describe("stride db backup / restore (the embedded database)", () => {
  const root = mkdtempSync(path.join(tmpdir(), "stride-backup-"));
  const dataDir = path.join(root, "pglite");
  const file = path.join(root, "stride.backup.tar.gz");
  const learner: SessionUser = { id: "backed-up", email: "backed-up@example.com", name: "Backed Up", role: "learner", locale: "en" };
  let reviewIds: string[] = [];

  beforeAll(async () => {
    // Reviews written through the API, as a learner answering would.
    reviewIds = await withDatabase(dataDir, async (db) => {
      await db.user.create({ data: { id: learner.id, email: learner.email, name: learner.name } });
      const caller = createCaller(createContext({ db, user: learner }));
      const ids: string[] = [];
      for (let n = 0; n < 6; n += 1) {
        const issued = await caller.review.next();
        if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
        const variant = await db.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
        const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
        const answer = typedAnswer(n % 2 === 0 ? problem.answer : slipOf(problem.answer, problem.options));
        const result = await caller.review.submit({ variantId: issued.variantId, answer });
        if (result.status !== "graded") throw new Error("expected a graded answer");
        ids.push(result.reviewId);
      }
      return ids;
    });
  }, 120_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("backs up, and after the data directory is wiped, restores every review", async () => {
    const io = captureIo();
    expect(await dbBackup([file], io, () => dataDir)).toBe(0);
    const written = JSON.parse(io.lines[0]!) as { file: string; bytes: number };
    expect(written.file).toBe(file);
    expect(written.bytes).toBeGreaterThan(0);

    rmSync(dataDir, { recursive: true, force: true });
    const restoreIo = captureIo();
    expect(await dbRestore([file], restoreIo, () => dataDir)).toBe(0);
    expect(JSON.parse(restoreIo.lines[0]!)).toEqual({ restored: file, previous: null });

    const restored = await withDatabase(dataDir, (db) => db.review.findMany({ where: { userId: learner.id }, select: { id: true } }));
    expect(restored.map((review) => review.id).sort()).toEqual([...reviewIds].sort());
  }, 120_000);

  it("restoring over a database keeps the replaced one aside", async () => {
    const io = captureIo();
    expect(await dbRestore([file], io, () => dataDir)).toBe(0);
    const { previous } = JSON.parse(io.lines[0]!) as { previous: string };
    expect(previous).toContain(`${dataDir}.before-restore-`);
    expect(existsSync(path.join(previous, "PG_VERSION"))).toBe(true);
    const count = await withDatabase(dataDir, (db) => db.review.count({ where: { userId: learner.id } }));
    expect(count).toBe(reviewIds.length);
  }, 120_000);

  it("refuses while a server holds the data directory, and names what to do", async () => {
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      await expect(dbRestore([file], captureIo(), () => dataDir)).rejects.toThrow(/in use by process .*Stop the server first/);
      await expect(dbBackup([path.join(root, "other.tar.gz")], captureIo(), () => dataDir)).rejects.toThrow(/Stop the server first/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("refuses a file that is not a backup, and a directory without a database", async () => {
    const notBackup = path.join(root, "not-a-backup.txt");
    writeFileSync(notBackup, "hello");
    await expect(dbRestore([notBackup], captureIo(), () => path.join(root, "elsewhere"))).rejects.toMatchObject({ name: "UsageError" });
    await expect(dbBackup([path.join(root, "x.tar.gz")], captureIo(), () => path.join(root, "nothing-here"))).rejects.toThrow(/no embedded database/);
  }, 60_000);
});
