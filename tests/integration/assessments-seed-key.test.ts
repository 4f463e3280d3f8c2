/**
 * An attempt's seed key (lib/server/assessments/variant-seed.ts) on both databases: every variant
 * of an attempt started now comes from its secret key, reloads and second tabs see the same
 * variants, an attempt from before seed keys keeps its unkeyed variants, and the key itself is in
 * nothing that leaves the server: the learner's pages, answers, exports; the instructor's gradebook.
 *
 * The question is `strideQuestion` (d2l 7.3): input width 8, kernel 3, no padding, stride s ∈
 * {1, 2}, so the key is ⌊(8 − 3)/s⌋ + 1 (6 or 3), worked out here from the prompt's stride.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { trySeed } from "@/lib/grading/assessments";
import { variantSeed } from "@/lib/server/assessments/variant-seed";
import type { SessionUser } from "@/lib/server/trpc";
import { rightWidth } from "../support/question-fixtures";
import { callerFor, courseWithPublishedQuestion, newUser, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const START = new Date("2026-05-04T09:00:00Z");
const MINUTE = 60_000;

describe.each(databaseKinds())("assessment seed keys on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let instructor: SessionUser;
  let courseId: string;
  let joinCode: string;
  let homeworkId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.prisma;
    instructor = await newUser(db, "instructor");
    const teach = callerFor(db, instructor, () => START);
    let questionId: string;
    ({ courseId, questionId, joinCode } = await courseWithPublishedQuestion(db, instructor, strideQuestion, START));
    ({ id: homeworkId } = await teach.assessments.save({
      courseId,
      titleEn: "Strides homework",
      kind: "homework",
      zones: [{ pool: [{ question: questionId }], draw: 1, points: 1 }],
      published: true,
    }));
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function learner(): Promise<SessionUser> {
    const person = await newUser(db, "learner");
    await callerFor(db, person).courses.join({ code: joinCode });
    return person;
  }

  const attemptRow = (attemptId: string) => db.assessmentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  const storedSeeds = async (attemptId: string) =>
    (await db.attemptTry.findMany({ where: { question: { attemptId } }, orderBy: { tryNumber: "asc" }, select: { seed: true } })).map((row) => row.seed);

  it("keys a new attempt's variants with a secret of its own, the same on a reload and in a second tab", async () => {
    const person = await learner();
    const tab = () => callerFor(db, person, () => new Date(START.getTime() + MINUTE));
    const { attemptId } = await tab().assessments.start({ assessmentId: homeworkId });
    const row = await attemptRow(attemptId);
    expect(row.seedKey).toMatch(/^[0-9a-f]{32}$/);

    const first = await tab().assessments.question({ attemptId, position: 0 });
    const again = await tab().assessments.question({ attemptId, position: 0 });
    expect(again.problem).toEqual(first.problem);
    expect(await tab().assessments.start({ assessmentId: homeworkId })).toEqual({ attemptId, started: false });

    await tab().assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "99" });
    await tab().assessments.answer({ attemptId, position: 0, tryNumber: 1, answer: "99" });
    expect(await storedSeeds(attemptId)).toEqual([variantSeed(row, 0, 0), variantSeed(row, 0, 1)]);
    // Two attempts with one seed but their own keys would get their own variants.
    const other = await learner();
    const { attemptId: otherId } = await callerFor(db, other, () => START).assessments.start({ assessmentId: homeworkId });
    expect((await attemptRow(otherId)).seedKey).not.toBe(row.seedKey);
  });

  it("keeps an attempt from before seed keys on the unkeyed derivation of its seed", async () => {
    const person = await learner();
    const take = callerFor(db, person, () => new Date(START.getTime() + MINUTE));
    const { attemptId } = await take.assessments.start({ assessmentId: homeworkId });
    // As migration 20261207014101_attempt_seed_key left the attempts that existed: no key.
    const { seed } = await db.assessmentAttempt.update({ where: { id: attemptId }, data: { seedKey: null } });
    await take.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "99" });
    await take.assessments.answer({ attemptId, position: 0, tryNumber: 1, answer: "99" });
    expect(await storedSeeds(attemptId)).toEqual([trySeed(seed, 0, 0), trySeed(seed, 0, 1)]);
  });

  it("sends the seed key in no payload and no export, to the learner or the instructor", async () => {
    const person = await learner();
    const at = (minutes: number) => callerFor(db, person, () => new Date(START.getTime() + minutes * MINUTE));
    const teach = callerFor(db, instructor, () => new Date(START.getTime() + 60 * MINUTE));
    const payloads: unknown[] = [];
    const keep = async <T>(payload: Promise<T>) => {
      const value = await payload;
      payloads.push(value);
      return value;
    };

    payloads.push(await at(0).assessments.forCourse({ courseId }));
    const { attemptId } = await keep(at(1).assessments.start({ assessmentId: homeworkId }));
    const row = await attemptRow(attemptId);
    const { seedKey } = row;
    expect(seedKey).toMatch(/^[0-9a-f]{32}$/);
    await keep(at(1).assessments.attempt({ assessmentId: homeworkId }));
    await keep(at(2).assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "99" }));
    const question = await keep(at(3).assessments.question({ attemptId, position: 0 }));
    const key = rightWidth(question.problem.prompt);
    const right = await keep(at(4).assessments.answer({ attemptId, position: 0, tryNumber: 1, answer: String(key) }));
    expect(right).toMatchObject({ status: "graded", correct: true });
    await keep(at(5).assessments.reportMismatch({ attemptId, position: 0, tryNumber: 1, backend: "webgl", browserKey: key + 1 }));
    await keep(at(6).assessments.question({ attemptId, position: 0 }));
    await keep(at(7).assessments.finish({ attemptId }));
    await keep(at(8).assessments.attempt({ assessmentId: homeworkId }));
    const accountExport = await keep(at(8).account.export());
    await keep(at(8).progress.export({ format: "json" }));
    await keep(at(8).progress.export({ format: "csv" }));
    await keep(at(8).progress.get());

    await keep(teach.gradebook.course({ courseId }));
    await keep(teach.gradebook.attempt({ attemptId }));
    await keep(teach.gradebook.statistics({ assessmentId: homeworkId }));
    await keep(teach.gradebook.csv({ courseId, format: "canvas" }));
    await keep(teach.gradebook.csv({ courseId, format: "moodle" }));
    await keep(teach.assessments.list({ courseId }));
    await keep(teach.assessments.get({ assessmentId: homeworkId }));

    for (const payload of payloads) {
      const text = JSON.stringify(payload);
      expect(text).not.toContain(seedKey!);
      expect(text).not.toContain("seedKey");
    }
    // The export does carry a variant seed of the attempt (the reported try's): one the key made,
    // from which no search over attempt seeds leads to the attempt's other variants.
    expect(JSON.parse(accountExport.body)).toMatchObject({ keyMismatchReports: [{ seed: variantSeed(row, 0, 1) }] });
  });
});
