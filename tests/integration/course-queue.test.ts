import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import type { QuestionDefinition } from "@/lib/questions";
import { publishedQuestionsFor } from "@/lib/server/questions/published-questions-for";
import { readLearnerSnapshot } from "@/lib/server/reviews/learner-snapshot";
import { callerFor, newUser, outcomeOf, poolingChoice, strideQuestion } from "./courses-support";

/**
 * A course question in a learner's daily queue: the instructor publishes it, the learner joins
 * and meets it before the built-in bank, answers it, and the review points at the version
 * answered even after the instructor publishes an edit.
 */
describe.each(databaseKinds())("course questions in the review queue on %s", (kind) => {
  let database: TestDatabase;
  let clock = new Date("2026-05-01T09:00:00Z");
  const now = () => clock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("issues the course's published question first, grades it with its own misconceptions, and keeps the version answered", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const learner = await newUser(db, "learner");
    const outsider = await newUser(db, "learner");
    const teach = callerFor(db, instructor, now);
    const course = await teach.courses.create({ title: "CNN 101" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Week 1" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    expect((await teach.questions.validate({ questionId: question.id })).ok).toBe(true);
    await teach.questions.publish({ questionId: question.id });

    await callerFor(db, learner, now).courses.join({ code: course.joinCode.toLowerCase() });
    const issued = await callerFor(db, learner, now).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    expect(issued.problem.template).toBe(`question:${question.id}`);
    expect(issued.problem.prompt).toMatch(/stride [12]/);
    for (const secret of ["answer", "check", "solution", "seed"]) expect(issued.problem).not.toHaveProperty(secret);

    // ⌊(8 − 3)/s⌋ + 1 (d2l 6.3): 6 for stride 1, 3 for stride 2; "8 − 3 + 1" is the stride ignored.
    const stride = Number(/stride (\d)/.exec(issued.problem.prompt)![1]);
    const key = Math.floor(5 / stride) + 1;
    clock = new Date(clock.getTime() + 30_000);
    if (stride === 2) {
      const wrong = await callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer: "6" });
      // The key is the author's formula, not the engine's or the books': the page says so.
      expect(wrong).toMatchObject({ status: "graded", correct: false, mistake: "stride-ignored", keySource: "author" });
    } else {
      const right = await callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer: String(key) });
      expect(right).toMatchObject({ status: "graded", correct: true, score: 1, keySource: "author" });
    }
    const review = await db.review.findFirstOrThrow({ where: { variantId: issued.variantId } });
    const v1 = await db.questionVersion.findFirstOrThrow({ where: { questionId: question.id, version: 1 } });
    expect(review.questionVersionId).toBe(v1.id);

    // The instructor edits and publishes version 2: the old review still points at version 1.
    await teach.questions.update({ questionId: question.id, definition: { ...strideQuestion, prompt: { en: "Width 8, kernel 3, stride {{s}}: output width?" } } });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    expect((await db.review.findFirstOrThrow({ where: { variantId: issued.variantId } })).questionVersionId).toBe(v1.id);

    // The learner's progress names the question as its instructor titled it.
    const progress = await callerFor(db, learner, now).progress.get();
    expect(progress.history[0]).toMatchObject({ title: { en: "Output width with a stride" }, topic: "conv-arithmetic" });
    expect(progress.history[0]?.prompt).toMatch(/stride [12]/);

    // Someone outside the course never meets it.
    const theirs = await callerFor(db, outsider, now).review.next();
    expect(theirs.status === "issued" && theirs.problem.template).toBe("conv.output-size");
  });
  it("skips a published question that cannot be built, serves built-in cards, and tells the owner, not the learners", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const learner = await newUser(db, "learner");
    const teach = callerFor(db, instructor, now);
    const course = await teach.courses.create({ title: "Broken on purpose" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Week 1" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    // What a bundle imported as published without validation left behind (issue 11, item 6): a
    // key formula that divides by zero for every value of a.
    const broken: QuestionDefinition = {
      kind: "custom",
      title: { en: "Divided by nothing" },
      topic: "conv-arithmetic",
      difficulty: "easy",
      prompt: { en: "What is {{a}} divided by nothing?" },
      variables: [{ name: "a", values: [1, 2] }],
      answer: { kind: "integer", formula: "a / (a - a)" },
    };
    const published = await db.questionVersion.findFirstOrThrow({ where: { questionId: question.id, version: 1 } });
    await db.questionVersion.update({ where: { id: published.id }, data: { definition: broken as never } });

    const learn = callerFor(db, learner, now);
    await learn.courses.join({ code: course.joinCode });
    const first = await learn.review.next();
    // The built-in bank's first skill, as for a learner in no course (see the test above).
    expect(first.status === "issued" && first.problem.template).toBe("conv.output-size");
    const failures = await db.issueFailure.findMany({ where: { templateId: `question:${question.id}` } });
    expect(failures).toMatchObject([{ userId: learner.id, questionVersionId: published.id, message: expect.stringContaining("a / (a - a)") }]);
    // Postponed by a day, so the next requests do not try it again.
    const card = await db.card.findUniqueOrThrow({ where: { userId_templateId: { userId: learner.id, templateId: `question:${question.id}` } } });
    expect(card.due).toEqual(new Date(clock.getTime() + 24 * 60 * 60 * 1000));

    if (first.status !== "issued") return;
    await learn.review.submit({ variantId: first.variantId, answer: "1x1x1" });
    const second = await learn.review.next();
    expect(second.status === "issued" && second.problem.template).toBe("params.dense-vs-conv");
    expect(await db.issueFailure.count({ where: { templateId: `question:${question.id}` } })).toBe(1);

    // The owner sees the failure beside the question; a learner cannot list the bank at all.
    const listed = await teach.questions.list({ bankId: bank.id });
    expect(listed.find((row) => row.id === question.id)?.issueFailures).toMatchObject({ count: 1, latestMessage: failures[0]!.message });
    expect(await outcomeOf(() => learn.questions.list({ bankId: bank.id }))).toBe("FORBIDDEN");
    expect(JSON.stringify([first, second])).not.toContain("a - a");
  });
  it("reads the queue's course questions in one query, as published-questions-for lists them, then the built-in bank", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const learner = await newUser(db, "learner");
    const teach = callerFor(db, instructor, now);
    const learn = callerFor(db, learner, now);
    for (const title of ["First course", "Second course"]) {
      const course = await teach.courses.create({ title });
      for (const bankTitle of ["Week 2", "Week 1"]) {
        const bank = await teach.banks.create({ courseId: course.id, title: bankTitle });
        for (const definition of [poolingChoice, strideQuestion]) {
          const question = await teach.questions.create({ bankId: bank.id, definition });
          await teach.questions.validate({ questionId: question.id });
          await teach.questions.publish({ questionId: question.id });
        }
        // An unpublished draft is not in the queue.
        await teach.questions.create({ bankId: bank.id, definition: poolingChoice });
      }
      await learn.courses.join({ code: course.joinCode });
    }
    const expected = await publishedQuestionsFor({ db, userId: learner.id });
    expect(expected).toHaveLength(8);
    const snapshot = await readLearnerSnapshot(db, learner.id, new Date());
    expect(snapshot.templateIds.slice(0, 8)).toEqual(expected.map((question) => question.templateId));
    expect(snapshot.templateIds[8]).toBe("conv.output-size");
    expect([...snapshot.versionOf]).toEqual(expected.map((question) => [question.templateId, question.questionVersionId]));
  });
});
