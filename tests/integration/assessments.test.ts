/**
 * Quizzes and exams through the tRPC caller (issue 14), on both databases: an instructor saves
 * assessments, learners take their own attempt, and the rules hold against a client that repeats,
 * races and lies about time (the clock is the server's, injected here).
 *
 * The question is `strideQuestion` (d2l 7.3): input width 8, kernel width 3, no padding, stride s
 * ∈ {1, 2}, so the output width is ⌊(8 − 3)/s⌋ + 1: 6 for stride 1, 3 for stride 2. The tests
 * read s from the prompt the learner sees and work the key out from that formula themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { variantSeed } from "@/lib/server/assessments/variant-seed";
import { demoAnswer } from "@/lib/server/demo/demo-answer";
import { medianAnswerTime } from "@/lib/server/reviews/median-answer-time";
import type { SessionUser } from "@/lib/server/trpc";
import { typicalMsForKind } from "@/lib/srs/median-time";
import { callerFor, newUser, outcomeOf, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const MINUTE = 60_000;

/** The key of a strideQuestion variant, from the stride its prompt states. */
function widthFor(prompt: string): number {
  const stride = Number(/stride (\d+)/.exec(prompt)?.[1]);
  expect([1, 2]).toContain(stride);
  return Math.floor((8 - 3) / stride) + 1;
}

interface Course {
  instructor: SessionUser;
  courseId: string;
  bankId: string;
  questionId: string;
  choiceId: string;
}

async function courseWithQuestions(db: PrismaClient): Promise<Course> {
  const instructor = await newUser(db, "instructor");
  const teach = callerFor(db, instructor, () => START);
  const course = await teach.courses.create({ title: "CNN", timeZone: "Asia/Shanghai" });
  const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
  const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
  const choice = await teach.questions.create({ bankId: bank.id, definition: poolingChoice });
  for (const { id } of [question, choice]) {
    expect((await teach.questions.validate({ questionId: id })).ok).toBe(true);
    await teach.questions.publish({ questionId: id });
  }
  return { instructor, courseId: course.id, bankId: bank.id, questionId: question.id, choiceId: choice.id };
}

async function learnerOf(db: PrismaClient, course: Course): Promise<SessionUser> {
  const learner = await newUser(db, "learner");
  const { joinCode } = await db.course.findUniqueOrThrow({ where: { id: course.courseId }, select: { joinCode: true } });
  await callerFor(db, learner).courses.join({ code: joinCode });
  return learner;
}

