/**
 * Every course, bank, question, statistics and assessment procedure called by each of six people: anonymous,
 * a learner of the course, a learner of another course, the course's instructor (an owner), a
 * co-owner the owner added, and an instructor who does not own it. Each call gets a fresh course, so a delete or a leave in one row
 * never changes another. A course that is not yours answers NOT_FOUND (its existence is not
 * revealed); a learner asking for an instructor's procedure answers FORBIDDEN.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/trpc";
import { bundleText } from "@/lib/server/questions/question-content";
import { callerFor, newUser, outcomeOf, poolingChoice } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

type Person = "anonymous" | "learnerIn" | "learnerOut" | "owner" | "coOwner" | "otherInstructor";
type Expected = Record<Person, string>;

const OWNERS_ONLY: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "FORBIDDEN", learnerOut: "FORBIDDEN", owner: "ok", coOwner: "ok", otherInstructor: "NOT_FOUND" };
const MEMBERS: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "ok", learnerOut: "NOT_FOUND", owner: "ok", coOwner: "ok", otherInstructor: "NOT_FOUND" };
const SIGNED_IN: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "ok", learnerOut: "ok", owner: "ok", coOwner: "ok", otherInstructor: "ok" };
/** A course's learners only: its instructors see assessments in the gradebook instead. */
const LEARNERS_OF_COURSE: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "ok", learnerOut: "NOT_FOUND", owner: "FORBIDDEN", coOwner: "FORBIDDEN", otherInstructor: "NOT_FOUND" };
/** One learner's own attempt: anybody else's answer is that there is no such attempt. */
const OWN_ATTEMPT: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "ok", learnerOut: "NOT_FOUND", owner: "NOT_FOUND", coOwner: "NOT_FOUND", otherInstructor: "NOT_FOUND" };
const INSTRUCTORS: Expected = { anonymous: "UNAUTHORIZED", learnerIn: "FORBIDDEN", learnerOut: "FORBIDDEN", owner: "ok", coOwner: "ok", otherInstructor: "ok" };

interface Fixture {
  courseId: string;
  joinCode: string;
  bankId: string;
  questionId: string;
  coOwnerEmail: string;
  /** Publishes the question, a published exam of it, and `learnerIn`'s attempt (made when a row needs them). */
  exam: () => Promise<{ assessmentId: string; attemptId: string }>;
  /** `learnerIn`'s id, whom an accommodation names. */
  learnerId: string;
}

type Call = (caller: ReturnType<typeof callerFor>, fixture: Fixture) => Promise<unknown>;

const bundle = bundleText({ title: "Imported", questions: [{ key: "q1", versions: [{ version: 1, published: true, definition: poolingChoice }] }] });

