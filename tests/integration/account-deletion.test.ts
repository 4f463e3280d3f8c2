/**
 * "Download my data" and "delete my account" (lib/server/account) through the tRPC caller on both
 * databases: the export holds the person's own rows and nobody else's, never an unanswered
 * problem's seed, and an instructor's banks as re-importable bundles; deletion takes a learner's
 * whole history in one transaction (past the append-only trigger, for that user only) and leaves
 * everyone else's alone; an owner of a course other people depend on is refused with the course
 * named; a wrong password or confirmation is a 400 naming the field; two deletions at once give
 * one success and one clear NOT_FOUND.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProblem, type Answer, type Lang } from "@/lib/problems";
import { ALREADY_DELETED } from "@/lib/server/account/delete-account";
import { ACCOUNT_EXPORT_FORMAT, type AccountExport } from "@/lib/server/account/export-account";
import { accountDownload } from "@/lib/server/edge/downloads";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, failureOf, insertReview, newUser, poolingChoice } from "./courses-support";
import { errorOf, httpApi, ORIGIN } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const PASSWORD = "correct-horse-1";
const NOW = new Date("2026-05-01T09:00:00Z");

/** A key written the way a learner would type it (as tests/integration/review-flow.test.ts). */
function typed(answer: Answer): string {
  switch (answer.kind) {
    case "shape":
      return answer.value.join("x");
    case "matrix":
      return JSON.stringify(answer.value);
    case "choices":
      return answer.value.join(", ");
    default:
      return String(answer.value);
  }
}


