import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTemplates } from "@/lib/problems";
import { syncBuiltInBank } from "@/lib/server/bank/sync-built-in-bank";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("the built-in question bank on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("holds every registered template with its topic, titles in both languages and difficulties", async () => {
    const result = await syncBuiltInBank({ db: database.prisma });
    const templates = listTemplates();
    expect(result).toEqual({ active: templates.length, retired: [] });
    const rows = await database.prisma.template.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => row.id)).toEqual(templates.map((t) => t.template).sort());
    const conv = rows.find((row) => row.id === "conv.output-size")!;
    expect(conv).toMatchObject({ topic: "conv-arithmetic", answerKind: "shape", active: true });
    expect(conv.titleZh).not.toBe(conv.titleEn);
    expect(conv.difficulties).toEqual(["easy", "medium", "hard"]);
  });

  it("is idempotent and retires a template that left the code without deleting it", async () => {
    await database.prisma.template.create({
      data: { id: "old.template", topic: "pooling", titleEn: "Old", titleZh: "旧", answerKind: "integer", difficulties: ["easy"] },
    });
    const result = await syncBuiltInBank({ db: database.prisma });
    expect(result.retired).toEqual(["old.template"]);
    const old = await database.prisma.template.findUniqueOrThrow({ where: { id: "old.template" } });
    expect(old.active).toBe(false);
    const again = await syncBuiltInBank({ db: database.prisma });
    expect(again.retired).toEqual([]);
    expect(await database.prisma.template.count({ where: { active: true } })).toBe(listTemplates().length);
  });
});