const PROCEDURES: [string, Call, Expected][] = [
  ["courses.create", (c) => c.courses.create({ title: "Another course" }), INSTRUCTORS],
  ["courses.list", (c) => c.courses.list(), SIGNED_IN],
  ["courses.get", (c, f) => c.courses.get({ courseId: f.courseId }), MEMBERS],
  ["courses.update", (c, f) => c.courses.update({ courseId: f.courseId, title: "Renamed" }), OWNERS_ONLY],
  ["courses.addOwner", (c, f) => c.courses.addOwner({ courseId: f.courseId, email: f.coOwnerEmail }), OWNERS_ONLY],
  ["courses.regenerateCode", (c, f) => c.courses.regenerateCode({ courseId: f.courseId }), OWNERS_ONLY],
  ["courses.join", (c, f) => c.courses.join({ code: f.joinCode }), SIGNED_IN],
  // The course has a co-owner, so its owner may leave too.
  ["courses.leave", (c, f) => c.courses.leave({ courseId: f.courseId }), MEMBERS],
  ["banks.list", (c, f) => c.banks.list({ courseId: f.courseId }), OWNERS_ONLY],
  ["banks.create", (c, f) => c.banks.create({ courseId: f.courseId, title: "Pooling" }), OWNERS_ONLY],
  ["banks.rename", (c, f) => c.banks.rename({ bankId: f.bankId, title: "Renamed" }), OWNERS_ONLY],
  ["banks.reorder", (c, f) => c.banks.reorder({ courseId: f.courseId, bankIds: [f.bankId] }), OWNERS_ONLY],
  ["banks.delete", (c, f) => c.banks.delete({ bankId: f.bankId }), OWNERS_ONLY],
  ["banks.export", (c, f) => c.banks.export({ bankId: f.bankId, format: "bundle" }), OWNERS_ONLY],
  ["banks.import", (c, f) => c.banks.import({ courseId: f.courseId, text: bundle }), OWNERS_ONLY],
  ["questions.list", (c, f) => c.questions.list({ bankId: f.bankId }), OWNERS_ONLY],
  ["questions.create", (c, f) => c.questions.create({ bankId: f.bankId, definition: poolingChoice }), OWNERS_ONLY],
  ["questions.update", (c, f) => c.questions.update({ questionId: f.questionId, definition: poolingChoice }), OWNERS_ONLY],
  ["questions.preview", (c, f) => c.questions.preview({ questionId: f.questionId, seed: 3, lang: "zh-CN" }), OWNERS_ONLY],
  ["questions.validate", (c, f) => c.questions.validate({ questionId: f.questionId }), OWNERS_ONLY],
  ["questions.publish", (c, f) => c.questions.publish({ questionId: f.questionId }), OWNERS_ONLY],
  ["questions.reorder", (c, f) => c.questions.reorder({ bankId: f.bankId, questionIds: [f.questionId] }), OWNERS_ONLY],
  ["questions.archive", (c, f) => c.questions.archive({ questionId: f.questionId }), OWNERS_ONLY],
  ["statistics.course", (c, f) => c.statistics.course({ courseId: f.courseId }), OWNERS_ONLY],
  ["statistics.csv", (c, f) => c.statistics.csv({ courseId: f.courseId, what: "grades" }), OWNERS_ONLY],
  ["assessments.list", (c, f) => c.assessments.list({ courseId: f.courseId }), OWNERS_ONLY],
  ["assessments.get", async (c, f) => c.assessments.get({ assessmentId: (await f.exam()).assessmentId }), OWNERS_ONLY],
  [
    "assessments.save",
    async (c, f) => c.assessments.save({ courseId: f.courseId, assessmentId: (await f.exam()).assessmentId, titleEn: "Renamed", kind: "exam", zones: [{ pool: [{ question: f.questionId }], draw: 1, points: 2 }] }),
    OWNERS_ONLY,
  ],
  ["assessments.reorder", async (c, f) => c.assessments.reorder({ courseId: f.courseId, assessmentIds: [(await f.exam()).assessmentId] }), OWNERS_ONLY],
  ["assessments.archive", async (c, f) => c.assessments.archive({ assessmentId: (await f.exam()).assessmentId }), OWNERS_ONLY],
  ["assessments.regradeCandidates", async (c, f) => c.assessments.regradeCandidates({ assessmentId: (await f.exam()).assessmentId }), OWNERS_ONLY],
  ["assessments.regradePreview", async (c, f) => c.assessments.regradePreview({ assessmentId: (await f.exam()).assessmentId, questionId: f.questionId }), OWNERS_ONLY],
  ["assessments.regradeApply", async (c, f) => c.assessments.regradeApply({ assessmentId: (await f.exam()).assessmentId, questionId: f.questionId }), OWNERS_ONLY],
  ["assessments.regradeJob", async (c, f) => c.assessments.regradeJob({ assessmentId: (await f.exam()).assessmentId, questionId: f.questionId }), OWNERS_ONLY],
  ["assessments.regradeHistory", async (c, f) => c.assessments.regradeHistory({ assessmentId: (await f.exam()).assessmentId }), OWNERS_ONLY],
  ["assessments.forCourse", (c, f) => c.assessments.forCourse({ courseId: f.courseId }), MEMBERS],
  ["assessments.attempt", async (c, f) => c.assessments.attempt({ assessmentId: (await f.exam()).assessmentId }), LEARNERS_OF_COURSE],
  ["assessments.start", async (c, f) => c.assessments.start({ assessmentId: (await f.exam()).assessmentId }), LEARNERS_OF_COURSE],
  ["assessments.question", async (c, f) => c.assessments.question({ attemptId: (await f.exam()).attemptId, position: 0 }), OWN_ATTEMPT],
  ["assessments.answer", async (c, f) => c.assessments.answer({ attemptId: (await f.exam()).attemptId, position: 0, tryNumber: 0, answer: "2" }), OWN_ATTEMPT],
  ["assessments.finish", async (c, f) => c.assessments.finish({ attemptId: (await f.exam()).attemptId }), OWN_ATTEMPT],
  [
    "assessments.reportMismatch",
    async (c, f) => {
      // learnerIn answers the exam's one try (its key is then shown); anyone else's answer fails
      // first, and the report is what the row judges.
      const { attemptId } = await f.exam();
      await c.assessments.answer({ attemptId, position: 0, tryNumber: 0, answer: "A" }).catch(() => undefined);
      return c.assessments.reportMismatch({ attemptId, position: 0, tryNumber: 0, backend: "webgl", browserKey: "B" });
    },
    OWN_ATTEMPT,
  ],
  ["gradebook.course", (c, f) => c.gradebook.course({ courseId: f.courseId }), OWNERS_ONLY],
  ["gradebook.attempt", async (c, f) => c.gradebook.attempt({ attemptId: (await f.exam()).attemptId }), OWNERS_ONLY],
  ["gradebook.overrideScore", async (c, f) => c.gradebook.overrideScore({ attemptId: (await f.exam()).attemptId, score: 1, reason: "Marked by hand" }), OWNERS_ONLY],
  ["gradebook.accommodate", async (c, f) => c.gradebook.accommodate({ assessmentId: (await f.exam()).assessmentId, userId: f.learnerId, extraMinutes: 10 }), OWNERS_ONLY],
  ["gradebook.statistics", async (c, f) => c.gradebook.statistics({ assessmentId: (await f.exam()).assessmentId }), OWNERS_ONLY],
  ["gradebook.csv", (c, f) => c.gradebook.csv({ courseId: f.courseId, format: "canvas" }), OWNERS_ONLY],
  ["gradebook.syncRoster", (c, f) => c.gradebook.syncRoster({ courseId: f.courseId }), OWNERS_ONLY],
];

