/**
 * The join page's description of a course (lib/server/courses/preview-course.ts): what a
 * signed-in visitor holding the code learns before joining, and nothing for a code that opens no
 * course.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewCourse } from "@/lib/server/courses/preview-course";
import { callerFor, newUser, poolingChoice, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("the join page's course preview on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("names the course, its owners in the order they joined, and counts only published questions", async () => {
    const owner = await newUser(database.prisma, "instructor", "Ada Lovelace");
    const colleague = await newUser(database.prisma, "instructor", "李老师");
    const visitor = await newUser(database.prisma, "learner");
    const ownerCaller = callerFor(database.prisma, owner);
    const course = await ownerCaller.courses.create({ title: "卷积神经网络" });
    await ownerCaller.courses.addOwner({ courseId: course.id, email: colleague.email });
    const bank = await ownerCaller.banks.create({ courseId: course.id, title: "Week 1" });
    const published = await ownerCaller.questions.create({ bankId: bank.id, definition: poolingChoice });
    expect((await ownerCaller.questions.validate({ questionId: published.id })).ok).toBe(true);
    await ownerCaller.questions.publish({ questionId: published.id });
    // A draft is not yet something a learner will be asked.
    await ownerCaller.questions.create({ bankId: bank.id, definition: strideQuestion });

    const typed = course.joinCode.toLowerCase().replace(/(.{4})/, "$1-");
    expect(await previewCourse({ db: database.prisma, userId: visitor.id, code: typed })).toEqual({
      id: course.id,
      title: "卷积神经网络",
      owners: ["Ada Lovelace", "李老师"],
      // A new course's deadlines are in UTC until its owners choose a zone.
      timeZone: "UTC",
      questionCount: 1,
      role: null,
    });
  });

  it("tells a member and an owner their role, so the page offers no second join", async () => {
    const owner = await newUser(database.prisma, "instructor");
    const learner = await newUser(database.prisma, "learner");
    const course = await callerFor(database.prisma, owner).courses.create({ title: "CNN" });
    await callerFor(database.prisma, learner).courses.join({ code: course.joinCode });
    expect(await previewCourse({ db: database.prisma, userId: learner.id, code: course.joinCode })).toMatchObject({ role: "learner", owners: [owner.name], questionCount: 0 });
    expect(await previewCourse({ db: database.prisma, userId: owner.id, code: course.joinCode })).toMatchObject({ role: "owner" });
  });

  it("describes nothing for an unknown code, an old code or an archived course", async () => {
    const owner = await newUser(database.prisma, "instructor");
    const visitor = await newUser(database.prisma, "learner");
    const ownerCaller = callerFor(database.prisma, owner);
    const course = await ownerCaller.courses.create({ title: "CNN" });
    expect(await previewCourse({ db: database.prisma, userId: visitor.id, code: "AAAAAAAA" })).toBeNull();
    const fresh = await ownerCaller.courses.regenerateCode({ courseId: course.id });
    expect(await previewCourse({ db: database.prisma, userId: visitor.id, code: course.joinCode })).toBeNull();
    await database.prisma.course.update({ where: { id: course.id }, data: { archivedAt: new Date("2026-05-01T09:00:00Z") } });
    expect(await previewCourse({ db: database.prisma, userId: visitor.id, code: fresh.joinCode })).toBeNull();
  });
});
