import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankExport } from "@/lib/cli/commands/bank-export";
import { bankImport } from "@/lib/cli/commands/bank-import";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/main";
import { nestedSpecText, sequentialPath } from "../engine/nested-spec";
import { mixedBundle } from "./content-safety-fixtures";
import { callerFor, newUser, plantedBadKernel, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: async (text) => void out.push(text),
    err: (line) => void err.push(line),
    readStdin: async () => "",
    stdinLines: async function* () {},
    readFile: (file) => readFile(file, "utf8"),
  };
  return { io, out, err };
}

const bundleOf = (questions: unknown[]) =>
  JSON.stringify({ format: "stride-bank", version: 1, bank: { title: "CLI bank", questions: questions.map((definition, index) => ({ key: `q${index + 1}`, versions: [{ version: 1, published: false, definition }] })) } });

describe("stride bank validate", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stride-bank-"));

  it("passes a bundle whose questions all build, one line each", async () => {
    const file = path.join(dir, "good.json");
    writeFileSync(file, bundleOf([strideQuestion, poolingChoice]));
    const { io, out } = memoryIo();
    expect(await runCli(["bank", "validate", file], io)).toBe(0);
    // The stride question has 2 variants (s = 1, 2), the fixed one 1.
    expect(out.join("")).toBe("q1 v1: ok; variants checked: 2 (all); duplicate groups: 0\nq2 v1: ok; variants checked: 1 (all); duplicate groups: 0\n");
  });

  it("exits 2 listing the planted bad variant, and 2 naming the path of a schema error", async () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, bundleOf([plantedBadKernel]));
    const first = memoryIo();
    expect(await runCli(["bank", "validate", bad, "--json"], first.io)).toBe(2);
    expect(JSON.parse(first.out.join(""))).toMatchObject({ key: "q1", ok: false, failureCount: 1, failures: [{ code: "engine-error", variables: { k: 9 } }] });

    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, bundleOf([{ ...poolingChoice, difficulty: "impossible" }]));
    const second = memoryIo();
    expect(await runCli(["bank", "validate", broken], second.io)).toBe(2);
    expect(second.err.join("\n")).toMatch(/^stride: bank\.questions\.0\.versions\.0\.definition\.difficulty: /);
    const third = memoryIo();
    expect(await runCli(["bank", "frobnicate"], third.io)).toBe(2);
    expect(third.err).toEqual(['stride: unknown command "bank frobnicate" (see stride --help)']);
  });

  it("exits 2 naming the nesting cap and the path of a spec nested 10,000 levels, not a stack overflow", async () => {
    const deep = path.join(dir, "deep.json");
    const definition = JSON.stringify({ ...plantedBadKernel, answer: { kind: "shape", engine: { mode: "analyze", spec: "SPEC", select: "outputShape" } } }).replace('"SPEC"', nestedSpecText(10_000));
    writeFileSync(deep, `{"format":"stride-bank","version":1,"bank":{"title":"Deep","questions":[{"key":"q1","versions":[{"version":1,"published":true,"definition":${definition}}]}]}}`);
    const { io, err } = memoryIo();
    expect(await runCli(["bank", "validate", deep], io)).toBe(2);
    expect(err).toEqual([
      `stride: bank.questions.0.versions.0.definition.answer.engine.spec: layer ${sequentialPath(17)} (sequential): composites nest more than 16 levels deep, the engine's cap (the zoo's deepest network nests 3)`,
    ]);
  });
});

describe.each(databaseKinds())("stride bank export and import on %s", (kind) => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "stride-bank-"));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("exports a bank to a file and imports it into a course, as an owner only", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const stranger = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Pooling" });
    await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    const open = async () => ({ db: database.prisma, close: async () => undefined });

    const file = path.join(dir, "pooling.json");
    expect(await bankExport(["--bank", bank.id, "--as", instructor.email, file], memoryIo().io, open)).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toBe((await owner.banks.export({ bankId: bank.id, format: "bundle" })).body);

    const imported = memoryIo();
    expect(await bankImport(["--course", course.id, "--as", instructor.email, file], imported.io, open)).toBe(0);
    expect(JSON.parse(imported.out.join(""))).toMatchObject({ title: "Pooling", questions: 1 });
    expect((await owner.banks.list({ courseId: course.id })).map((b) => b.title)).toEqual(["Pooling", "Pooling"]);

    // A published question that fails its validation is imported as a draft, and stderr says so.
    const mixed = path.join(dir, "mixed.json");
    writeFileSync(mixed, mixedBundle);
    const drafted = memoryIo();
    expect(await bankImport(["--course", course.id, "--as", instructor.email, mixed], drafted.io, open)).toBe(0);
    expect(JSON.parse(drafted.out.join(""))).toMatchObject({ title: "Imported", questions: 4, drafts: [{ key: "broken", version: 1, failureCount: 2, checked: 2 }] });
    expect(drafted.err).toEqual([expect.stringMatching(/^stride: broken \(version 1\) stayed a draft: 2 of 2 variants failed its validation, e\.g\. .*division by zero$/)]);
    const importedBank = (await owner.banks.list({ courseId: course.id })).at(-1)!;
    expect((await owner.questions.list({ bankId: importedBank.id })).map((question) => question.state)).toEqual(["draft", "published", "draft", "published-with-draft"]);

    // A spec nested 10,000 levels: the cap's message, as a caller error, and nothing imported.
    const deep = path.join(dir, "deep-import.json");
    const definition = JSON.stringify({ ...plantedBadKernel, answer: { kind: "shape", engine: { mode: "analyze", spec: "SPEC", select: "outputShape" } } }).replace('"SPEC"', nestedSpecText(10_000));
    writeFileSync(deep, `{"format":"stride-bank","version":1,"bank":{"title":"Deep","questions":[{"key":"q1","versions":[{"version":1,"published":true,"definition":${definition}}]}]}}`);
    const banksBefore = (await owner.banks.list({ courseId: course.id })).length;
    await expect(bankImport(["--course", course.id, "--as", instructor.email, deep], memoryIo().io, open)).rejects.toMatchObject({
      name: "UsageError",
      message: expect.stringContaining("definition.answer.engine.spec: layer 0.layers.0"),
    });
    expect((await owner.banks.list({ courseId: course.id })).length).toBe(banksBefore);

    // Not an owner: refused as in the app (the course does not exist for them).
    await expect(bankImport(["--course", course.id, "--as", stranger.email, file], memoryIo().io, open)).rejects.toMatchObject({ name: "UsageError", message: "There is no such course of yours." });
  });
});
