import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "@/lib/server/courses/join-code";
import { callerFor, insertReview, newUser, outcomeOf, poolingChoice } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("courses, join codes and banks on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("gives a new course an unambiguous upper-case join code and link, and its settings", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const course = await callerFor(database.prisma, instructor).courses.create({ title: "卷积神经网络", lang: "zh-CN", desiredRetention: 0.85 });
    expect(course.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
    expect(course.joinCode).not.toMatch(/[01258BIOSZL]/);
    expect(course.joinPath).toBe(`/join/${course.joinCode}`);
    const got = await callerFor(database.prisma, instructor).courses.get({ courseId: course.id });
    expect(got).toMatchObject({ title: "卷积神经网络", lang: "zh-CN", desiredRetention: 0.85, role: "owner", joinCode: course.joinCode });
    expect(got.members).toEqual([expect.objectContaining({ userId: instructor.id, role: "owner" })]);
  });

  it("joins with the code typed in lower case with spaces, once however often it is followed, and an owner stays owner", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const course = await callerFor(database.prisma, instructor).courses.create({ title: "CNN" });
    const typed = ` ${course.joinCode.slice(0, 4).toLowerCase()} ${course.joinCode.slice(4).toLowerCase()} `;
    expect(await callerFor(database.prisma, learner).courses.join({ code: typed })).toMatchObject({ courseId: course.id, role: "learner" });
    expect(await callerFor(database.prisma, learner).courses.join({ code: course.joinCode })).toMatchObject({ role: "learner" });
    expect(await callerFor(database.prisma, instructor).courses.join({ code: course.joinCode })).toMatchObject({ role: "owner" });
    expect(await database.prisma.courseMember.count({ where: { courseId: course.id } })).toBe(2);

    const learnerView = await callerFor(database.prisma, learner).courses.get({ courseId: course.id });
    expect(learnerView).toMatchObject({ role: "learner", joinCode: null, members: null });
    expect(await callerFor(database.prisma, learner).courses.list()).toEqual([expect.objectContaining({ id: course.id, role: "learner" })]);
    expect(await callerFor(database.prisma, instructor).courses.list()).toEqual([expect.objectContaining({ id: course.id, role: "owner", learners: 1 })]);
  });

  it("stops accepting the old code once a new one is made, keeping the members", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const late = await newUser(database.prisma, "learner");
    const course = await callerFor(database.prisma, instructor).courses.create({ title: "CNN" });
    await callerFor(database.prisma, learner).courses.join({ code: course.joinCode });
    const fresh = await callerFor(database.prisma, instructor).courses.regenerateCode({ courseId: course.id });
    expect(fresh.joinCode).not.toBe(course.joinCode);
    expect(await outcomeOf(() => callerFor(database.prisma, late).courses.join({ code: course.joinCode }))).toBe("NOT_FOUND");
    expect(await callerFor(database.prisma, late).courses.join({ code: fresh.joinCode })).toMatchObject({ courseId: course.id });
    expect(await database.prisma.courseMember.count({ where: { courseId: course.id, role: "learner" } })).toBe(2);
  });

  it("adds only instructors as co-owners, and keeps the last owner from leaving", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const colleague = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    expect(await outcomeOf(() => owner.courses.addOwner({ courseId: course.id, email: learner.email }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => owner.courses.addOwner({ courseId: course.id, email: "nobody@example.com" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => owner.courses.leave({ courseId: course.id }))).toBe("CONFLICT");
    await owner.courses.addOwner({ courseId: course.id, email: colleague.email.toUpperCase() });
    expect((await callerFor(database.prisma, colleague).courses.get({ courseId: course.id })).role).toBe("owner");
    await owner.courses.leave({ courseId: course.id });
    expect(await outcomeOf(() => owner.courses.get({ courseId: course.id }))).toBe("NOT_FOUND");
  });

  it("orders banks, and refuses to delete one whose questions learners have answered", async () => {
    const instructor = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const owner = callerFor(database.prisma, instructor);
    const course = await owner.courses.create({ title: "CNN" });
    const first = await owner.banks.create({ courseId: course.id, title: "Convolution" });
    const second = await owner.banks.create({ courseId: course.id, title: "Pooling" });
    expect([first.position, second.position]).toEqual([0, 1]);
    await owner.banks.reorder({ courseId: course.id, bankIds: [second.id, first.id] });
    expect((await owner.banks.list({ courseId: course.id })).map((bank) => bank.title)).toEqual(["Pooling", "Convolution"]);
    expect(await outcomeOf(() => owner.banks.reorder({ courseId: course.id, bankIds: [second.id] }))).toBe("BAD_REQUEST");

    const question = await owner.questions.create({ bankId: second.id, definition: poolingChoice });
    const version = await database.prisma.questionVersion.findFirstOrThrow({ where: { questionId: question.id } });
    await insertReview(database.prisma, { userId: learner.id, questionId: question.id, questionVersionId: version.id, seed: 1, answer: "0", score: 1, elapsedMs: 5000, reviewedAt: new Date("2026-05-01T10:00:00Z") });
    await expect(owner.banks.delete({ bankId: second.id })).rejects.toThrow(/already answered its questions \(answers kept in their history: 1\)/);
    // The empty bank goes.
    await owner.banks.delete({ bankId: first.id });
    expect((await owner.banks.list({ courseId: course.id })).map((bank) => bank.title)).toEqual(["Pooling"]);
  });
});
