/**
 * Issue 11, item 6: a bundle is a file anyone could have written, so a question it marks published
 * goes live only after the validation run publishing needs. `a/(a-a)` marked published used to
 * import live, and every learner who joined got a 400 from review.next.
 */
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWorkerPool } from "@/lib/server/workers/pool";
import { bundleText, divideByZero, mixedBundle } from "./content-safety-fixtures";
import { callerFor, newUser, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("importing a bundle validates what it publishes, on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("imports a published question that fails its validation as a draft, says why, and keeps it out of learners' queues", async () => {
    const db = database.prisma;
    const owner = callerFor(db, await newUser(db, "instructor"));
    const course = await owner.courses.create({ title: "Imported course" });
    const answeredBefore = getWorkerPool().answered;
    const imported = await owner.banks.import({ courseId: course.id, text: mixedBundle });
    // Three questions are marked published (broken, stride, edited's version 1): three runs, each on a worker thread.
    const runs = getWorkerPool().historySince(answeredBefore);
    expect(runs.map((run) => run.name)).toEqual(["validateQuestion", "validateQuestion", "validateQuestion"]);
    expect(runs.every((run) => run.threadId !== threadId)).toBe(true);
    expect(imported).toMatchObject({ title: "Imported", questions: 4 });
    expect(imported.drafts).toEqual([
      { key: "broken", position: 0, title: "Divide by nothing", version: 1, failureCount: 2, checked: 2, message: expect.stringMatching(/a\/\(a-a\).*division by zero/) },
    ]);

    const listed = await owner.questions.list({ bankId: imported.bankId });
    expect(listed.map((question) => [question.title, question.state, question.publishedVersion, question.latestVersion])).toEqual([
      ["Divide by nothing", "draft", null, 1],
      ["Output width with a stride", "published", 1, 1],
      ["Parameters of max pooling", "draft", null, 1],
      ["Edited into a broken draft", "published-with-draft", 1, 2],
    ]);
    // The validation run is recorded on the version it checked, as questions.validate records it.
    expect(listed[0]?.validation).toMatchObject({ ok: false, checked: 2, exhaustive: true, failureCount: 2 });
    expect(listed[1]?.validation).toMatchObject({ ok: true, checked: 2, failureCount: 0 });
    expect(listed[2]?.validation).toBeNull();
    const versionOne = await db.questionVersion.findFirstOrThrow({ where: { question: { bankId: imported.bankId, position: 3 }, version: 1 } });
    expect(versionOne.validation).toMatchObject({ ok: true });
    expect(versionOne.publishedAt).not.toBeNull();
    const brokenVersion = await db.questionVersion.findFirstOrThrow({ where: { question: { bankId: imported.bankId, position: 0 } } });
    expect(brokenVersion.publishedAt).toBeNull();

    // A learner who joins meets the published questions, never the broken one, and their queue moves on.
    const learner = callerFor(db, await newUser(db, "learner"));
    await learner.courses.join({ code: course.joinCode });
    const seen: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const issued = await learner.review.next();
      if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
      seen.push(issued.problem.template);
      await learner.review.submit({ variantId: issued.variantId, answer: "1" });
    }
    const ids = new Map(listed.map((question) => [`question:${question.id}`, question.title]));
    expect(seen.slice(0, 2).map((template) => ids.get(template))).toEqual(["Output width with a stride", "Edited into a broken draft"]);
    expect(seen).not.toContain(`question:${listed[0]?.id}`);

    // Fixed by its author, it validates and publishes as any question does.
    const broken = listed[0]!;
    await owner.questions.update({ questionId: broken.id, definition: { ...divideByZero, answer: { kind: "integer", formula: "a/(a+a)*2" } } });
    expect((await owner.questions.validate({ questionId: broken.id })).ok).toBe(true);
    expect(await owner.questions.publish({ questionId: broken.id })).toEqual({ id: broken.id, publishedVersion: 1 });
  });

  it("publishes every question of a bundle whose published questions all pass, with no drafts to report", async () => {
    const db = database.prisma;
    const owner = callerFor(db, await newUser(db, "instructor"));
    const course = await owner.courses.create({ title: "Clean import" });
    const imported = await owner.banks.import({ courseId: course.id, text: bundleText([["stride", [{ version: 1, published: true, definition: strideQuestion }]]]) });
    expect(imported.drafts).toEqual([]);
    expect((await owner.questions.list({ bankId: imported.bankId })).map((question) => question.state)).toEqual(["published"]);
  });
});
