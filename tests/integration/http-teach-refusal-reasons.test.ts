/**
 * The instructor's and the account's refusals over HTTP carry their reason id, and the values
 * its sentence names, beside the English message (lib/server/errors.ts, the error formatter in
 * lib/server/trpc.ts), so that the course, bank and question pages word them in the page's
 * language; the message, the status and the code stay as they were for scripts and logs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser, strideQuestion } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("the instructor's and the account's refusals over HTTP on %s", (kind) => {
  let database: TestDatabase;
  let api: ReturnType<typeof httpApi>;
  let instructor: SessionUser;
  let learner: SessionUser;
  let courseId: string;
  let bankIds: string[];
  let questionId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.prisma;
    api = httpApi({ db });
    instructor = await newUser(db, "instructor");
    learner = await newUser(db, "learner");
    const teach = callerFor(db, instructor, () => new Date());
    const course = await teach.courses.create({ title: "CNN" });
    const first = await teach.banks.create({ courseId: course.id, title: "Strides" });
    const second = await teach.banks.create({ courseId: course.id, title: "Pooling" });
    // A draft never validated.
    const question = await teach.questions.create({ bankId: first.id, definition: strideQuestion });
    ({ id: courseId } = course);
    bankIds = [first.id, second.id];
    ({ id: questionId } = question);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const refusalOf = (reply: Parameters<typeof errorOf>[0]) => errorOf(reply)!;

  it("names the e-mail of a co-owner nobody has, or who is no instructor", async () => {
    const nobody = await api.call("courses.addOwner", { courseId, email: "nobody@example.org" }, { method: "POST", user: instructor });
    expect(nobody.status).toBe(404);
    expect(refusalOf(nobody)).toMatchObject({ message: "Nobody has the email nobody@example.org.", data: { code: "NOT_FOUND", reason: "course.noSuchEmail", params: { email: "nobody@example.org" } } });

    const notInstructor = await api.call("courses.addOwner", { courseId, email: learner.email }, { method: "POST", user: instructor });
    expect(notInstructor.status).toBe(400);
    expect(refusalOf(notInstructor)).toMatchObject({
      message: `${learner.email} is not an instructor, so cannot own a course.`,
      data: { code: "BAD_REQUEST", reason: "course.notAnInstructor", params: { email: learner.email } },
    });
  });

  it("refuses the only instructor's leaving, and a bank list that is not the course's", async () => {
    const leave = await api.call("courses.leave", { courseId }, { method: "POST", user: instructor });
    expect(leave.status).toBe(409);
    expect(refusalOf(leave)).toMatchObject({ message: "You are this course's only instructor: add another owner before leaving.", data: { code: "CONFLICT", reason: "course.onlyInstructor", params: null } });

    const reorder = await api.call("banks.reorder", { courseId, bankIds: [bankIds[0]] }, { method: "POST", user: instructor });
    expect(reorder.status).toBe(400);
    expect(refusalOf(reorder)).toMatchObject({ message: "List each of the course's banks exactly once.", data: { code: "BAD_REQUEST", reason: "course.banksChanged" } });
  });

  it("names the version to validate before publishing, and a version the question does not have", async () => {
    const publish = await api.call("questions.publish", { questionId }, { method: "POST", user: instructor });
    expect(publish.status).toBe(409);
    expect(refusalOf(publish)).toMatchObject({
      message: "Run the validation on version 1 before publishing it.",
      data: { code: "CONFLICT", reason: "question.notValidated", params: { version: 1 } },
    });

    const preview = await api.call("questions.preview", { questionId, seed: 1, lang: "en", version: 9 }, { method: "GET", user: instructor });
    expect(preview.status).toBe(404);
    expect(refusalOf(preview)).toMatchObject({ message: "This question has no version 9.", data: { code: "NOT_FOUND", reason: "question.noSuchVersion", params: { version: 9 } } });
  });

  it("words a mistyped deletion confirmation by reason, beside its field", async () => {
    const deletion = await api.call("account.delete", { password: "not-it", confirmation: "someone@else.org" }, { method: "POST", user: learner });
    expect(deletion.status).toBe(400);
    expect(refusalOf(deletion)).toMatchObject({
      message: "confirmation: type your account's e-mail address exactly to confirm.",
      data: { code: "BAD_REQUEST", reason: "account.wrongConfirmation", params: null },
    });
    expect(refusalOf(deletion).data.fieldErrors).toHaveProperty("confirmation");
  });
});
