import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomQuestion } from "@/lib/questions";
import { courseQuestionProblem } from "@/lib/server/questions/course-question-problem";
import { publishedQuestionsFor } from "@/lib/server/questions/published-questions-for";
import { callerFor, insertReview, newUser, outcomeOf, plantedBadKernel, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("versioned course questions on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function courseWithBank() {
    const instructor = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    await callerFor(database.prisma, learner).courses.join({ code: course.joinCode });
    const bank = await owner.banks.create({ courseId: course.id, title: "Stride" });
    return { instructor, learner, owner, course, bank };
  }

  it("refuses to publish before a passing validation, then publishes version 1", async () => {
    const { owner, bank } = await courseWithBank();
    const question = await owner.questions.create({ bankId: bank.id, definition: strideQuestion });
    expect(question).toMatchObject({ version: 1, state: "draft" });
    await expect(owner.questions.publish({ questionId: question.id })).rejects.toThrow(/Run the validation on version 1/);

    const report = await owner.questions.validate({ questionId: question.id });
    // s ∈ {1, 2}: the whole space is two variants, both built.
    expect(report).toMatchObject({ ok: true, checked: 2, exhaustive: true, failureCount: 0 });
    expect(await owner.questions.publish({ questionId: question.id })).toEqual({ id: question.id, publishedVersion: 1 });
    const [listed] = await owner.questions.list({ bankId: bank.id });
    expect(listed).toMatchObject({ kind: "custom", title: "Output width with a stride", topic: "conv-arithmetic", state: "published", publishedVersion: 1, latestVersion: 1 });
    expect(listed?.validation).toMatchObject({ ok: true });
  });

  it("finds the planted bad variant (a 9×9 kernel on an 8×8 input) and keeps the question unpublished", async () => {
    const { owner, bank } = await courseWithBank();
    const question = await owner.questions.create({ bankId: bank.id, definition: plantedBadKernel });
    const report = await owner.questions.validate({ questionId: question.id });
    expect(report).toMatchObject({ ok: false, checked: 3, exhaustive: true, failureCount: 1 });
    expect(report.failures).toEqual([expect.objectContaining({ code: "engine-error", variables: { k: 9 } })]);
    await expect(owner.questions.publish({ questionId: question.id })).rejects.toThrow(/failed its validation/);
    // Preview shows a good variant whole, key and solution included: 8 − 5 + 1 = 4 (d2l 6.3).
    const seeds = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((seed) => owner.questions.preview({ questionId: question.id, seed, lang: "en" }).catch(() => null)));
    const five = seeds.find((preview) => preview?.variables?.k === 5);
    expect(five?.problem.answer).toEqual({ kind: "shape", value: [2, 4, 4] });
    expect(await outcomeOf(() => owner.questions.preview({ questionId: question.id, seed: seeds.findIndex((p) => p === null), lang: "en" }))).toBe("BAD_REQUEST");
  });

  it("makes an edit of a published question version 2, while reviews and new variants keep version 1 until it is published", async () => {
    const { owner, learner, bank } = await courseWithBank();
    const question = await owner.questions.create({ bankId: bank.id, definition: strideQuestion });
    await owner.questions.validate({ questionId: question.id });
    await owner.questions.publish({ questionId: question.id });
    const v1 = await database.prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: 1 } } });
    const review = await insertReview(database.prisma, { userId: learner.id, questionId: question.id, questionVersionId: v1.id, seed: 4, answer: "6", score: 1, elapsedMs: 9000, reviewedAt: new Date("2026-05-01T10:00:00Z") });

    // Input width 10 instead of 8: stride 1 gives 10 − 3 + 1 = 8.
    const wider: CustomQuestion = { ...(strideQuestion as CustomQuestion), prompt: { en: "Input width 10, kernel width 3, no padding, stride {{s}}: how wide is the output?" }, answer: { kind: "integer", formula: "floor((10 - 3) / s) + 1" } };
    expect(await owner.questions.update({ questionId: question.id, definition: wider })).toMatchObject({ version: 2, state: "published-with-draft" });
    // A second edit of the draft overwrites it: still version 2.
    expect(await owner.questions.update({ questionId: question.id, definition: wider })).toMatchObject({ version: 2 });
    expect(await database.prisma.questionVersion.count({ where: { questionId: question.id } })).toBe(2);
    expect((await database.prisma.review.findUniqueOrThrow({ where: { id: review.id } })).questionVersionId).toBe(v1.id);

    const templateId = `question:${question.id}`;
    const queued = await publishedQuestionsFor({ db: database.prisma, userId: learner.id });
    expect(queued).toEqual([expect.objectContaining({ templateId, questionVersionId: v1.id, version: 1 })]);
    // Owners do not get their own course's questions in their queue.
    expect(await publishedQuestionsFor({ db: database.prisma, userId: (await database.prisma.courseMember.findFirstOrThrow({ where: { role: "owner", course: { banks: { some: { id: bank.id } } } } })).userId })).toEqual([]);

    const preview1 = await owner.questions.preview({ questionId: question.id, seed: 4, lang: "en", version: 1 });
    const preview2 = await owner.questions.preview({ questionId: question.id, seed: 4, lang: "en" });
    expect(preview2.version).toBe(2);
    expect(preview1.variables).toEqual(preview2.variables);
    const s = preview1.variables?.s as number;
    // ⌊(8 − 3)/s⌋ + 1 and ⌊(10 − 3)/s⌋ + 1: 6 and 8 for stride 1, 3 and 4 for stride 2.
    expect([preview1.problem.answer.value, preview2.problem.answer.value]).toEqual(s === 1 ? [6, 8] : [3, 4]);
    const graded = await courseQuestionProblem({ db: database.prisma, templateId, versionId: v1.id, seed: 4, lang: "en" });
    expect(graded.problem.answer.value).toBe(preview1.problem.answer.value);
    // "Stride ignored" answers 8 − 3 + 1 = 6: named for stride 2, left out for stride 1 where it is the key.
    expect(graded.misconceptions.map((m) => [m.id, m.wrongAnswer.value])).toEqual(s === 1 ? [] : [["stride-ignored", 6]]);

    await expect(owner.questions.publish({ questionId: question.id })).rejects.toThrow(/Run the validation on version 2/);
    await owner.questions.validate({ questionId: question.id });
    await owner.questions.publish({ questionId: question.id });
    const v2 = await database.prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: 2 } } });
    expect(await publishedQuestionsFor({ db: database.prisma, userId: learner.id })).toEqual([expect.objectContaining({ questionVersionId: v2.id, version: 2 })]);
    const fresh = await courseQuestionProblem({ db: database.prisma, templateId, seed: 4, lang: "zh-CN" });
    expect(fresh).toMatchObject({ questionVersionId: v2.id, version: 2 });
    expect(fresh.problem.answer.value).toBe(preview2.problem.answer.value);
    expect((await database.prisma.review.findUniqueOrThrow({ where: { id: review.id } })).questionVersionId).toBe(v1.id);

    await owner.questions.archive({ questionId: question.id });
    expect(await publishedQuestionsFor({ db: database.prisma, userId: learner.id })).toEqual([]);
    expect(await owner.questions.list({ bankId: bank.id })).toEqual([]);
  });

  it("refuses a definition that breaks its schema, naming the field", async () => {
    const { owner, bank } = await courseWithBank();
    const broken = { ...strideQuestion, variables: [{ name: "s", min: 3, max: 1 }] };
    await expect(owner.questions.create({ bankId: bank.id, definition: broken })).rejects.toThrow(/variables\.0\.max: max is smaller than min/);
  });
});
