import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCourse } from "@/lib/server/demo/seed-demo-course";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import { callerFor, newUser } from "./courses-support";

describe.each(databaseKinds())("the demo course on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("gives the demo instructor a course with one published question of each kind, a class with history, and the demo learner enrolled; once", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const learner = await newUser(db, "learner");
    const now = new Date("2026-05-20T09:00:00Z");
    const seeded = await seedDemoCourse({ db, instructorId: instructor.id, learnerId: learner.id, now });
    expect(seeded.created).toBe(true);
    expect(seeded.reviews).toBeGreaterThanOrEqual(18);

    const teach = callerFor(db, instructor, () => now);
    const [course] = (await teach.courses.list()).filter((entry) => entry.role === "owner");
    expect(course).toBeDefined();
    const banks = await teach.banks.list({ courseId: course!.id });
    expect(banks).toHaveLength(1);
    const questions = await teach.questions.list({ bankId: banks[0]!.id });
    expect(questions.map((question) => question.kind).sort()).toEqual(["builtin", "custom", "fixed"]);
    expect(questions.every((question) => question.publishedVersion === 1)).toBe(true);

    const members = await db.courseMember.findMany({ where: { courseId: course!.id, role: "learner" } });
    expect(members.map((member) => member.userId)).toContain(learner.id);
    expect(members).toHaveLength(7);
    // A homework and an exam the class has taken; the demo learner has taken neither.
    const assessments = await teach.assessments.list({ courseId: course!.id });
    expect(assessments.map((row) => [row.kind, row.published, row.questionCount])).toEqual([
      ["homework", true, 3],
      ["exam", true, 3],
    ]);
    expect(assessments.map((row) => row.started)).toEqual([5, 4]);
    const exam = await db.assessmentAttempt.findMany({ where: { assessmentId: assessments[1]!.id }, orderBy: { startedAt: "desc" } });
    expect(exam.map((attempt) => attempt.finishedBy)).toEqual(["learner", "learner", "learner", "time"]);
    const homework = await db.assessmentAttempt.findMany({ where: { assessmentId: assessments[0]!.id } });
    expect(homework.filter((attempt) => attempt.finishedBy === "learner")).toHaveLength(3);
    expect(homework.filter((attempt) => attempt.finishedAt === null)).toHaveLength(2);
    expect(await db.attemptTry.count({ where: { question: { attempt: { assessmentId: assessments[0]!.id } } } })).toBeGreaterThanOrEqual(15);
    const mine = await callerFor(db, learner, () => now).assessments.forCourse({ courseId: course!.id });
    expect(mine.map((row) => row.status)).toEqual(["not-started", "not-started"]);
    const stats = await teach.statistics.course({ courseId: course!.id });
    expect(stats.items.map((item) => item.attempts).every((attempts) => attempts > 0)).toBe(true);

    // The demo learner meets a course question first on /review.
    const issued = await callerFor(db, learner, () => now).review.next();
    expect(issued.status === "issued" && issued.problem.template.startsWith("question:")).toBe(true);

    expect(await seedDemoCourse({ db, instructorId: instructor.id, learnerId: learner.id, now })).toEqual({ created: false, reviews: 0 });
  }, 120_000);
});
