import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, newUser, outcomeOf, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("bank exchange on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A bank with a published stride question edited into a draft version 2, a published fixed one, and an archived one. */
  async function authoredBank() {
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    const bank = await owner.banks.create({ courseId: course.id, title: "Stride, pooling" });
    const stride = await owner.questions.create({ bankId: bank.id, definition: strideQuestion });
    await owner.questions.validate({ questionId: stride.id });
    await owner.questions.publish({ questionId: stride.id });
    await owner.questions.update({ questionId: stride.id, definition: { ...strideQuestion, title: { en: "Output width, stride 1 or 2" } } });
    const pooling = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    await owner.questions.validate({ questionId: pooling.id });
    await owner.questions.publish({ questionId: pooling.id });
    const gone = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    await owner.questions.archive({ questionId: gone.id });
    return { owner, course, bank };
  }

  it("exports a bank, imports it as a new bank, and exports the same bytes again", async () => {
    const { owner, course, bank } = await authoredBank();
    const first = await owner.banks.export({ bankId: bank.id, format: "bundle" });
    expect(first).toMatchObject({ contentType: "application/json; charset=utf-8", filename: "stride-pooling.stride-bank.json" });
    const parsed = JSON.parse(first.body);
    expect(parsed.bank.title).toBe("Stride, pooling");
    expect(parsed.bank.questions.map((q: { key: string; versions: { version: number; published: boolean }[] }) => [q.key, q.versions.map((v) => [v.version, v.published])])).toEqual([
      ["q1", [[1, true], [2, false]]],
      ["q2", [[1, true]]],
    ]);

    const imported = await owner.banks.import({ courseId: course.id, text: first.body });
    expect(imported).toMatchObject({ title: "Stride, pooling", questions: 2 });
    const listed = await owner.questions.list({ bankId: imported.bankId });
    expect(listed.map((q) => [q.title, q.state, q.publishedVersion, q.latestVersion])).toEqual([
      ["Output width, stride 1 or 2", "published-with-draft", 1, 2],
      ["Parameters of max pooling", "published", 1, 1],
    ]);
    const again = await owner.banks.export({ bankId: imported.bankId, format: "bundle" });
    expect(again.body).toBe(first.body);
  });

  it("refuses a bad bundle whole, naming the path of each problem", async () => {
    const { owner, course } = await authoredBank();
    const banksBefore = (await owner.banks.list({ courseId: course.id })).length;
    const bad = JSON.stringify({
      format: "stride-bank",
      version: 1,
      bank: { title: "Bad", questions: [{ key: "q1", versions: [{ version: 1, published: true, definition: { ...poolingChoice, topic: "knitting" } }] }] },
    });
    await expect(owner.banks.import({ courseId: course.id, text: bad })).rejects.toThrow(/bank\.questions\.0\.versions\.0\.definition\.topic/);
    await expect(owner.banks.import({ courseId: course.id, text: "{not json" })).rejects.toThrow(/not JSON/);
    expect(await outcomeOf(() => owner.banks.import({ courseId: course.id, text: JSON.stringify({ format: "other" }) }))).toBe("BAD_REQUEST");
    expect((await owner.banks.list({ courseId: course.id })).length).toBe(banksBefore);
  });

  it("exports Moodle XML and GIFT of the published versions", async () => {
    const { owner, bank } = await authoredBank();
    const moodle = await owner.banks.export({ bankId: bank.id, format: "moodle" });
    expect(moodle.contentType).toBe("application/xml; charset=utf-8");
    expect(moodle.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')).toBe(true);
    expect(moodle.body.trimEnd().endsWith("</quiz>")).toBe(true);
    const types = [...moodle.body.matchAll(/<question type="([a-z]+)">/g)].map((match) => match[1]);
    expect(types[0]).toBe("category");
    expect(types).toContain("multichoice");
    // The published version 1 is exported, not the draft's new title.
    expect(moodle.body).toContain("<name><text>Output width with a stride</text></name>");
    expect(moodle.body).not.toContain("stride 1 or 2");

    const gift = await owner.banks.export({ bankId: bank.id, format: "gift", lang: "zh-CN" });
    expect(gift.body.startsWith("$CATEGORY: $course$/top/Stride, pooling")).toBe(true);
    expect(gift.body).toContain("::最大汇聚层的参数::");
  });
});
