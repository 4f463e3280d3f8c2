import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import { callerFor, newUser, strideQuestion } from "./courses-support";

/**
 * A course question says which course it comes from, in the review queue and in practice, and
 * practice can draw from one course's published questions only (issue 12).
 */
describe.each(databaseKinds())("course labels and course practice on %s", (kind) => {
  let database: TestDatabase;
  const clock = new Date("2026-05-01T09:00:00Z");
  const now = () => clock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function courseWithQuestion(title: string) {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const teach = callerFor(db, instructor, now);
    const course = await teach.courses.create({ title });
    const bank = await teach.banks.create({ courseId: course.id, title: "Week 1" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    expect((await teach.questions.validate({ questionId: question.id })).ok).toBe(true);
    await teach.questions.publish({ questionId: question.id });
    return { course, question };
  }

  it("labels a course question with its course's title in review.next, and a catalog problem with none", async () => {
    const db = database.prisma;
    const { course, question } = await courseWithQuestion("CNN 101 (spring)");
    const learner = await newUser(db, "learner");
    await callerFor(db, learner, now).courses.join({ code: course.joinCode });
    const first = await callerFor(db, learner, now).review.next();
    if (first.status !== "issued") throw new Error(`expected a problem, got ${first.status}`);
    expect(first.problem.template).toBe(`question:${question.id}`);
    expect(first.course).toBe("CNN 101 (spring)");
    // A reload gives the open variant again, label and all.
    const again = await callerFor(db, learner, now).review.next();
    expect(again).toMatchObject({ variantId: first.variantId, course: "CNN 101 (spring)" });

    const outsider = await newUser(db, "learner");
    const theirs = await callerFor(db, outsider, now).review.next();
    expect(theirs).toMatchObject({ status: "issued", course: null });
  });

  it("practises one course's questions when asked, labelled, graded as any practice, schedule untouched", async () => {
    const db = database.prisma;
    const { course, question } = await courseWithQuestion("Vision seminar");
    const other = await courseWithQuestion("Another course");
    const learner = await newUser(db, "learner");
    const api = callerFor(db, learner, now);
    await api.courses.join({ code: course.joinCode });
    await api.courses.join({ code: other.course.joinCode });

    expect(await api.review.practiceCourses()).toEqual([
      { id: course.id, title: "Vision seminar", questions: 1, banks: [{ id: expect.any(String), title: "Week 1", questions: 1 }] },
      { id: other.course.id, title: "Another course", questions: 1, banks: [{ id: expect.any(String), title: "Week 1", questions: 1 }] },
    ]);

    const issued = await api.review.practice({ topics: [], course: course.id });
    expect(issued).toMatchObject({ status: "issued", course: "Vision seminar" });
    expect(issued.problem.template).toBe(`question:${question.id}`);
    // ⌊(8 − 3)/s⌋ + 1 (d2l 6.3): 6 for stride 1, 3 for stride 2.
    const stride = Number(/stride (\d)/.exec(issued.problem.prompt)![1]);
    const graded = await api.review.submit({ variantId: issued.variantId, answer: String(Math.floor(5 / stride) + 1) });
    expect(graded).toMatchObject({ status: "graded", correct: true });
    const variant = await db.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect(variant).toMatchObject({ mode: "practice", cardId: null, questionVersionId: expect.any(String) });
    expect(await db.card.count({ where: { userId: learner.id } })).toBe(0);

    // The catalog again: the next problem is a built-in skill, unlabelled.
    const catalog = await api.review.practice({ topics: ["pooling"] });
    expect(catalog.course).toBeNull();
    expect(catalog.problem.template).not.toMatch(/^question:/);
  });

  it("refuses a course the learner has not joined, and course mixed with the catalog's filters, with a clear message", async () => {
    const db = database.prisma;
    const { course } = await courseWithQuestion("Not yours");
    const learner = await newUser(db, "learner");
    const api = callerFor(db, learner, now);
    await expect(api.review.practice({ topics: [], course: course.id })).rejects.toThrow(/not a learner of this course/);
    await api.courses.join({ code: course.joinCode });
    await expect(api.review.practice({ topics: [], course: course.id, difficulty: "hard" })).rejects.toThrow(/practised all together/);
    await expect(api.review.practice({ topics: [], course: "not-an-id" })).rejects.toThrow(/must be the id of a course you joined/);
    expect(await db.variant.count({ where: { userId: learner.id } })).toBe(0);
  });
});
