import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, newUser, poolingChoice } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/**
 * Writes a person sends twice (a double click, a second tab, a retry after a slow answer), here
 * five at once: each is answered as the first was, and the data holds one of what they wrote.
 */
describe.each(databaseKinds())("the same write sent five times at once on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const fiveAtOnce = async <T>(write: () => Promise<T>) => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, write));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    return results.map((result) => (result as PromiseFulfilledResult<T>).value);
  };

  async function course() {
    const instructor = await newUser(database.prisma, "instructor");
    const owner = callerFor(database.prisma, instructor);
    const created = await owner.courses.create({ title: "Repeats" });
    return { owner, courseId: created.id, joinCode: created.joinCode };
  }

  it("joins a learner to a course once", async () => {
    const { courseId, joinCode } = await course();
    const learner = await newUser(database.prisma, "learner");
    const answers = await fiveAtOnce(() => callerFor(database.prisma, learner).courses.join({ code: joinCode }));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await database.prisma.courseMember.count({ where: { courseId, userId: learner.id } })).toBe(1);
  });

  it("adds a co-owner once", async () => {
    const { owner, courseId } = await course();
    const colleague = await newUser(database.prisma, "instructor");
    await fiveAtOnce(() => owner.courses.addOwner({ courseId, email: colleague.email }));
    expect(await database.prisma.courseMember.findMany({ where: { courseId, userId: colleague.id }, select: { role: true } })).toEqual([{ role: "owner" }]);
  });

  it("gives a learner one accommodation on an assessment", async () => {
    const { owner, courseId, joinCode } = await course();
    const learner = await newUser(database.prisma, "learner");
    await callerFor(database.prisma, learner).courses.join({ code: joinCode });
    const bank = await owner.banks.create({ courseId, title: "Pooling" });
    const question = await owner.questions.create({ bankId: bank.id, definition: poolingChoice });
    await owner.questions.validate({ questionId: question.id });
    await owner.questions.publish({ questionId: question.id });
    const { id: assessmentId } = await owner.assessments.save({ courseId, titleEn: "Exam", kind: "exam", zones: [{ pool: [{ question: question.id }], draw: 1, points: 10 }], timeLimitMinutes: 30, published: true });
    const answers = await fiveAtOnce(() => owner.gradebook.accommodate({ assessmentId, userId: learner.id, extraMinutes: 15 }));
    expect(answers.map((answer) => answer.accommodation)).toEqual(answers.map(() => ({ dueAt: null, lateUntil: null, extraMinutes: 15 })));
    expect(await database.prisma.assessmentOverride.count({ where: { assessmentId, userId: learner.id } })).toBe(1);
  });
});
