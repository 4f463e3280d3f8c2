import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/server/auth/demo-accounts";
import type { PreparationReport } from "@/lib/server/startup/prepare-database";
import { listTemplates } from "@/lib/problems";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const CHILD = path.resolve(import.meta.dirname, "support/prepare-in-child.ts");

type ChildResult = { code: number | null; output: string; report: PreparationReport | null };

/** One instance's preparation in its own process, as `npm start` would run it. */
function prepareInChild(url: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, url], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "test" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let report: PreparationReport | null = null;
      try {
        report = JSON.parse(last) as PreparationReport;
      } catch {
        report = null;
      }
      resolve({ code, output: `${stdout}\n${stderr}`, report });
    });
  });
}

// Only the PostgreSQL server has several processes on one database; PGlite's data directory
// belongs to one process (tests/integration/db.test.ts).
describe.runIf(databaseKinds().includes("postgres"))("two instances starting together on an empty PostgreSQL database", () => {
  let database: TestDatabase;
  let results: ChildResult[];

  beforeAll(async () => {
    database = await createTestDatabase("postgres", { migrate: false });
    results = await Promise.all([prepareInChild(database.url), prepareInChild(database.url)]);
  }, 240_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("both finish their preparation", () => {
    for (const result of results) expect(result.code, result.output).toBe(0);
  });

  it("applies each migration once, by one of them", async () => {
    // prisma/migrations: one folder per migration.
    const migrations = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const rows = await database.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((row) => row.migration_name).sort()).toEqual([...migrations].sort());
    const applied = results.flatMap((result) => result.report?.migrationsApplied ?? []);
    expect(applied.sort()).toEqual([...migrations].sort());
  });

  it("creates each demo account, the demo history and the demo course once", async () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(await database.prisma.user.count({ where: { email: account.email } })).toBe(1);
    }
    expect(results.flatMap((result) => result.report?.demoAccountsCreated ?? []).sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    const learner = await database.prisma.user.findUniqueOrThrow({ where: { email: "learner@example.com" } });
    const seededHistory = results.map((result) => result.report?.demoHistoryReviews ?? 0);
    // One of the two wrote the history; the other found it there.
    expect(seededHistory.filter((reviews) => reviews > 0)).toHaveLength(1);
    const practiceAndReviews = await database.prisma.review.count({ where: { userId: learner.id } });
    expect(practiceAndReviews).toBe(Math.max(...seededHistory));
    expect(await database.prisma.course.count({ where: { title: "CNN basics (demo)" } })).toBe(1);
    expect(results.filter((result) => result.report?.demoCourseCreated)).toHaveLength(1);
  });

  it("writes every built-in template once", async () => {
    expect(await database.prisma.template.count()).toBe(listTemplates().length);
  });
});