describe.each(databaseKinds())("assessments on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
  });

  afterAll(async () => {
    await database?.drop();
  });

  function exam(course: Course, extra: Record<string, unknown> = {}) {
    return callerFor(db, course.instructor, () => START).assessments.save({
      courseId: course.courseId,
      titleEn: "Midterm",
      titleZh: "期中考试",
      kind: "exam",
      zones: [{ pool: [{ question: course.questionId }], draw: 1, points: 10, pointsPerTry: [10, 7, 5] }],
      timeLimitMinutes: 30,
      published: true,
      ...extra,
    });
  }

  it("stores dates given as the course's wall clock as instants, and gives them back as the wall clock", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course, { opensAt: "2026-05-04T08:00", dueAt: "2026-05-11T17:00", lateUntil: "2026-05-12T17:00", lateCredit: 0.5 });
    const row = await db.assessment.findUniqueOrThrow({ where: { id } });
    // Asia/Shanghai is UTC+8 all year.
    expect(row.opensAt?.toISOString()).toBe("2026-05-04T00:00:00.000Z");
    expect(row.dueAt?.toISOString()).toBe("2026-05-11T09:00:00.000Z");
    const form = await callerFor(db, course.instructor).assessments.get({ assessmentId: id });
    expect(form).toMatchObject({ opensAt: "2026-05-04T08:00", dueAt: "2026-05-11T17:00", lateUntil: "2026-05-12T17:00", lateCredit: 0.5, timeZone: "Asia/Shanghai", countsForReview: false });
  });

  it("takes two saves of one assessment sent at once (two tabs, two owners): both answered, the zones of one of them kept whole", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course);
    const teach = callerFor(db, course.instructor, () => START);
    const edit = (title: string, zones: number) =>
      teach.assessments.save({
        assessmentId: id,
        courseId: course.courseId,
        titleEn: title,
        kind: "homework",
        zones: Array.from({ length: zones }, (_, index) => ({ pool: [{ question: index % 2 === 0 ? course.questionId : course.choiceId }], draw: 1, points: 5 + index })),
      });
    const results = await Promise.allSettled([edit("Two zones", 2), edit("Three zones", 3), edit("Two zones", 2), edit("Three zones", 3)]);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const saved = await db.assessment.findUniqueOrThrow({ where: { id }, select: { titleEn: true, zones: { select: { position: true, points: true }, orderBy: { position: "asc" } } } });
    // Never a mix of the two saves' zones: the zones belong to the title saved last.
    const expected = saved.titleEn === "Two zones" ? 2 : 3;
    expect(saved.zones).toEqual(Array.from({ length: expected }, (_, index) => ({ position: index, points: 5 + index })));
  });

  it("expands a whole bank into its published questions and names every rule it refuses by field", async () => {
    const course = await courseWithQuestions(db);
    const teach = callerFor(db, course.instructor, () => START);
    const { id } = await teach.assessments.save({ courseId: course.courseId, titleEn: "HW 1", kind: "homework", zones: [{ pool: [{ bank: course.bankId }, { template: "conv.output-size" }], draw: 2, points: 5 }] });
    const zone = await db.assessmentZone.findFirstOrThrow({ where: { assessmentId: id } });
    expect(zone.pool).toEqual([{ question: course.questionId }, { question: course.choiceId }, { template: "conv.output-size" }]);

    const refusal = (input: Record<string, unknown>) =>
      teach.assessments.save({ courseId: course.courseId, titleEn: "Bad", kind: "exam", zones: [{ pool: [{ question: course.questionId }], draw: 1, points: 10 }], ...input } as never).then(
        () => "saved",
        (error: Error) => error.message,
      );
    expect(await refusal({ zones: [{ pool: [{ question: course.questionId }], draw: 2, points: 10 }] })).toMatch(/^zones\.0\.draw: zone 1 can draw from 1 to 1/);
    expect(await refusal({ zones: [{ pool: [{ question: course.questionId }], draw: 1, points: 10, pointsPerTry: [10, 12] }] })).toMatch(/zones\.0\.pointsPerTry\.1/);
    expect(await refusal({ kind: "homework", timeLimitMinutes: 30 })).toMatch(/^timeLimitMinutes: only an exam has a time limit/);
    expect(await refusal({ dueAt: "2026-05-01T10:00", opensAt: "2026-05-02T10:00" })).toMatch(/^dueAt: the due date must come after the opening date/);
    expect(await refusal({ dueAt: "2026-02-30T10:00" })).toMatch(/"dueAt"[\s\S]*must be a date and time/);
    expect(await refusal({ zones: [{ pool: [{ template: "no-such-skill" }], draw: 1, points: 1 }] })).toMatch(/zones\.0\.pool\.0: there is no built-in skill/);
    // Another course's bank is not this course's.
    const other = await courseWithQuestions(db);
    expect(await refusal({ zones: [{ pool: [{ bank: other.bankId }], draw: 1, points: 1 }] })).toMatch(/zones\.0\.pool\.0: is not a bank of this course/);
  });

  it("starts one attempt however many tabs race, with the same questions, and asks for the honour pledge first", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course, { honourPledge: true });
    const learner = await learnerOf(db, course);
    const take = callerFor(db, learner, () => START);
    expect(await outcomeOf(() => take.assessments.start({ assessmentId: id }))).toBe("BAD_REQUEST");
    const started = await Promise.all(Array.from({ length: 8 }, () => take.assessments.start({ assessmentId: id, pledge: true })));
    expect(new Set(started.map((attempt) => attempt.attemptId)).size).toBe(1);
    expect(started.filter((attempt) => attempt.started)).toHaveLength(1);
    expect(await db.assessmentAttempt.count({ where: { assessmentId: id, userId: learner.id } })).toBe(1);
    expect(await db.attemptQuestion.count({ where: { attemptId: started[0]!.attemptId } })).toBe(1);
    const first = await take.assessments.question({ attemptId: started[0]!.attemptId, position: 0 });
    const reload = await callerFor(db, learner, () => new Date(START.getTime() + MINUTE)).assessments.question({ attemptId: started[0]!.attemptId, position: 0 });
    expect(reload.problem.prompt).toBe(first.problem.prompt);
  });

  it("scores an exam's tries 10, 7, 5, keeps the key back until the question is done, and counts a double submit once", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course);
    const learner = await learnerOf(db, course);
    const take = callerFor(db, learner, () => new Date(START.getTime() + MINUTE));
    const { attemptId } = await take.assessments.start({ assessmentId: id });
    const question = await take.assessments.question({ attemptId, position: 0 });
    const key = widthFor(question.problem.prompt);
    expect(question).toMatchObject({ answerable: true, tryNumber: 0, solution: null, state: { triesLeft: 3, nextTryPoints: 10 } });
    expect(JSON.stringify(question)).not.toMatch(/"seed"|"check"|"expected"/);

    const format = await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "six" });
    expect(format.status).toBe("format-error");
    const wrong = await Promise.all([1, 2, 3].map(() => take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "99" })));
    for (const result of wrong) expect(result).toMatchObject({ status: "graded", tryNumber: 0, earned: 0, correct: false, solution: null, feedbackHtml: null, state: { tries: 1, triesLeft: 2, nextTryPoints: 7 } });
    expect(await db.attemptTry.count({ where: { question: { attemptId } } })).toBe(1);
    // The same try with another answer is not a second chance.
    expect(await outcomeOf(() => take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(key) }))).toBe("CONFLICT");

    const right = await take.assessments.answer({ attemptId, position: 0, tryNumber: 1, answer: String(key) });
    expect(right).toMatchObject({ status: "graded", earned: 7, correct: true, state: { status: "done", triesLeft: 0, nextTryPoints: null, awarded: 7 } });
    expect(right.status === "graded" && right.solution?.expected).toEqual({ kind: "integer", value: key });
    expect(await outcomeOf(() => take.assessments.answer({ attemptId, position: 0, tryNumber: 2, answer: String(key) }))).toBe("CONFLICT");
    const view = await take.assessments.attempt({ assessmentId: id });
    expect(view.attempt?.total).toMatchObject({ awarded: 7, possible: 10, percent: 70 });
  });

  it("closes an exam at its time limit on the server's clock, whatever the client does", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course, { timeLimitMinutes: 20 });
    const learner = await learnerOf(db, course);
    const { attemptId } = await callerFor(db, learner, () => START).assessments.start({ assessmentId: id });
    const inTime = await callerFor(db, learner, () => new Date(START.getTime() + 19 * MINUTE)).assessments.attempt({ assessmentId: id });
    expect(inTime.attempt).toMatchObject({ open: true, finishedAt: null, deadline: new Date(START.getTime() + 20 * MINUTE) });
    expect(inTime.serverNow).toEqual(new Date(START.getTime() + 19 * MINUTE));
    expect(inTime.assessment).toMatchObject({ id, courseId: course.courseId, kind: "exam", timeLimitMinutes: 20, questionCount: 1 });

    const late = callerFor(db, learner, () => new Date(START.getTime() + 20 * MINUTE + 1000));
    expect(await outcomeOf(() => late.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "6" }))).toBe("CONFLICT");
    const stored = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    // Closed as of its deadline, not of the moment someone looked.
    expect(stored).toMatchObject({ finishedBy: "time", finishedAt: new Date(START.getTime() + 20 * MINUTE) });
    expect(await db.attemptTry.count({ where: { question: { attemptId } } })).toBe(0);
    // A start after the end finds the closed attempt, never a new one.
    expect(await late.assessments.start({ assessmentId: id })).toEqual({ attemptId, started: false });
  });

  it("gives a learner with extra time a later deadline", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course, { timeLimitMinutes: 20 });
    const learner = await learnerOf(db, course);
    await db.assessmentOverride.create({ data: { assessmentId: id, userId: learner.id, extraMinutes: 10 } });
    const { attemptId } = await callerFor(db, learner, () => START).assessments.start({ assessmentId: id });
    const after25 = callerFor(db, learner, () => new Date(START.getTime() + 25 * MINUTE));
    const question = await after25.assessments.question({ attemptId, position: 0 });
    expect(question.answerable).toBe(true);
    expect(await after25.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(widthFor(question.problem.prompt)) })).toMatchObject({ earned: 10 });
  });

  it("gives homework a fresh variant per try, keeps the best, takes late answers at the late credit, and counts answers for review", async () => {
    const course = await courseWithQuestions(db);
    const teach = callerFor(db, course.instructor, () => START);
    const { id } = await teach.assessments.save({
      courseId: course.courseId,
      titleEn: "Homework",
      kind: "homework",
      zones: [{ pool: [{ question: course.questionId }], draw: 1, points: 4 }],
      dueAt: "2026-05-05T17:00",
      lateUntil: "2026-05-06T17:00",
      lateCredit: 0.5,
      published: true,
    });
    const learner = await learnerOf(db, course);
    const at = (iso: string) => callerFor(db, learner, () => new Date(iso));
    const { attemptId } = await at("2026-05-04T10:00:00Z").assessments.start({ assessmentId: id });

    async function answerNext(clock: string, right: boolean) {
      const caller = at(clock);
      const question = await caller.assessments.question({ attemptId, position: 0 });
      const key = widthFor(question.problem.prompt);
      return caller.assessments.answer({ attemptId, position: 0, tryNumber: question.tryNumber, answer: String(right ? key : key + 40) });
    }
    // Due 17:00 Shanghai = 09:00 UTC on 2026-05-05; late until the next day's 09:00 UTC.
    expect(await answerNext("2026-05-06T08:00:00Z", true)).toMatchObject({ earned: 2, late: true, correct: true });
    expect(await answerNext("2026-05-06T08:10:00Z", false)).toMatchObject({ earned: 0, state: { awarded: 2, triesLeft: null, lastCorrect: false, anyCorrect: true } });
    expect(await outcomeOf(() => answerNext("2026-05-06T09:00:01Z", true))).toBe("CONFLICT");
    const tries = await db.attemptTry.findMany({ where: { question: { attemptId } }, orderBy: { tryNumber: "asc" } });
    expect(tries.map((row) => row.tryNumber)).toEqual([0, 1]);
    expect(tries[0]!.seed).not.toBe(tries[1]!.seed);

    // Each graded try moved the learner's card of the skill and left a review in mode "assessment".
    const card = await db.card.findUniqueOrThrow({ where: { userId_templateId: { userId: learner.id, templateId: `question:${course.questionId}` } } });
    expect(card.reps).toBe(2);
    const reviews = await db.review.findMany({ where: { userId: learner.id, mode: "assessment" }, orderBy: { reviewedAt: "asc" } });
    expect(reviews.map((review) => [review.correct, review.rating])).toEqual([
      [true, 3],
      [false, 1],
    ]);
    // The learner's downloads carry no try's seed: it would let a script find the attempt's.
    const learnerCaller = at("2026-05-06T10:00:00Z");
    const exported = JSON.parse((await learnerCaller.account.export()).body) as { reviews: { mode: string; seed: number | null }[] };
    expect(exported.reviews.filter((review) => review.mode === "assessment").map((review) => review.seed)).toEqual([null, null]);
    const history = JSON.parse((await learnerCaller.progress.export({ format: "json" })).body) as { mode: string; seed: number | null }[];
    expect(history.filter((row) => row.mode === "assessment").map((row) => row.seed)).toEqual([null, null]);
  });

  it("holds all feedback of an exam graded at the end until the learner finishes", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course, { gradeAtEnd: true });
    const learner = await learnerOf(db, course);
    const take = callerFor(db, learner, () => START);
    const { attemptId } = await take.assessments.start({ assessmentId: id });
    const question = await take.assessments.question({ attemptId, position: 0 });
    const result = await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(widthFor(question.problem.prompt)) });
    expect(result).toMatchObject({ earned: null, correct: null, solution: null, feedbackHtml: null, state: { awarded: null, lastCorrect: null } });
    expect((await take.assessments.attempt({ assessmentId: id })).attempt?.total).toBeNull();
    await take.assessments.finish({ attemptId });
    await take.assessments.finish({ attemptId });
    const done = await take.assessments.attempt({ assessmentId: id });
    expect(done.attempt).toMatchObject({ finishedBy: "learner", open: false, total: { awarded: 10, possible: 10 } });
    expect(await outcomeOf(() => take.assessments.answer({ attemptId, position: 0, tryNumber: 1, answer: "3" }))).toBe("CONFLICT");
  });

  it("keeps every attempt to its learner, drafts to the instructors, and assessments to their course", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await exam(course);
    const draft = await exam(course, { published: false });
    const learner = await learnerOf(db, course);
    const other = await learnerOf(db, course);
    const stranger = await newUser(db, "learner");
    const { attemptId } = await callerFor(db, learner, () => START).assessments.start({ assessmentId: id });
    const peer = callerFor(db, other, () => START);
    expect(await outcomeOf(() => peer.assessments.question({ attemptId, position: 0 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => peer.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "6" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => peer.assessments.finish({ attemptId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => peer.assessments.start({ assessmentId: draft.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => callerFor(db, stranger).assessments.start({ assessmentId: id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => callerFor(db, stranger).assessments.forCourse({ courseId: course.courseId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => callerFor(db, course.instructor, () => START).assessments.start({ assessmentId: id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => callerFor(db, learner).assessments.list({ courseId: course.courseId }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => callerFor(db, null).assessments.forCourse({ courseId: course.courseId }))).toBe("UNAUTHORIZED");
    const visible = await peer.assessments.forCourse({ courseId: course.courseId });
    expect(visible.map((row) => row.id)).toEqual([id]);
    expect(visible[0]).toMatchObject({ status: "not-started", window: "on-time", questionCount: 1, possiblePoints: 10 });
  });

  it("reorders a course's assessments and archives one, which leaves the lists but keeps its attempts", async () => {
    const course = await courseWithQuestions(db);
    const first = await exam(course);
    const second = await exam(course, { titleEn: "Final" });
    const teach = callerFor(db, course.instructor, () => START);
    expect((await teach.assessments.list({ courseId: course.courseId })).map((row) => row.id)).toEqual([first.id, second.id]);
    await teach.assessments.reorder({ courseId: course.courseId, assessmentIds: [second.id, first.id] });
    expect((await teach.assessments.list({ courseId: course.courseId })).map((row) => row.id)).toEqual([second.id, first.id]);
    expect(await outcomeOf(() => teach.assessments.reorder({ courseId: course.courseId, assessmentIds: [second.id] }))).toBe("BAD_REQUEST");

    const learner = await learnerOf(db, course);
    const { attemptId } = await callerFor(db, learner, () => START).assessments.start({ assessmentId: first.id });
    const archived = await teach.assessments.archive({ assessmentId: first.id });
    expect(await teach.assessments.archive({ assessmentId: first.id })).toEqual(archived);
    expect((await teach.assessments.list({ courseId: course.courseId })).map((row) => row.id)).toEqual([second.id]);
    expect((await callerFor(db, learner, () => START).assessments.forCourse({ courseId: course.courseId })).map((row) => row.id)).toEqual([second.id]);
    expect(await outcomeOf(() => callerFor(db, learner, () => START).assessments.attempt({ assessmentId: first.id }))).toBe("NOT_FOUND");
    expect(await db.assessmentAttempt.count({ where: { id: attemptId } })).toBe(1);
  });

  it("leaves assessment retrievals (no answer time of their own) out of a skill's median answer time", async () => {
    const course = await courseWithQuestions(db);
    const { id } = await callerFor(db, course.instructor, () => START).assessments.save({
      courseId: course.courseId,
      titleEn: "Pooling homework",
      kind: "homework",
      zones: [{ pool: [{ template: "pooling.output-shape" }], draw: 1, points: 1 }],
      published: true,
    });
    for (let learnerIndex = 0; learnerIndex < 6; learnerIndex += 1) {
      const learner = await learnerOf(db, course);
      const take = callerFor(db, learner, () => START);
      const { attemptId } = await take.assessments.start({ assessmentId: id });
      const attempt = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
      const answer = await demoAnswer(db, { templateId: "pooling.output-shape", seed: variantSeed(attempt, 0, 0), lang: "en", questionVersionId: null }, true);
      expect(await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer })).toMatchObject({ correct: true });
    }
    expect(await db.review.count({ where: { templateId: "pooling.output-shape", mode: "assessment", correct: true, elapsedMs: 0 } })).toBeGreaterThanOrEqual(6);
    // Six right answers timed 0 ms would be a median of 0, and every learner would look slow.
    expect(await medianAnswerTime(db, "pooling.output-shape", "shape")).toBe(typicalMsForKind("shape"));
  });
});