describe.each(databaseKinds())("account export and deletion on %s", (kind) => {
  let database: TestDatabase;
  let hash: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    hash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.prisma;
  const as = (user: SessionUser) => callerFor(db(), user, () => NOW);

  /** A person who signed up with PASSWORD (better-auth's credential row and a session). */
  async function person(role: "learner" | "instructor", name?: string): Promise<SessionUser> {
    const user = await newUser(db(), role, name);
    await db().account.create({ data: { id: randomUUID(), accountId: user.id, providerId: "credential", userId: user.id, password: hash } });
    await db().session.create({ data: { id: randomUUID(), token: randomUUID(), userId: user.id, expiresAt: new Date(NOW.getTime() + 86_400_000), userAgent: "test browser" } });
    return user;
  }

  /** A course of `owner` with one published question (the pooling choice), and its version. */
  async function courseWithQuestion(owner: SessionUser, title: string) {
    const caller = as(owner);
    const course = await caller.courses.create({ title });
    const bank = await caller.banks.create({ courseId: course.id, title: `${title}: week 1` });
    const question = await caller.questions.create({ bankId: bank.id, definition: poolingChoice });
    const version = await db().questionVersion.findFirstOrThrow({ where: { questionId: question.id } });
    return { course, bank, question, version };
  }

  /**
   * Everything a learner leaves behind: a graded review answered right (its rating then changed),
   * a practice answer, an offline practice answer synced later, a key-mismatch report, a course
   * membership with an answer to its question, a request-limit row, a reset link, and one
   * problem issued but not answered (returned: its seed must never leave the server).
   */
  async function giveHistory(learner: SessionUser, course: Awaited<ReturnType<typeof courseWithQuestion>>) {
    const caller = as(learner);
    const issued = await caller.review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const variant = await db().variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const key = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
    const answer = `${typed(key)} `;
    const graded = await caller.review.submit({ variantId: issued.variantId, answer });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    // Changed to Hard, whatever was suggested (Good or Easy, by the time taken).
    await caller.review.rate({ reviewId: graded.reviewId, rating: 2 });
    await caller.review.reportMismatch({ reviewId: graded.reviewId, backend: "webgl", browserKey: [1, 2, 3] });
    const practice = await caller.review.practice({ template: "conv.output-size" });
    await caller.review.submit({ variantId: practice.variantId, answer: "1x1x1" });
    await caller.review.syncOfflinePractice({
      items: [{ id: randomUUID(), template: "conv.output-size", seed: 7, lang: "en", answer: "2x2x2", answeredAt: new Date(NOW.getTime() - 3_600_000), elapsedMs: 20_000 }],
    });
    await caller.courses.join({ code: course.course.joinCode });
    await insertReview(db(), { userId: learner.id, questionId: course.question.id, questionVersionId: course.version.id, seed: 3, answer: "0", score: 1, elapsedMs: 4_000, reviewedAt: NOW });
    await db().requestLimit.create({ data: { key: `user:${learner.id}`, points: 3, expire: BigInt(NOW.getTime() + 60_000) } });
    await db().verification.create({ data: { id: randomUUID(), identifier: `reset-password:${randomUUID()}`, value: learner.id, expiresAt: new Date(NOW.getTime() + 3_600_000) } });
    const open = await caller.review.next();
    if (open.status !== "issued") throw new Error("expected an open problem");
    const openVariant = await db().variant.findUniqueOrThrow({ where: { id: open.variantId } });
    return { answer, reviewId: graded.reviewId, gradedRating: graded.rating, open: openVariant };
  }

  async function exportOf(user: SessionUser): Promise<{ data: AccountExport; text: string; filename: string }> {
    const file = await as(user).account.export();
    return { data: JSON.parse(file.body) as AccountExport, text: file.body, filename: file.filename };
  }

  /** Rows that belong to `userId` anywhere. */
  async function rowsOf(userId: string) {
    const [users, accounts, sessions, cards, variants, reviews, amendments, mismatches, memberships, limits, resets] = await Promise.all([
      db().user.count({ where: { id: userId } }),
      db().account.count({ where: { userId } }),
      db().session.count({ where: { userId } }),
      db().card.count({ where: { userId } }),
      db().variant.count({ where: { userId } }),
      db().review.count({ where: { userId } }),
      db().reviewAmendment.count({ where: { userId } }),
      db().keyMismatch.count({ where: { userId } }),
      db().courseMember.count({ where: { userId } }),
      db().requestLimit.count({ where: { key: `user:${userId}` } }),
      db().verification.count({ where: { value: userId } }),
    ]);
    return { users, accounts, sessions, cards, variants, reviews, amendments, mismatches, memberships, limits, resets };
  }

  it("exports the person's own profile, settings, cards, reviews as typed, practice and memberships, and nothing of anyone else's", async () => {
    const teacher = await person("instructor");
    const course = await courseWithQuestion(teacher, "Export course");
    const learner = await person("learner", "Ada Export");
    const other = await person("learner", "Someone Else");
    await as(learner).settings.update({ desiredRetention: 0.85, dailyNewLimit: 7, locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const mine = await giveHistory(learner, course);
    const theirs = await giveHistory(other, course);

    const { data, text, filename } = await exportOf(learner);
    // 09:00 UTC is 17:00 in Shanghai: the same day either way here.
    expect(filename).toBe("stride-account-2026-05-01.json");
    expect(data).toMatchObject({ format: ACCOUNT_EXPORT_FORMAT, version: 1, exportedAt: NOW.toISOString() });
    expect(data.profile).toMatchObject({ id: learner.id, name: "Ada Export", email: learner.email, role: "learner" });
    expect(data.settings).toMatchObject({ locale: "zh-CN", timeZone: "Asia/Shanghai", desiredRetention: 0.85, dailyNewLimit: 7, fsrsParameters: [] });
    expect(data.sessions).toEqual([expect.objectContaining({ userAgent: "test browser" })]);
    expect(text).not.toMatch(/"token"|"password"/);

    // Four answers: the graded review (rating changed to Hard), practice, offline practice, the course question.
    expect(data.reviews.map((review) => `${review.mode}${review.offline ? " offline" : ""}`).sort()).toEqual(["practice", "practice offline", "review", "review"]);
    const graded = data.reviews.find((review) => review.id === mine.reviewId)!;
    expect(graded).toMatchObject({ answer: mine.answer, correct: true, ratingAtGrading: mine.gradedRating, rating: 2, undone: false, amendments: [expect.objectContaining({ kind: "rating", rating: 2 })] });
    expect(data.reviews.find((review) => review.mode === "practice" && !review.offline)).toMatchObject({ template: "conv.output-size", answer: "1x1x1", correct: false, cardId: null });
    expect(data.reviews.find((review) => review.offline)).toMatchObject({ template: "conv.output-size", seed: 7, answer: "2x2x2" });
    expect(data.reviews.find((review) => review.question !== null)).toMatchObject({ template: `question:${course.question.id}`, topic: "pooling", question: { id: course.question.id, version: 1 }, answer: "0" });
    expect(data.cards.map((card) => card.id).sort()).toEqual((await db().card.findMany({ where: { userId: learner.id } })).map((card) => card.id).sort());
    expect(data.keyMismatchReports).toEqual([expect.objectContaining({ reviewId: mine.reviewId, backend: "webgl", browserKey: [1, 2, 3] })]);
    expect(data.courseMemberships).toEqual([expect.objectContaining({ courseId: course.course.id, title: "Export course", role: "learner" })]);
    expect(data.courses).toEqual([]);

    // The open problem is left out: neither its id nor its template and seed together.
    expect(text).not.toContain(mine.open.id);
    expect(data.reviews.some((review) => review.template === mine.open.templateId && review.seed === mine.open.seed)).toBe(false);
    // Nothing of the other learner: their id, name, e-mail, reviews, open problem.
    for (const needle of [other.id, other.email, "Someone Else", theirs.reviewId, theirs.open.id]) expect(text).not.toContain(needle);
    // The course's member list is not there either.
    expect(text).not.toContain(teacher.email);
  });

  it("serves the export as a dated JSON attachment to its owner only", async () => {
    const learner = await person("learner");
    const get = (path: string) => new Request(`${ORIGIN}${path}`);
    const context = (user: SessionUser | null) => ({ db: db(), user, ip: null, limiter: null });
    const res = await accountDownload(get("/api/account/export"), context(learner));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="stride-account-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(((await res.json()) as AccountExport).profile.email).toBe(learner.email);
    const anonymous = await accountDownload(get("/api/account/export"), context(null));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Sign in to download your data." });
  });

  it("exports an instructor's courses with each bank as a bundle that imports back", async () => {
    const teacher = await person("instructor");
    const course = await courseWithQuestion(teacher, "Bundle course");
    const { data } = await exportOf(teacher);
    expect(data.courseMemberships).toEqual([expect.objectContaining({ courseId: course.course.id, role: "owner" })]);
    expect(data.courses).toHaveLength(1);
    const [exported] = data.courses;
    expect(exported).toMatchObject({ id: course.course.id, title: "Bundle course", joinCode: course.course.joinCode, banks: [{ title: "Bundle course: week 1", position: 0 }] });
    const bundle = exported!.banks[0]!.bundle;
    // The same text banks.export gives, and it imports into another course as it was.
    expect(JSON.parse((await as(teacher).banks.export({ bankId: course.bank.id, format: "bundle" })).body)).toEqual(bundle);
    const copy = await as(teacher).courses.create({ title: "Copy" });
    const imported = await as(teacher).banks.import({ courseId: copy.id, text: JSON.stringify(bundle) });
    const questions = await db().question.findMany({ where: { bank: { courseId: copy.id } }, include: { versions: true } });
    expect(imported).toMatchObject({ title: "Bundle course: week 1" });
    expect(questions.map((question) => question.versions.map((version) => version.definition))).toEqual([[poolingChoice]]);
  });

  it("deletes a learner with history in one go, and leaves the other learners, the course and its statistics of them alone", async () => {
    const teacher = await person("instructor");
    const course = await courseWithQuestion(teacher, "Shared course");
    const learner = await person("learner");
    const other = await person("learner");
    await giveHistory(learner, course);
    await giveHistory(other, course);
    const otherBefore = await rowsOf(other.id);
    const teacherBefore = await rowsOf(teacher.id);
    expect((await rowsOf(learner.id)).reviews).toBe(4);

    const plan = await as(learner).account.deletionPlan();
    expect(plan).toMatchObject({ blocked: [], deletedCourses: [], counts: { reviews: 2, practice: 2, offline: 1, memberships: 1 } });

    const deleted = await as(learner).account.delete({ password: PASSWORD, confirmation: ` ${learner.email.toUpperCase()} ` });
    expect(deleted).toMatchObject({ deleted: true, reviews: 4, memberships: 1, courses: [] });
    expect(await rowsOf(learner.id)).toEqual({ users: 0, accounts: 0, sessions: 0, cards: 0, variants: 0, reviews: 0, amendments: 0, mismatches: 0, memberships: 0, limits: 0, resets: 0 });
    expect(await rowsOf(other.id)).toEqual(otherBefore);
    expect(await rowsOf(teacher.id)).toEqual(teacherBefore);
    const stats = await as(teacher).statistics.course({ courseId: course.course.id });
    expect(stats.learners.map((row) => row.userId)).toEqual([other.id]);

    // The history is still append-only for everyone else, even with the erasing setting in force.
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('stride.erasing_user', ${learner.id}, true)`;
        await tx.$executeRaw`DELETE FROM "reviews" WHERE "userId" = ${other.id}`;
      }),
    ).rejects.toThrow(/append-only/);
    expect((await rowsOf(other.id)).reviews).toBe(otherBefore.reviews);
  });

  it("refuses an owner of a course other people are in, naming the course and what to do, and deletes nothing", async () => {
    const teacher = await person("instructor");
    const colleague = await person("instructor");
    const taught = await courseWithQuestion(teacher, "Convolutions 101");
    const shared = await courseWithQuestion(teacher, "Shared with a colleague");
    const learner = await person("learner");
    await as(learner).courses.join({ code: taught.course.joinCode });
    await as(teacher).courses.addOwner({ courseId: shared.course.id, email: colleague.email });

    const plan = await as(teacher).account.deletionPlan();
    expect(plan.blocked).toEqual([
      { courseId: taught.course.id, title: "Convolutions 101", reason: "learners", people: 1 },
      { courseId: shared.course.id, title: "Shared with a colleague", reason: "coOwners", people: 1 },
    ]);
    const refusal = await failureOf(() => as(teacher).account.delete({ password: PASSWORD, confirmation: teacher.email }));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toContain('"Convolutions 101" (1 learner is in it: add another instructor as a co-owner on the course\'s page, then leave the course)');
    expect(refusal.message).toContain('"Shared with a colleague" (other instructors own it too: leave the course');
    expect(refusal.message).toContain("Nothing was deleted.");
    expect((await rowsOf(teacher.id)).users).toBe(1);
    expect(await db().course.count({ where: { id: { in: [taught.course.id, shared.course.id] } } })).toBe(2);
  });

  it("refuses while learners who left a course have answers to its questions, since their history points at them", async () => {
    const teacher = await person("instructor");
    const course = await courseWithQuestion(teacher, "Left behind");
    const learner = await person("learner");
    await as(learner).courses.join({ code: course.course.joinCode });
    await insertReview(db(), { userId: learner.id, questionId: course.question.id, questionVersionId: course.version.id, seed: 1, answer: "4", score: 0, elapsedMs: 3_000, reviewedAt: NOW });
    await as(learner).courses.leave({ courseId: course.course.id });
    const refusal = await failureOf(() => as(teacher).account.delete({ password: PASSWORD, confirmation: teacher.email }));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toContain('"Left behind" (1 person who has left it answered its questions, and their history keeps those answers');
    expect(await db().review.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("deletes an instructor's courses that only they are in, and keeps a course they handed over, without their name on its questions", async () => {
    const teacher = await person("instructor");
    const colleague = await person("instructor");
    const solo = await courseWithQuestion(teacher, "Only mine");
    const learner = await person("learner");
    // A learner was issued the question but never answered it: that variant goes with the course.
    await db().variant.create({ data: { userId: learner.id, templateId: `question:${solo.question.id}`, questionVersionId: solo.version.id, seed: 5, lang: "en", mode: "practice" } });
    // Handed over: the colleague co-owns it, the teacher leaves; the questions the teacher wrote stay.
    const handed = await courseWithQuestion(teacher, "Handed over");
    await as(teacher).courses.addOwner({ courseId: handed.course.id, email: colleague.email });
    await as(teacher).courses.leave({ courseId: handed.course.id });

    expect(await as(teacher).account.deletionPlan()).toEqual({
      blocked: [],
      deletedCourses: [{ courseId: solo.course.id, title: "Only mine", banks: 1, questions: 1 }],
      // Owning a course is not a membership the plan lists: the course itself goes.
      counts: { reviews: 0, practice: 0, offline: 0, cards: 0, memberships: 0 },
    });
    const deleted = await as(teacher).account.delete({ password: PASSWORD, confirmation: teacher.email });
    expect(deleted.courses).toEqual([{ courseId: solo.course.id, title: "Only mine", banks: 1, questions: 1 }]);
    expect(await db().course.count({ where: { id: solo.course.id } })).toBe(0);
    expect(await db().bank.count({ where: { id: solo.bank.id } })).toBe(0);
    expect(await db().questionVersion.count({ where: { questionId: solo.question.id } })).toBe(0);
    expect(await db().variant.count({ where: { userId: learner.id } })).toBe(0);
    // The handed-over course lives on, its question unchanged but for the author.
    const kept = await db().questionVersion.findUniqueOrThrow({ where: { id: handed.version.id } });
    expect(kept).toMatchObject({ authorId: null, definition: poolingChoice });
    expect((await as(colleague).banks.list({ courseId: handed.course.id })).map((bank) => bank.title)).toEqual(["Handed over: week 1"]);
  });

  it("refuses a wrong password or confirmation with a 400 naming the field, and deletes nothing", async () => {
    const learner = await person("learner");
    const wrong = await failureOf(() => as(learner).account.delete({ password: "not-the-password", confirmation: learner.email }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toBe("password: that is not your current password.");
    expect(wrong.cause).toBeInstanceOf(AppError);
    expect((wrong.cause as AppError).field).toBe("password");
    const unconfirmed = await failureOf(() => as(learner).account.delete({ password: PASSWORD, confirmation: "someone@example.com" }));
    expect(unconfirmed.code).toBe("BAD_REQUEST");
    expect((unconfirmed.cause as AppError).field).toBe("confirmation");
    expect((await rowsOf(learner.id)).users).toBe(1);

    // Over HTTP the field is in fieldErrors, as for a validation error; an empty password is one.
    const api = httpApi({ db: db() });
    const reply = await api.call("account.delete", { password: "not-the-password", confirmation: learner.email }, { user: learner, method: "POST" });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)?.data.fieldErrors).toEqual({ password: "password: that is not your current password." });
    const empty = await api.call("account.delete", { password: "", confirmation: learner.email }, { user: learner, method: "POST" });
    expect(empty.status).toBe(400);
    expect(errorOf(empty)?.data.fieldErrors).toEqual({ password: "enter your current password" });
  });

  it("deletes once when two deletions race: the other is told the account is gone, never a 500", async () => {
    const teacher = await person("instructor");
    const course = await courseWithQuestion(teacher, "Race course");
    const learner = await person("learner");
    await giveHistory(learner, course);
    const outcomes = await Promise.allSettled([0, 1].map(() => as(learner).account.delete({ password: PASSWORD, confirmation: learner.email })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const [rejected] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(TRPCError);
    expect(rejected?.reason).toMatchObject({ code: "NOT_FOUND", message: ALREADY_DELETED });
    expect((await rowsOf(learner.id)).users).toBe(0);
    // A repeat later says the same, and so does an export with a session copy that still names it.
    expect(await failureOf(() => as(learner).account.delete({ password: PASSWORD, confirmation: learner.email }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(() => as(learner).account.export())).toMatchObject({ code: "NOT_FOUND" });
  });
});