const PEOPLE: Person[] = ["anonymous", "learnerIn", "learnerOut", "owner", "coOwner", "otherInstructor"];

describe.each(databaseKinds())("who may call each course procedure, on %s", (kind) => {
  let database: TestDatabase;
  let people: Record<Person, SessionUser | null>;
  let otherCourseId: string;

  /** A course owned by `owner` and a co-owner, with `learnerIn` in it, one bank and one question validated. */
  async function freshCourse(): Promise<Fixture> {
    const db = database.prisma;
    const owner = callerFor(db, people.owner);
    const course = await owner.courses.create({ title: "CNN basics" });
    await owner.courses.addOwner({ courseId: course.id, email: people.coOwner!.email });
    await callerFor(db, people.learnerIn).courses.join({ code: course.joinCode });
    const bank = await owner.banks.create({ courseId: course.id, title: "Pooling" });
    const question = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    await owner.questions.validate({ questionId: question.id });
    const exam = async () => {
      await owner.questions.publish({ questionId: question.id });
      const { id } = await owner.assessments.save({ courseId: course.id, titleEn: "Quiz", kind: "exam", zones: [{ pool: [{ question: question.id }], draw: 1, points: 1 }], published: true });
      const { attemptId } = await callerFor(db, people.learnerIn).assessments.start({ assessmentId: id });
      return { assessmentId: id, attemptId };
    };
    return { courseId: course.id, joinCode: course.joinCode, bankId: bank.id, questionId: question.id, coOwnerEmail: people.coOwner!.email, exam, learnerId: people.learnerIn!.id };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    people = {
      anonymous: null,
      learnerIn: await newUser(db, "learner"),
      learnerOut: await newUser(db, "learner"),
      owner: await newUser(db, "instructor"),
      coOwner: await newUser(db, "instructor"),
      otherInstructor: await newUser(db, "instructor"),
    };
    // The outside learner belongs to a course of the other instructor, not to the fixture's.
    const other = await callerFor(db, people.otherInstructor).courses.create({ title: "Another class" });
    otherCourseId = other.id;
    await callerFor(db, people.learnerOut).courses.join({ code: other.joinCode });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each(PROCEDURES)("%s", async (_name, call, expected) => {
    const outcomes: Partial<Record<Person, string>> = {};
    for (const person of PEOPLE) {
      const fixture = await freshCourse();
      outcomes[person] = await outcomeOf(() => call(callerFor(database.prisma, people[person]), fixture));
    }
    expect(outcomes).toEqual(expected);
  });

  it("keeps the other course out of the fixture course's learners' view", async () => {
    const fixture = await freshCourse();
    const learnerIn = callerFor(database.prisma, people.learnerIn);
    expect(await outcomeOf(() => learnerIn.courses.get({ courseId: otherCourseId }))).toBe("NOT_FOUND");
    expect((await learnerIn.courses.list()).map((course) => course.id)).toContain(fixture.courseId);
    expect((await learnerIn.courses.list()).map((course) => course.id)).not.toContain(otherCourseId);
  });
});
