/**
 * The instructors' gradebook (issue 14) through the tRPC caller, on both databases: attempts are
 * made by the real procedures (assessments.save, start, answer, finish) on an injected clock, and
 * every expected number is worked by hand in the comment beside it.
 *
 * The course runs on Asia/Shanghai (UTC+8, no DST): a wall clock "2026-05-01T18:00" is 10:00 UTC.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradebookDownload } from "@/lib/server/edge/downloads";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, outcomeOf, poolingChoice, strideQuestion } from "./courses-support";
import { ORIGIN } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const BOM = "\uFEFF";
const at = (iso: string) => () => new Date(iso);

/** Stride's output width by formula: ⌊(8 − 3)/s⌋ + 1 (d2l 7.3): 6 for s = 1, 3 for s = 2. */
const strideKey = (stride: number) => String(Math.floor(5 / stride) + 1);

/** The field a refused call names: a zod issue's path, or the AppError's field (the HTTP edge shows both as `fieldErrors`). */
async function refusedField(call: () => Promise<unknown>): Promise<{ code: string; field: string | undefined }> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { issues?: { path: PropertyKey[] }[]; field?: string } | undefined;
    return { code: error.code, field: cause?.issues ? cause.issues[0]!.path.map(String).join(".") : cause?.field };
  }
  return { code: "ok", field: undefined };
}

