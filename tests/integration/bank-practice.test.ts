import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionDefinition } from "@/lib/questions";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, outcomeOf, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/**
 * Practice of one bank of a course (issue 15: an LMS placement of a bank's practice): only that
 * bank's published questions are served, and a bank the learner cannot practise is refused with
 * a reason, telling nothing about other courses' banks.
 */
describe.each(databaseKinds())("practice of one bank on %s", (kind) => {
  let database: TestDatabase;
  const clock = new Date("2026-05-01T09:00:00Z");
  const now = () => clock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function publish(teach: ReturnType<typeof callerFor>, bankId: string, definition: QuestionDefinition) {
    const question = await teach.questions.create({ bankId, definition });
    expect((await teach.questions.validate({ questionId: question.id })).ok).toBe(true);
    await teach.questions.publish({ questionId: question.id });
    return question.id;
  }

  /** A course with two banks: "Strides" (two stride questions) and "Pooling" (a stride and a pooling question). */
  async function courseWithTwoBanks(title: string) {
    const instructor = await newUser(database.prisma, "instructor");
    const teach = callerFor(database.prisma, instructor, now);
    const course = await teach.courses.create({ title });
    const strides = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const pooling = await teach.banks.create({ courseId: course.id, title: "Pooling" });
    const strideIds = [await publish(teach, strides.id, strideQuestion), await publish(teach, strides.id, { ...strideQuestion, title: { en: "Stride again" } })];
    const poolingIds = [await publish(teach, pooling.id, strideQuestion), await publish(teach, pooling.id, poolingChoice)];
    return { teach, course, strides: { ...strides, questions: strideIds }, pooling: { ...pooling, questions: poolingIds } };
  }

  async function learnerOf(...courses: { joinCode: string }[]): Promise<{ user: SessionUser; api: ReturnType<typeof callerFor> }> {
    const user = await newUser(database.prisma, "learner");
    const api = callerFor(database.prisma, user, now);
    for (const course of courses) await api.courses.join({ code: course.joinCode });
    return { user, api };
  }

  it("lists each practisable course's banks, and serves only the chosen bank's questions over several issues", async () => {
    const { course, strides, pooling } = await courseWithTwoBanks("Bank practice");
    const { user, api } = await learnerOf(course);

    expect(await api.review.practiceCourses()).toEqual([
      {
        id: course.id,
        title: "Bank practice",
        questions: 4,
        banks: [
          { id: strides.id, title: "Strides", questions: 2 },
          { id: pooling.id, title: "Pooling", questions: 2 },
        ],
      },
    ]);

    // An open problem of the other bank is withdrawn, not served, when the bank is asked for.
    const other = await api.review.practice({ topics: [], course: course.id, bank: pooling.id });
    expect(pooling.questions.map((id) => `question:${id}`)).toContain(other.problem.template);

    const served: string[] = [];
    for (let issue = 0; issue < 8; issue += 1) {
      const issued = await api.review.practice({ topics: [], course: course.id, bank: strides.id });
      expect(issued).toMatchObject({ status: "issued", course: "Bank practice" });
      served.push(issued.problem.template);
      // A reload gives the same open problem of the bank.
      expect((await api.review.practice({ topics: [], course: course.id, bank: strides.id })).variantId).toBe(issued.variantId);
      const graded = await api.review.submit({ variantId: issued.variantId, answer: "3" });
      expect(graded.status).toBe("graded");
    }
    const allowed = strides.questions.map((id) => `question:${id}`);
    expect(served.filter((template) => !allowed.includes(template))).toEqual([]);
    expect(await database.prisma.variant.findUniqueOrThrow({ where: { id: other.variantId } })).toMatchObject({ withdrawnAt: clock, answeredAt: null });
    expect(await database.prisma.variant.count({ where: { userId: user.id, mode: "practice", answeredAt: { not: null } } })).toBe(8);
    expect(await database.prisma.card.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a bank of another course, an unknown bank, a course the learner has not joined and a bank whose questions are all archived, issuing nothing", async () => {
    const mine = await courseWithTwoBanks("Mine");
    const theirs = await courseWithTwoBanks("Theirs");
    const { user, api } = await learnerOf(mine.course);
    const refusal = async (input: { course: string; bank: string }) => {
      const error = await api.review.practice({ topics: [], ...input }).then(
        () => null,
        (caught: unknown) => caught as { code: string; message: string; cause?: { reason?: string } },
      );
      if (!error) throw new Error(`practice of ${JSON.stringify(input)} was not refused`);
      return { code: error.code, reason: error.cause?.reason, message: error.message };
    };

    // Another course's bank reads exactly as a bank that does not exist: nothing about it leaks.
    const foreign = await refusal({ course: mine.course.id, bank: theirs.strides.id });
    expect(foreign).toEqual({ code: "NOT_FOUND", reason: "practice.bankNotInCourse", message: "bank: this course has no such bank" });
    expect(await refusal({ course: mine.course.id, bank: "00000000-0000-4000-8000-000000000000" })).toEqual(foreign);
    // The other course itself: the learner is no learner of it, whichever bank is named.
    expect(await refusal({ course: theirs.course.id, bank: theirs.strides.id })).toMatchObject({ code: "BAD_REQUEST", reason: "practice.courseEmpty" });
    expect(await refusal({ course: theirs.course.id, bank: mine.strides.id })).toMatchObject({ code: "BAD_REQUEST", reason: "practice.courseEmpty" });

    // Every question of a bank archived: the bank is archived for practice, the other bank still works.
    for (const questionId of mine.pooling.questions) await mine.teach.questions.archive({ questionId });
    expect(await refusal({ course: mine.course.id, bank: mine.pooling.id })).toMatchObject({ code: "BAD_REQUEST", reason: "practice.bankEmpty" });
    expect((await api.review.practiceCourses())[0]!.banks).toEqual([{ id: mine.strides.id, title: "Strides", questions: 2 }]);

    // The edge: a bank needs its course, and ids are ids.
    expect(await outcomeOf(() => api.review.practice({ topics: [], bank: mine.strides.id }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => api.review.practice({ topics: [], course: mine.course.id, bank: "not-an-id" }))).toBe("BAD_REQUEST");
    expect(await database.prisma.variant.count({ where: { userId: user.id } })).toBe(0);

    // The instructor owns the course but is no learner of it, as for the course's practice.
    await expect(mine.teach.review.practice({ topics: [], course: mine.course.id, bank: mine.strides.id })).rejects.toMatchObject({ cause: { reason: "practice.courseEmpty" } });
  });
});
