/**
 * An assessment's refusals over HTTP carry their reason id beside the English message
 * (lib/server/errors.ts, the error formatter in lib/server/trpc.ts), so that the take page can
 * word them in the learner's language; the message, the status and the code stay as they were
 * for scripts and logs, and an error with no reason (invalid input) says so with null.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, strideQuestion } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("an assessment's refusals over HTTP on %s", (kind) => {
  let database: TestDatabase;
  let api: ReturnType<typeof httpApi>;
  let instructor: SessionUser;
  let learner: SessionUser;
  let courseId: string;
  let questionId: string;
  let assessmentId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    api = httpApi({ db });
    instructor = await newUser(db, "instructor");
    learner = await newUser(db, "learner");
    const teach = callerFor(db, instructor, () => new Date());
    const course = await teach.courses.create({ title: "CNN" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    ({ id: courseId } = course);
    ({ id: questionId } = question);
    // One try, and an honour pledge to start.
    ({ id: assessmentId } = await teach.assessments.save({
      courseId: course.id,
      titleEn: "Quiz",
      kind: "exam",
      zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10] }],
      honourPledge: true,
      published: true,
    }));
    await callerFor(db, learner).courses.join({ code: course.joinCode });
  });

  afterAll(async () => {
    await database?.drop();
  });

  const refusalOf = (reply: Parameters<typeof errorOf>[0]) => errorOf(reply)!;

  it("names the field and the reason of a start without the pledge, and the reason and values of a try answered twice or past its last", async () => {
    const unpledged = await api.call("assessments.start", { assessmentId }, { method: "POST", user: learner });
    expect(unpledged.status).toBe(400);
    expect(refusalOf(unpledged)).toMatchObject({ message: "pledge: confirm the honour pledge to start this exam", data: { code: "BAD_REQUEST", reason: "assessment.pledgeNeeded", params: null } });
    expect(refusalOf(unpledged).data.fieldErrors).toHaveProperty("pledge");

    const started = await api.call("assessments.start", { assessmentId, pledge: true }, { method: "POST", user: learner });
    expect(started.status).toBe(200);
    const { attemptId } = (started.body as { result: { data: { json: { attemptId: string } } } }).result.data.json;
    const first = await api.call("assessments.answer", { attemptId, position: 0, tryNumber: 0, answer: "99" }, { method: "POST", user: learner });
    expect(first.status).toBe(200);

    const changed = await api.call("assessments.answer", { attemptId, position: 0, tryNumber: 0, answer: "98" }, { method: "POST", user: learner });
    expect(changed.status).toBe(409);
    expect(refusalOf(changed)).toMatchObject({
      message: "Try 1 of this question was already answered. Reload to see it.",
      data: { code: "CONFLICT", reason: "attempt.tryAlreadyAnswered", params: { number: 1 } },
    });

    const past = await api.call("assessments.answer", { attemptId, position: 0, tryNumber: 1, answer: "6" }, { method: "POST", user: learner });
    expect(past.status).toBe(409);
    expect(refusalOf(past)).toMatchObject({ message: "This question has no tries left.", data: { code: "CONFLICT", reason: "attempt.noTriesLeft", params: null } });
  });

  it("sends a reason per field for an assessment's broken rules, beside the English message that lists them", async () => {
    const broken = await api.call(
      "assessments.save",
      {
        courseId,
        titleEn: "Broken",
        kind: "homework",
        zones: [{ pool: [{ question: questionId }], draw: 1, points: 10, pointsPerTry: [10, 12] }],
        opensAt: "2026-05-02T10:00",
        dueAt: "2026-05-01T10:00",
      },
      { method: "POST", user: instructor },
    );
    expect(broken.status).toBe(400);
    const refusal = refusalOf(broken);
    expect(refusal.message).toContain("dueAt: the due date must come after the opening date");
    expect(refusal.data.reason).toBe("assessment.rulesBroken");
    expect(refusal.data.fieldReasons).toEqual([
      { field: "dueAt", reason: "rules.dueBeforeOpen" },
      { field: "zones.0.pointsPerTry.1", reason: "rules.tryAbovePoints", params: { try: 2, points: 10 } },
    ]);
  });

  it("sends a null reason for invalid input, whose message names the field", async () => {
    const invalid = await api.call("assessments.answer", { attemptId: "not-a-uuid", position: 0, tryNumber: 0, answer: "6" }, { method: "POST", user: learner });
    expect(invalid.status).toBe(400);
    expect(refusalOf(invalid).data).toMatchObject({ code: "BAD_REQUEST", reason: null, params: null });
  });

  it("tells a visitor to sign in, and a learner that only instructors may save, each with its reason", async () => {
    const visitor = await api.call("assessments.attempt", { assessmentId }, { method: "GET", user: null });
    expect(visitor.status).toBe(401);
    expect(refusalOf(visitor)).toMatchObject({ message: "Sign in to continue.", data: { code: "UNAUTHORIZED", reason: "auth.signIn" } });
    const notInstructor = await api.call("assessments.save", { courseId, titleEn: "Mine", kind: "homework", zones: [] }, { method: "POST", user: learner });
    expect(notInstructor.status).toBe(403);
    expect(refusalOf(notInstructor)).toMatchObject({ message: "Only instructors can do this.", data: { code: "FORBIDDEN", reason: "auth.instructorsOnly" } });
  });
});