describe.each(databaseKinds())("the gradebook on %s", (kind) => {
  let database: TestDatabase;
  let instructor: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    instructor = await newUser(database.prisma, "instructor", "Prof Lin");
  });

  afterAll(async () => {
    await database?.drop();
  });

  const owner = (now = "2026-05-01T08:00:00Z") => callerFor(database.prisma, instructor, at(now));
  const as = (user: SessionUser | null, now: string) => callerFor(database.prisma, user, at(now));

  /** A course on Shanghai time with a published fixed question (pooling, right answer B) and a custom one (stride), and learners by these names. */
  async function newCourse(names: string[]) {
    const course = await owner().courses.create({ title: "CNN basics" });
    await owner().courses.update({ courseId: course.id, timeZone: "Asia/Shanghai" });
    const bank = await owner().banks.create({ courseId: course.id, title: "Week 1" });
    const questionIds: string[] = [];
    for (const definition of [poolingChoice, strideQuestion]) {
      const question = await owner().questions.create({ bankId: bank.id, definition });
      await owner().questions.validate({ questionId: question.id });
      await owner().questions.publish({ questionId: question.id });
      questionIds.push(question.id);
    }
    const learners: SessionUser[] = [];
    for (const name of names) {
      const learner = await newUser(database.prisma, "learner", name);
      await as(learner, "2026-05-01T08:00:00Z").courses.join({ code: course.joinCode });
      learners.push(learner);
    }
    return { courseId: course.id, poolingId: questionIds[0]!, strideId: questionIds[1]!, learners };
  }

  /** A homework: the pooling question for 2 points, then the stride question for 3. */
  async function homework(course: Awaited<ReturnType<typeof newCourse>>, extra: Record<string, unknown> = {}) {
    return owner().assessments.save({
      courseId: course.courseId,
      titleEn: "Homework 1, pooling",
      kind: "homework",
      zones: [
        { pool: [{ question: course.poolingId }], draw: 1, points: 2 },
        { pool: [{ question: course.strideId }], draw: 1, points: 3 },
      ],
      published: true,
      ...extra,
    });
  }

  /** The stride the learner's next variant of the stride question asks about, read from its prompt as they see it. */
  async function strideShown(learner: SessionUser, attemptId: string, now: string): Promise<number> {
    const question = await as(learner, now).assessments.question({ attemptId, position: 1 });
    const match = /stride (\d+)/.exec(question.problem.prompt);
    if (!match) throw new Error(`no stride in ${question.problem.prompt}`);
    return Number(match[1]);
  }

  async function answer(learner: SessionUser, attemptId: string, position: number, tryNumber: number, text: string, now: string) {
    return as(learner, now).assessments.answer({ attemptId, position, tryNumber, answer: text });
  }

  it("shows each learner's score, status, time spent and late flag, sorted by name", async () => {
    const course = await newCourse(["Dee", "Ada", "Cai", "Ben"]);
    const [, ada, cai, ben] = course.learners as [SessionUser, SessionUser, SessionUser, SessionUser];
    // Due 18:00 Shanghai (10:00 UTC), late until the next day's 18:00 at half credit.
    const { id: assessmentId } = await homework(course, { dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", lateCredit: 0.5 });

    const adaAttempt = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, adaAttempt, 0, 0, "B", "2026-05-01T09:05:00Z");
    const adaStride = await strideShown(ada, adaAttempt, "2026-05-01T09:06:00Z");
    await answer(ada, adaAttempt, 1, 0, strideKey(adaStride), "2026-05-01T09:10:00Z");
    await as(ada, "2026-05-01T09:20:00Z").assessments.finish({ attemptId: adaAttempt });

    const benAttempt = (await as(ben, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ben, benAttempt, 0, 0, "B", "2026-05-01T09:01:00Z");
    await answer(ben, benAttempt, 1, 0, "999", "2026-05-01T09:02:00Z");

    // Cai answers after the due date: half credit (late), then finishes.
    const caiAttempt = (await as(cai, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(cai, caiAttempt, 0, 0, "B", "2026-05-01T11:00:00Z");
    await as(cai, "2026-05-01T11:30:00Z").assessments.finish({ attemptId: caiAttempt });

    const book = await owner("2026-05-01T12:00:00Z").gradebook.course({ courseId: course.courseId });
    expect(book.assessments).toEqual([
      // 1 × 2 + 1 × 3 points.
      { id: assessmentId, titleEn: "Homework 1, pooling", titleZh: null, kind: "homework", possible: 5, dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", timeLimitMinutes: null, passback: null },
    ]);
    expect(book.learners.map((learner) => learner.name)).toEqual(["Ada", "Ben", "Cai", "Dee"]);
    const cells = Object.fromEntries(book.learners.map((learner) => [learner.name, learner.cells[0]!]));
    // Ada: 2 + 3 of 5 = 100 %, 09:00 → 09:20 = 1200 s.
    expect(cells.Ada).toMatchObject({ attemptId: adaAttempt, status: "submitted", finishedBy: "learner", secondsSpent: 1200, late: false, overridden: false, dueAt: "2026-05-01T18:00", accommodation: null });
    expect(cells.Ada!.score).toEqual({ awarded: 5, possible: 5, percent: 100, overridden: false, computed: 5 });
    // Ben: 2 of 5 = 40 %, still open at 12:00: 09:00 → his last answer at 09:02 = 120 s (untimed: no idle hours).
    expect(cells.Ben).toMatchObject({ attemptId: benAttempt, status: "in-progress", finishedAt: null, secondsSpent: 120, late: false });
    expect(cells.Ben!.score).toEqual({ awarded: 2, possible: 5, percent: 40, overridden: false, computed: 2 });
    // Cai: 2 points × 0.5 late credit = 1 of 5 = 20 %; 09:00 → 11:30 = 9000 s; late.
    expect(cells.Cai).toMatchObject({ attemptId: caiAttempt, status: "submitted", secondsSpent: 9000, late: true });
    expect(cells.Cai!.score).toEqual({ awarded: 1, possible: 5, percent: 20, overridden: false, computed: 1 });
    expect(cells.Dee).toMatchObject({ attemptId: null, status: "not-started", score: null, secondsSpent: null, late: false });
  });

  it("flags a learner who finished after the due date as late, not one whose attempt the server closed at the end of the late period", async () => {
    const course = await newCourse(["Ada", "Ben"]);
    const [ada, ben] = course.learners as [SessionUser, SessionUser];
    // Due 1 May 18:00 Shanghai (10:00 UTC), late until 2 May 18:00 (10:00 UTC).
    const { id: assessmentId } = await homework(course, { dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", lateCredit: 0.5 });
    const adaAttempt = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, adaAttempt, 0, 0, "B", "2026-05-01T09:01:00Z");
    const benAttempt = (await as(ben, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ben, benAttempt, 0, 0, "B", "2026-05-01T09:01:00Z");
    await as(ben, "2026-05-01T11:00:00Z").assessments.finish({ attemptId: benAttempt });

    const book = await owner("2026-05-03T00:00:00Z").gradebook.course({ courseId: course.courseId });
    const [adaCell, benCell] = book.learners.map((learner) => learner.cells[0]!);
    // Ada never finished: closed at the late period's end, 2 May 10:00 UTC; every try on time.
    expect(adaCell).toMatchObject({ status: "submitted", finishedBy: "time", finishedAt: new Date("2026-05-02T10:00:00Z"), late: false });
    expect(benCell).toMatchObject({ status: "submitted", finishedBy: "learner", finishedAt: new Date("2026-05-01T11:00:00Z"), late: true });
    expect(benCell!.score!.awarded).toBe(2);
  });

  it("closes an exam whose time is up before showing it, and gives one learner extra time", async () => {
    const course = await newCourse(["Ada", "Ben"]);
    const [ada, ben] = course.learners as [SessionUser, SessionUser];
    const { id: assessmentId } = await owner().assessments.save({
      courseId: course.courseId,
      titleEn: "Exam 1",
      kind: "exam",
      zones: [{ pool: [{ question: course.poolingId }], draw: 1, points: 10, pointsPerTry: [10, 5] }],
      timeLimitMinutes: 30,
      published: true,
    });
    const adaAttempt = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, adaAttempt, 0, 0, "A", "2026-05-01T09:10:00Z");
    const benAttempt = (await as(ben, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;

    // 15 extra minutes move Ben's deadline from 09:30 to 09:45 UTC.
    const accommodated = await owner("2026-05-01T09:20:00Z").gradebook.accommodate({ assessmentId, userId: ben.id, extraMinutes: 15 });
    expect(accommodated.accommodation).toEqual({ dueAt: null, lateUntil: null, extraMinutes: 15 });
    expect(accommodated.deadline).toEqual(new Date("2026-05-01T09:45:00Z"));

    // At 09:40 Ada's time is up (30 minutes), Ben's is not.
    expect(await outcomeOf(() => answer(ada, adaAttempt, 0, 1, "B", "2026-05-01T09:40:00Z"))).toBe("CONFLICT");
    await answer(ben, benAttempt, 0, 0, "B", "2026-05-01T09:40:00Z");

    const book = await owner("2026-05-01T10:00:00Z").gradebook.course({ courseId: course.courseId });
    const [adaCell, benCell] = book.learners.map((learner) => learner.cells[0]!);
    // Nobody finished Ada's attempt: the gradebook closed it at its deadline, 30 min = 1800 s after the start.
    expect(adaCell).toMatchObject({ status: "submitted", finishedBy: "time", finishedAt: new Date("2026-05-01T09:30:00Z"), secondsSpent: 1800, late: false });
    expect(adaCell!.score).toEqual({ awarded: 0, possible: 10, percent: 0, overridden: false, computed: 0 });
    // Ben's first try was worth 10; his attempt closed at 09:45 = 2700 s.
    expect(benCell).toMatchObject({ status: "submitted", finishedBy: "time", finishedAt: new Date("2026-05-01T09:45:00Z"), secondsSpent: 2700, accommodation: { dueAt: null, lateUntil: null, extraMinutes: 15 } });
    expect(benCell!.score!.awarded).toBe(10);
    const stored = await database.prisma.assessmentAttempt.findUniqueOrThrow({ where: { id: adaAttempt } });
    expect(stored.finishedBy).toBe("time");
  });

  it("moves one learner's due date (course wall clock), and clears it again with null", async () => {
    const course = await newCourse(["Ada", "Ben"]);
    const [ada, ben] = course.learners as [SessionUser, SessionUser];
    const { id: assessmentId } = await homework(course, { dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", lateCredit: 0.5 });
    const moved = await owner().gradebook.accommodate({ assessmentId, userId: ben.id, dueAt: "2026-05-03T18:00", extraMinutes: 0 });
    // The later due date passes the late period's end, which then no longer applies to Ben.
    expect(moved).toMatchObject({ dueAt: "2026-05-03T18:00", lateUntil: null, timeZone: "Asia/Shanghai", accommodation: { dueAt: "2026-05-03T18:00", lateUntil: null, extraMinutes: 0 } });
    const row = await database.prisma.assessmentOverride.findFirstOrThrow({ where: { assessmentId, userId: ben.id } });
    // 18:00 in Shanghai is 10:00 UTC.
    expect(row.dueAt).toEqual(new Date("2026-05-03T10:00:00Z"));

    // On 2 May at 20:00 Shanghai (12:00 UTC) the late period is over for Ada; Ben is still on time.
    const adaAttempt = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    const benAttempt = (await as(ben, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    expect(await outcomeOf(() => answer(ada, adaAttempt, 0, 0, "B", "2026-05-02T12:00:00Z"))).toBe("CONFLICT");
    await answer(ben, benAttempt, 0, 0, "B", "2026-05-02T12:00:00Z");

    const book = await owner("2026-05-02T13:00:00Z").gradebook.course({ courseId: course.courseId });
    const [adaCell, benCell] = book.learners.map((learner) => learner.cells[0]!);
    expect(adaCell).toMatchObject({ dueAt: "2026-05-01T18:00", accommodation: null });
    // Full credit: 2 of 5 points, not late.
    expect(benCell).toMatchObject({ dueAt: "2026-05-03T18:00", late: false });
    expect(benCell!.score!.awarded).toBe(2);

    const cleared = await owner().gradebook.accommodate({ assessmentId, userId: ben.id, dueAt: null, extraMinutes: 0 });
    expect(cleared).toMatchObject({ dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", accommodation: { dueAt: null, lateUntil: null, extraMinutes: 0 } });

    // A late period ending before the due date, and someone who is not a learner of the course, are refused by field.
    const early = await owner().gradebook.accommodate({ assessmentId, userId: ben.id, dueAt: "2026-05-03T18:00", lateUntil: "2026-05-02T18:00", extraMinutes: 0 }).catch((error: Error) => error);
    expect(early).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^lateUntil: /) });
    const stranger = await newUser(database.prisma, "learner");
    const outsider = await owner().gradebook.accommodate({ assessmentId, userId: stranger.id, extraMinutes: 5 }).catch((error: Error) => error);
    expect(outsider).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/^userId: /) });
    expect(await refusedField(() => owner().gradebook.accommodate({ assessmentId, userId: ben.id, dueAt: "2026-02-30T18:00", extraMinutes: 0 }))).toEqual({ code: "BAD_REQUEST", field: "dueAt" });
    expect(await refusedField(() => owner().gradebook.accommodate({ assessmentId, userId: ben.id, extraMinutes: -5 }))).toEqual({ code: "BAD_REQUEST", field: "extraMinutes" });
  });

  it("shows one attempt question by question with every try exactly as typed", async () => {
    const course = await newCourse(["Ada"]);
    const [ada] = course.learners as [SessionUser];
    const { id: assessmentId } = await homework(course, { dueAt: "2026-05-01T18:00", lateUntil: "2026-05-02T18:00", lateCredit: 0.5 });
    const attemptId = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, attemptId, 0, 0, " a ", "2026-05-01T09:01:00Z");
    // After the due date (10:00 UTC): half credit.
    await answer(ada, attemptId, 0, 1, "B", "2026-05-01T10:30:00Z");

    const detail = await owner("2026-05-01T11:00:00Z").gradebook.attempt({ attemptId });
    expect(detail).toMatchObject({ attemptId, courseId: course.courseId, status: "in-progress", late: true, learner: { id: ada.id, name: "Ada", email: ada.email }, overrides: [] });
    expect(detail.questions.map((question) => ({ title: question.title.en, points: question.points, awarded: question.awarded }))).toEqual([
      // The best try: 2 points × 0.5 = 1.
      { title: "Parameters of max pooling", points: 2, awarded: 1 },
      { title: "Output width with a stride", points: 3, awarded: 0 },
    ]);
    expect(detail.questions[0]!.tries).toEqual([
      { tryNumber: 0, answer: " a ", score: 0, correct: false, credit: 1, earned: 0, regradedScore: null, mistake: null, lang: "en", answeredAt: new Date("2026-05-01T09:01:00Z") },
      { tryNumber: 1, answer: "B", score: 1, correct: true, credit: 0.5, earned: 1, regradedScore: null, mistake: null, lang: "en", answeredAt: new Date("2026-05-01T10:30:00Z") },
    ]);
    expect(detail.questions[1]!.tries).toEqual([]);
  });

  it("overrides a score with a reason, append-only, keeping both values each time", async () => {
    const course = await newCourse(["Ada"]);
    const [ada] = course.learners as [SessionUser];
    const { id: assessmentId } = await homework(course);
    const attemptId = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, attemptId, 0, 0, "B", "2026-05-01T09:01:00Z");
    await as(ada, "2026-05-01T09:02:00Z").assessments.finish({ attemptId });

    // Computed: 2 of 5. First override 4.5 replaces 2; the second, 3, replaces 4.5.
    const first = await owner("2026-05-01T10:00:00Z").gradebook.overrideScore({ attemptId, score: 4.5, reason: "  Stride answer was right in the margin  " });
    expect(first).toMatchObject({ previous: 2, score: 4.5, reason: "Stride answer was right in the margin", total: { awarded: 4.5, possible: 5, percent: 90, overridden: true, computed: 2 } });
    await owner("2026-05-01T11:00:00Z").gradebook.overrideScore({ attemptId, score: 3, reason: "Second look" });

    const detail = await owner("2026-05-01T12:00:00Z").gradebook.attempt({ attemptId });
    expect(detail.overrides.map(({ previous, score, reason, by, createdAt }) => ({ previous, score, reason, by, createdAt }))).toEqual([
      { previous: 2, score: 4.5, reason: "Stride answer was right in the margin", by: { name: "Prof Lin", email: instructor.email }, createdAt: new Date("2026-05-01T10:00:00Z") },
      { previous: 4.5, score: 3, reason: "Second look", by: { name: "Prof Lin", email: instructor.email }, createdAt: new Date("2026-05-01T11:00:00Z") },
    ]);
    // 3 of 5 = 60 %; the questions' own total stays beside it.
    expect(detail.score).toEqual({ awarded: 3, possible: 5, percent: 60, overridden: true, computed: 2 });
    const cell = (await owner("2026-05-01T12:00:00Z").gradebook.course({ courseId: course.courseId })).learners[0]!.cells[0]!;
    expect(cell).toMatchObject({ overridden: true, score: { awarded: 3, computed: 2, percent: 60 } });
    // The learner's own view counts the latest override too.
    const mine = await as(ada, "2026-05-01T12:00:00Z").assessments.attempt({ assessmentId });
    expect(mine.attempt?.total?.awarded).toBe(3);

    // Above the possible 5, or without a reason: refused, naming the field, and nothing is written.
    const tooHigh = await owner().gradebook.overrideScore({ attemptId, score: 5.5, reason: "Bonus" }).catch((error: Error) => error);
    expect(tooHigh).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^score: must be between 0 and 5/) });
    expect(await refusedField(() => owner().gradebook.overrideScore({ attemptId, score: 5.5, reason: "Bonus" }))).toEqual({ code: "BAD_REQUEST", field: "score" });
    expect(await refusedField(() => owner().gradebook.overrideScore({ attemptId, score: 4, reason: "   " }))).toEqual({ code: "BAD_REQUEST", field: "reason" });
    expect(await refusedField(() => owner().gradebook.overrideScore({ attemptId, score: 4, reason: "x".repeat(501) }))).toEqual({ code: "BAD_REQUEST", field: "reason" });
    expect(await refusedField(() => owner().gradebook.overrideScore({ attemptId, score: -1, reason: "Penalty" }))).toEqual({ code: "BAD_REQUEST", field: "score" });
    expect(await database.prisma.scoreOverride.count({ where: { attemptId } })).toBe(2);
  });

  it("chains overrides saved at once, or by a server whose clock is behind: each records the one it replaced", async () => {
    const course = await newCourse(["Ada"]);
    const [ada] = course.learners as [SessionUser];
    const { id: assessmentId } = await homework(course);
    const attemptId = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(ada, attemptId, 0, 0, "B", "2026-05-01T09:01:00Z");
    // Two instructors save in the same instant: one replaces the computed 2, the other replaces that one.
    await Promise.all([
      owner("2026-05-01T10:00:00Z").gradebook.overrideScore({ attemptId, score: 3, reason: "First" }),
      owner("2026-05-01T10:00:00Z").gradebook.overrideScore({ attemptId, score: 4, reason: "Second" }),
    ]);
    // A third from a server whose clock is an hour behind still comes last.
    await owner("2026-05-01T09:00:00Z").gradebook.overrideScore({ attemptId, score: 5, reason: "Third" });
    const history = (await owner("2026-05-01T12:00:00Z").gradebook.attempt({ attemptId })).overrides;
    expect(history).toHaveLength(3);
    const [first, second, third] = history;
    expect(first!.previous).toBe(2);
    expect(second!.previous).toBe(first!.score);
    expect(new Set([first!.score, second!.score])).toEqual(new Set([3, 4]));
    expect(third).toMatchObject({ previous: second!.score, score: 5, reason: "Third" });
    expect(first!.createdAt < second!.createdAt && second!.createdAt < third!.createdAt).toBe(true);
    expect((await owner("2026-05-01T12:00:00Z").gradebook.attempt({ attemptId })).score!.awarded).toBe(5);
  });

  it("exports the gradebook as Canvas and Moodle CSV, exactly", async () => {
    const course = await newCourse(["Ben", "Ada", "=Eve"]);
    const [ben, ada, eve] = course.learners as [SessionUser, SessionUser, SessionUser];
    const { id: homeworkId } = await homework(course);
    const { id: examId } = await owner().assessments.save({
      courseId: course.courseId,
      titleEn: "Exam 1",
      kind: "exam",
      zones: [{ pool: [{ question: course.poolingId }], draw: 1, points: 10 }],
      published: true,
    });
    // A draft is no column.
    await owner().assessments.save({ courseId: course.courseId, titleEn: "Draft", kind: "homework", zones: [{ pool: [{ question: course.poolingId }], draw: 1, points: 1 }] });

    const adaHomework = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId: homeworkId })).attemptId;
    await answer(ada, adaHomework, 0, 0, "B", "2026-05-01T09:01:00Z");
    await as(ada, "2026-05-01T09:02:00Z").assessments.finish({ attemptId: adaHomework });
    const adaExam = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId: examId })).attemptId;
    await answer(ada, adaExam, 0, 0, "B", "2026-05-01T09:03:00Z");
    await as(ada, "2026-05-01T09:04:00Z").assessments.finish({ attemptId: adaExam });
    await owner("2026-05-01T10:00:00Z").gradebook.overrideScore({ attemptId: adaHomework, score: 3.5, reason: "Partial credit for the stride" });
    // Ben's exam is still running: no grade yet, so an empty cell.
    const benExam = (await as(ben, "2026-05-01T09:00:00Z").assessments.start({ assessmentId: examId })).attemptId;
    await answer(ben, benExam, 0, 0, "B", "2026-05-01T09:05:00Z");
    const eveHomework = (await as(eve, "2026-05-01T09:00:00Z").assessments.start({ assessmentId: homeworkId })).attemptId;
    await as(eve, "2026-05-01T09:01:00Z").assessments.finish({ attemptId: eveHomework });

    const canvas = await owner("2026-05-01T11:00:00Z").gradebook.csv({ courseId: course.courseId, format: "canvas" });
    expect(canvas.filename).toBe("gradebook-canvas.csv");
    expect(canvas.contentType).toBe("text/csv; charset=utf-8");
    // Names sort "=Eve" first ("=" before letters); its formula start gets an apostrophe.
    expect(canvas.body).toBe(
      BOM +
        [
          `Student,ID,SIS User ID,SIS Login ID,Section,"Homework 1, pooling (${homeworkId})",Exam 1 (${examId})`,
          "Points Possible,,,,,5,10",
          `'=Eve,,,${eve.email},,0,`,
          `Ada,,,${ada.email},,3.5,10`,
          `Ben,,,${ben.email},,,`,
        ].join("\r\n") +
        "\r\n",
    );
    const moodle = await owner("2026-05-01T11:00:00Z").gradebook.csv({ courseId: course.courseId, format: "moodle" });
    expect(moodle.filename).toBe("gradebook-moodle.csv");
    expect(moodle.body).toBe(BOM + ["Email address,\"Homework 1, pooling\",Exam 1", `${eve.email},0,`, `${ada.email},3.5,10`, `${ben.email},,`].join("\r\n") + "\r\n");

    // The same file through the download route, with its rules.
    const context = (user: SessionUser | null) => ({ db: database.prisma, user, ip: null, limiter: null });
    const url = (query: string) => new Request(`${ORIGIN}/api/courses/${course.courseId}/gradebook?${query}`);
    const download = await gradebookDownload(url("format=moodle"), course.courseId, context(instructor));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="gradebook-moodle.csv"');
    expect((await download.text()).replace(BOM, "")).toBe(moodle.body.replace(BOM, ""));
    expect((await gradebookDownload(url("format=excel"), course.courseId, context(instructor))).status).toBe(400);
    expect((await gradebookDownload(url("format=canvas"), course.courseId, context(null))).status).toBe(401);
    expect((await gradebookDownload(url("format=canvas"), course.courseId, context(ada))).status).toBe(403);
    expect((await gradebookDownload(url("format=canvas"), course.courseId, context(await newUser(database.prisma, "instructor")))).status).toBe(404);
  });

  it("computes an assessment's statistics for a small class, by hand", async () => {
    const course = await newCourse(["L1", "L2", "L3", "L4", "L5"]);
    const [l1, l2, l3, l4, l5] = course.learners as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
    const { id: assessmentId } = await homework(course);
    // Pooling (2 points) right for L1–L3; stride (3 points) right for L1 and L2.
    const plan: [SessionUser, boolean, boolean][] = [
      [l1, true, true],
      [l2, true, true],
      [l3, true, false],
      [l4, false, false],
    ];
    const strideTries: { stride: number; right: boolean }[] = [];
    for (const [learner, poolingRight, strideRight] of plan) {
      const attemptId = (await as(learner, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
      await answer(learner, attemptId, 0, 0, poolingRight ? "B" : "A", "2026-05-01T09:01:00Z");
      const stride = await strideShown(learner, attemptId, "2026-05-01T09:02:00Z");
      await answer(learner, attemptId, 1, 0, strideRight ? strideKey(stride) : "999", "2026-05-01T09:03:00Z");
      strideTries.push({ stride, right: strideRight });
      await as(learner, "2026-05-01T09:04:00Z").assessments.finish({ attemptId });
    }
    // L5 is still working: not counted.
    const l5Attempt = (await as(l5, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    await answer(l5, l5Attempt, 0, 0, "B", "2026-05-01T09:01:00Z");

    const stats = await owner("2026-05-01T10:00:00Z").gradebook.statistics({ assessmentId });
    expect(stats).toMatchObject({ assessmentId, started: 5, submitted: 4 });
    // Percentages: L1, L2 5/5 = 100; L3 2/5 = 40; L4 0. Mean 240/4 = 60; median (40 + 100)/2 = 70;
    // sample SD √((40² + 40² + 20² + 60²)/3) = √2400 ≈ 48.98979.
    expect(stats.distribution).toMatchObject({ count: 4, mean: 60, median: 70 });
    expect(stats.distribution.standardDeviation).toBeCloseTo(48.98979, 4);
    expect(stats.distribution.bins.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(stats.distribution.bins[9]).toEqual({ from: 90, to: 100, count: 2 });

    const [pooling, stride] = stats.questions;
    // Pooling shares (1, 1, 1, 0), facility 0.75; stride (1, 1, 0, 0), facility 0.5. With two
    // items each one's rest score is the other's share: r = Σ(x−x̄)(y−ȳ)/√(Σ(x−x̄)²Σ(y−ȳ)²)
    // = 0.5/√(0.75 · 1) = 1/√3 for both.
    expect(pooling).toMatchObject({ templateId: `question:${course.poolingId}`, title: { en: "Parameters of max pooling" }, drawn: 4, tries: 4, facility: 0.75 });
    expect(pooling!.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);
    expect(stride).toMatchObject({ templateId: `question:${course.strideId}`, drawn: 4, tries: 4, facility: 0.5 });
    expect(stride!.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);

    // The stride question's tries by the stride each learner was asked (read from their prompts):
    // a region needs both strides to have been drawn.
    const byStride = [1, 2].map((value) => strideTries.filter((entry) => entry.stride === value));
    const expectedRegions = byStride.every((group) => group.length > 0)
      ? [{ variable: "s", values: byStride.map((group, index) => ({ value: String(index + 1), tries: group.length, facility: group.filter((entry) => entry.right).length / group.length })) }]
      : [];
    expect(stride!.regions).toEqual(expectedRegions);
    // A fixed question has no parameters.
    expect(pooling!.regions).toEqual([]);
  });

  it("groups a built-in skill's tries by the numbers of each variant's engine check", async () => {
    const course = await newCourse(["Ada"]);
    const [ada] = course.learners as [SessionUser];
    const { id: assessmentId } = await owner().assessments.save({
      courseId: course.courseId,
      titleEn: "Output sizes",
      kind: "homework",
      zones: [{ pool: [{ template: "conv.output-size" }], draw: 1, points: 1 }],
      published: true,
    });
    const attemptId = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    // Six wrong tries, each on a fresh variant (homework).
    for (let tryNumber = 0; tryNumber < 6; tryNumber += 1) await answer(ada, attemptId, 0, tryNumber, "999x999x999", `2026-05-01T09:0${tryNumber}:30Z`);
    await as(ada, "2026-05-01T09:10:00Z").assessments.finish({ attemptId });

    const [question] = (await owner("2026-05-01T10:00:00Z").gradebook.statistics({ assessmentId })).questions;
    expect(question).toMatchObject({ templateId: "conv.output-size", title: { en: "Output shape of a convolutional layer", "zh-CN": "卷积层的输出形状" }, drawn: 1, tries: 6, facility: 0 });
    // Six variants differ in some parameter of their check (input size, kernel, padding, stride…);
    // a parameter splits the tries whose spec has it (every spec has an input), all of them wrong.
    const triesOf = (region: { values: { tries: number }[] }) => region.values.reduce((sum, entry) => sum + entry.tries, 0);
    for (const region of question!.regions) {
      expect(region.variable).toMatch(/^spec\./);
      expect(triesOf(region)).toBeLessThanOrEqual(6);
      expect(region.values.every((entry) => entry.facility === 0)).toBe(true);
    }
    expect(question!.regions.some((region) => region.variable.startsWith("spec.input.") && triesOf(region) === 6)).toBe(true);
  });

  it("lets only the course's owners call it: a learner is FORBIDDEN, another instructor NOT_FOUND, anonymous UNAUTHORIZED", async () => {
    const course = await newCourse(["Ada"]);
    const [ada] = course.learners as [SessionUser];
    const { id: assessmentId } = await homework(course);
    const attemptId = (await as(ada, "2026-05-01T09:00:00Z").assessments.start({ assessmentId })).attemptId;
    const stranger = await newUser(database.prisma, "instructor");
    const calls: [string, (caller: ReturnType<typeof callerFor>) => Promise<unknown>][] = [
      ["course", (c) => c.gradebook.course({ courseId: course.courseId })],
      ["attempt", (c) => c.gradebook.attempt({ attemptId })],
      ["overrideScore", (c) => c.gradebook.overrideScore({ attemptId, score: 1, reason: "Because" })],
      ["accommodate", (c) => c.gradebook.accommodate({ assessmentId, userId: ada.id, extraMinutes: 5 })],
      ["statistics", (c) => c.gradebook.statistics({ assessmentId })],
      ["csv", (c) => c.gradebook.csv({ courseId: course.courseId, format: "canvas" })],
    ];
    const outcomes: Record<string, string[]> = {};
    for (const [name, call] of calls) {
      outcomes[name] = [];
      for (const user of [null, ada, stranger, instructor]) outcomes[name].push(await outcomeOf(() => call(as(user, "2026-05-01T10:00:00Z"))));
    }
    const expected = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "ok"];
    expect(outcomes).toEqual(Object.fromEntries(calls.map(([name]) => [name, expected])));
    // The stranger's calls wrote nothing.
    expect(await database.prisma.scoreOverride.count({ where: { attemptId } })).toBe(1);
  });
});
