/**
 * assessments.reportMismatch through the tRPC caller on both databases: the take page's browser
 * re-ran the check of a graded try and reports the key it computed. Only the learner's own try,
 * once its key is theirs to see (before that, a report would tell whether a guessed key is right);
 * a key that agrees stores nothing; a disagreement is stored once, on the try, and reaches the
 * question's statistics, the learner's export and their account's deletion like a review's.
 *
 * The question is `strideQuestion` (d2l 7.3): input width 8, kernel 3, no padding, stride s ∈
 * {1, 2}, so the key is ⌊(8 − 3)/s⌋ + 1 (6 or 3), worked out here from the prompt's stride.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { AccountExport } from "@/lib/server/account/export-account";
import { variantSeed } from "@/lib/server/assessments/variant-seed";
import type { SessionUser } from "@/lib/server/trpc";
import { rightWidth } from "../support/question-fixtures";
import { callerFor, courseWithPublishedQuestion, newUser, outcomeOf, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const MINUTE = 60_000;
const PASSWORD = "correct-horse-1";

describe.each(databaseKinds())("assessment key mismatch reports on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let instructor: SessionUser;
  let courseId: string;
  let questionId: string;
  let joinCode: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
    instructor = await newUser(db, "instructor");
    ({ courseId, questionId, joinCode } = await courseWithPublishedQuestion(db, instructor, strideQuestion, START));
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** An exam of the stride question: three tries (10, 7, 5 points), 30 minutes, key shown at once. */
  async function exam() {
    const { id } = await callerFor(db, instructor, () => START).assessments.save({
      courseId,
      titleEn: "Midterm",
      kind: "exam",
      zones: [{ pool: [{ question: questionId }], draw: 1, points: 10, pointsPerTry: [10, 7, 5] }],
      timeLimitMinutes: 30,
      published: true,
    });
    return id;
  }

  async function learner(withPassword = false): Promise<SessionUser> {
    const person = await newUser(db, "learner");
    if (withPassword) {
      await db.account.create({ data: { id: randomUUID(), accountId: person.id, providerId: "credential", userId: person.id, password: await hashPassword(PASSWORD) } });
    }
    await callerFor(db, person).courses.join({ code: joinCode });
    return person;
  }

  /** The learner starts the exam and answers its question once: right (the key is shown) or wrong (two tries left, the key held back). */
  async function answered(person: SessionUser, right: boolean) {
    const assessmentId = await exam();
    const take = callerFor(db, person, () => new Date(START.getTime() + MINUTE));
    const { attemptId } = await take.assessments.start({ assessmentId });
    const question = await take.assessments.question({ attemptId, position: 0 });
    const key = rightWidth(question.problem.prompt);
    const result = await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: String(right ? key : 99) });
    expect(result).toMatchObject({ status: "graded", correct: right });
    return { assessmentId, attemptId, key, take, result };
  }

  const reportsOf = (attemptId: string) => db.keyMismatch.findMany({ where: { attemptTry: { question: { attemptId } } } });

  it("sends the try to report with its key, and stores nothing when the browser's key agrees", async () => {
    const person = await learner();
    const { attemptId, key, take, result } = await answered(person, true);
    expect(result.status === "graded" && result.solution?.tryRef).toEqual({ attemptId, position: 0, tryNumber: 0 });
    const page = await take.assessments.question({ attemptId, position: 0 });
    expect(page.solution?.tryRef).toEqual({ attemptId, position: 0, tryNumber: 0 });

    expect(await take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: key })).toEqual({ agrees: true, recorded: false });
    expect(await reportsOf(attemptId)).toEqual([]);
  });

  it("stores a disagreement once, on the try, however often and however concurrently it is reported", async () => {
    const person = await learner();
    const { attemptId, key, take } = await answered(person, true);
    const report = () => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgpu", browserKey: key + 1 });
    const first = await Promise.all([report(), report(), report()]);
    for (const outcome of first) expect(outcome).toEqual({ agrees: false, recorded: true });
    expect(await report()).toEqual({ agrees: false, recorded: true });

    const stored = await reportsOf(attemptId);
    expect(stored).toHaveLength(1);
    const attempt = await db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { questions: { include: { tries: true } } } });
    const attemptTry = attempt.questions[0]!.tries[0]!;
    expect(stored[0]).toMatchObject({
      userId: person.id,
      reviewId: null,
      attemptTryId: attemptTry.id,
      templateId: `question:${questionId}`,
      // An exam's question has one variant: the seed of try 0 (lib/server/assessments/variant-seed.ts).
      seed: variantSeed(attempt, 0, 0),
      backend: "webgpu",
      serverKey: key,
      browserKey: key + 1,
    });
    expect(attemptTry.seed).toBe(stored[0]!.seed);
  });

  it("answers NOT_FOUND for another learner's try, or a try that does not exist, and stores nothing", async () => {
    const owner = await learner();
    const { attemptId, key, take } = await answered(owner, true);
    const peer = callerFor(db, await learner(), () => new Date(START.getTime() + 2 * MINUTE));
    expect(await outcomeOf(() => peer.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: key + 1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 1, backend: "webgl", browserKey: key + 1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 1, tryNumber: 0, backend: "webgl", browserKey: key + 1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId: randomUUID(), position: 0, tryNumber: 0, backend: "webgl", browserKey: key + 1 }))).toBe("NOT_FOUND");
    expect(await reportsOf(attemptId)).toEqual([]);
  });

  it("refuses a try whose key is not shown yet, whatever key is guessed, and takes it once the attempt has closed", async () => {
    const person = await learner();
    const { attemptId, key, take, result } = await answered(person, false);
    expect(result).toMatchObject({ solution: null, state: { triesLeft: 2 } });
    for (const guess of [key, key + 1]) {
      expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: guess }))).toBe("FORBIDDEN");
    }
    expect(await reportsOf(attemptId)).toEqual([]);

    // Past the 30-minute limit the attempt is closed, the key is shown, and a report counts.
    const after = callerFor(db, person, () => new Date(START.getTime() + 40 * MINUTE));
    expect((await after.assessments.question({ attemptId, position: 0 })).solution?.tryRef).toEqual({ attemptId, position: 0, tryNumber: 0 });
    expect(await after.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: key + 1 })).toEqual({ agrees: false, recorded: true });
    expect(await reportsOf(attemptId)).toHaveLength(1);
  });

  it("bounds the input: a backend name of at most 40 characters and a browser key of at most 100,000 characters", async () => {
    const person = await learner();
    const { attemptId, take } = await answered(person, true);
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "x".repeat(41), browserKey: 1 }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "", browserKey: 1 }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: "9".repeat(100_001) }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => take.assessments.reportMismatch({ attemptId, position: -1, tryNumber: 0, backend: "webgl", browserKey: 1 }))).toBe("BAD_REQUEST");
    expect(await reportsOf(attemptId)).toEqual([]);
  });

  it("counts an assessment's report in the question's flags, exports it with the learner's data, and deletes it with their account", async () => {
    const person = await learner(true);
    const { attemptId, key, take } = await answered(person, true);
    await take.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: key + 1 });
    const [stored] = await reportsOf(attemptId);

    const { items } = await callerFor(db, instructor, () => new Date(START.getTime() + 2 * MINUTE)).statistics.course({ courseId });
    const item = items.find((candidate) => candidate.questionId === questionId);
    expect(item?.flags).toEqual(expect.arrayContaining([{ kind: "key-mismatches", count: expect.any(Number) }]));
    const flagged = item?.flags.find((flag) => flag.kind === "key-mismatches") as { count: number } | undefined;
    expect(flagged?.count).toBe(await db.keyMismatch.count({ where: { templateId: `question:${questionId}` } }));

    const exported = JSON.parse((await take.account.export()).body) as AccountExport;
    expect(exported.keyMismatchReports).toEqual([expect.objectContaining({ reviewId: null, attemptTryId: stored!.attemptTryId, template: `question:${questionId}`, backend: "webgl", browserKey: key + 1 })]);

    const deleted = await take.account.delete({ password: PASSWORD, confirmation: person.email });
    expect(deleted).toMatchObject({ deleted: true });
    expect(await db.keyMismatch.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.assessmentAttempt.count({ where: { id: attemptId } })).toBe(0);
  });
});
