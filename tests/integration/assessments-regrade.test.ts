/**
 * Regrading (issue 14) on both databases: a key planted wrong in a question's first version, fixed
 * by its second, raises exactly the scores it wronged, lowers none unless the instructor asks, and
 * keeps both scores in the history.
 *
 * The question (d2l 7.3): input width 8, kernel width 3, no padding, stride s ∈ {1, 2}: the output
 * width is ⌊(8 − 3)/s⌋ + 1, so 6 or 3. Version 1 plants the classic slip of forgetting the "+ 1"
 * (key 5 or 2); version 2 is right.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { QuestionDefinition } from "@/lib/questions";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, outcomeOf, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");

const plantedWrong: QuestionDefinition = { ...strideQuestion, answer: { kind: "integer", formula: "floor((8 - 3) / s)" }, misconceptions: [] } as QuestionDefinition;

const stride = (prompt: string) => Number(/stride (\d+)/.exec(prompt)?.[1]);
const rightWidth = (prompt: string) => Math.floor((8 - 3) / stride(prompt)) + 1;
const plantedWidth = (prompt: string) => Math.floor((8 - 3) / stride(prompt));

describe.each(databaseKinds())("regrading on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function setUp() {
    const instructor = await newUser(db, "instructor");
    const teach = callerFor(db, instructor, () => START);
    const course = await teach.courses.create({ title: "CNN" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const question = await teach.questions.create({ bankId: bank.id, definition: plantedWrong });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    const { id: assessmentId } = await teach.assessments.save({
      courseId: course.id,
      titleEn: "Quiz",
      kind: "exam",
      zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10, 5] }],
      published: true,
    });
    const learners: SessionUser[] = [];
    for (const name of ["right", "planted", "unanswered"]) {
      const learner = await newUser(db, "learner", name);
      await callerFor(db, learner).courses.join({ code: course.joinCode });
      learners.push(learner);
    }
    const answered = new Map<string, string>();
    for (const [learner, answerOf] of [
      [learners[0]!, rightWidth],
      [learners[1]!, plantedWidth],
    ] as const) {
      const take = callerFor(db, learner, () => START);
      const { attemptId } = await take.assessments.start({ assessmentId });
      const shown = await take.assessments.question({ attemptId, position: 0 });
      // One try only: the right answer is graded wrong by the planted key (0 points, one try left),
      // the planted one right (10 points).
      await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(answerOf(shown.problem.prompt)) });
      answered.set(learner.id, attemptId);
    }
    await callerFor(db, learners[2]!, () => START).assessments.start({ assessmentId });
    return { instructor, teach, courseId: course.id, questionId: question.id, assessmentId, learners, answered };
  }

  async function fixKey(teach: ReturnType<typeof callerFor>, questionId: string) {
    await teach.questions.update({ questionId, definition: strideQuestion });
    expect((await teach.questions.validate({ questionId })).ok).toBe(true);
    await teach.questions.publish({ questionId });
  }

  const awarded = async (attemptId: string) => (await db.attemptQuestion.findFirstOrThrow({ where: { attemptId } })).awarded;

  it("shows the changes first, then raises exactly the wronged score and lowers none", async () => {
    const { teach, questionId, assessmentId, learners, answered } = await setUp();
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(10);
    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([]);
    await fixKey(teach, questionId);
    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([
      { questionId, title: "Output width with a stride", publishedVersion: 2, heldVersions: [1], staleQuestions: 3, staleTries: 2 },
    ]);

    const preview = await teach.assessments.regradePreview({ assessmentId, questionId });
    expect(preview).toMatchObject({ toVersion: 2, affected: 3, changed: 1 });
    const byName = Object.fromEntries(preview.changes.map((change) => [change.learner.name, change]));
    expect(byName.right).toMatchObject({ before: 0, regraded: 10, after: 10, changed: true });
    expect(byName.planted).toMatchObject({ before: 10, regraded: 0, after: 10, changed: false });
    expect(byName.unanswered).toMatchObject({ before: 0, regraded: 0, after: 0, changed: false });
    // A preview writes nothing.
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(0);

    const applied = await teach.assessments.regradeApply({ assessmentId, questionId });
    expect(applied).toMatchObject({ affected: 3, changed: 1 });
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(10);
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(10);
    // Both scores stay in the history: the try's original score beside its regraded one.
    const tries = await db.attemptTry.findMany({ where: { question: { attemptId: answered.get(learners[0]!.id)! } } });
    expect(tries.map((row) => [row.score, row.regradedScore])).toEqual([[0, 1]]);
    const changes = await db.regradeChange.findMany({ where: { regrade: { assessmentId } } });
    expect(changes.map((change) => [change.before, change.after]).sort()).toEqual([[0, 0], [0, 10], [10, 10]]);
    // The learner now sees the fixed points, and the question is done (solved on its first try).
    const view = await callerFor(db, learners[0]!, () => START).assessments.attempt({ assessmentId });
    expect(view.attempt?.questions[0]).toMatchObject({ awarded: 10, status: "done", triesLeft: 0 });

    expect(await teach.assessments.regradeCandidates({ assessmentId })).toEqual([]);
    // Applying again finds nothing on the old version: a double click changes nothing.
    expect(await teach.assessments.regradeApply({ assessmentId, questionId })).toMatchObject({ regradeId: null, affected: 0 });
  });

  it("lowers a score the planted key gave only when the instructor asks", async () => {
    const { teach, questionId, assessmentId, learners, answered } = await setUp();
    await fixKey(teach, questionId);
    const applied = await Promise.all([
      teach.assessments.regradeApply({ assessmentId, questionId, allowLower: true }),
      teach.assessments.regradeApply({ assessmentId, questionId, allowLower: true }),
    ]);
    // Two racing applies: one regrades, the other finds nothing left.
    expect(applied.map((result) => result.affected).sort()).toEqual([0, 3]);
    expect(await awarded(answered.get(learners[1]!.id)!)).toBe(0);
    expect(await awarded(answered.get(learners[0]!.id)!)).toBe(10);
    expect(await db.regrade.count({ where: { assessmentId } })).toBe(1);
  });

  it("is the course's instructors' alone", async () => {
    const { questionId, assessmentId, learners } = await setUp();
    const stranger = await newUser(db, "instructor");
    expect(await outcomeOf(() => callerFor(db, stranger).assessments.regradePreview({ assessmentId, questionId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => callerFor(db, learners[0]!).assessments.regradeApply({ assessmentId, questionId }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => callerFor(db, null).assessments.regradeApply({ assessmentId, questionId }))).toBe("UNAUTHORIZED");
  });
});
