import { verifyPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { OPTIMIZE_PARAMETERS_JOB } from "../jobs/optimize-parameters-job";
import type { JobQueue } from "../jobs/job-queue";
import { withLearnerLock } from "../reviews/learner-lock";
import { questionTemplateId } from "../questions/template-id";
import { describeHolds, planAccountDeletion, type OwnedCourse } from "./deletion-plan";
import { FRESH_SESSION_MINUTES, isFreshSession } from "./fresh-session";
import { CREDENTIAL_PROVIDER } from "./sign-in-methods";

export const ALREADY_DELETED = "This account has already been deleted.";

export interface DeletedAccount {
  deleted: true;
  reviews: number;
  cards: number;
  memberships: number;
  courses: OwnedCourse[];
}

/** Whether `typed` is the account's e-mail, as a person would type it (case and spaces aside). */
export function confirmsEmail(typed: string, email: string): boolean {
  return typed.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * Deletes an account and everything it owns, in one transaction, after checking the typed
 * confirmation (the account's e-mail) and that the person is who they say:
 * - an account with a password: the current password (better-auth's hash, the one its sign-in
 *   checks); missing or wrong, a BAD_INPUT naming the field;
 * - an account without one (made by an LMS launch, lib/server/lti/provision-user.ts): a session
 *   opened less than ten minutes ago (fresh-session.ts), that is, a launch from the LMS just now;
 *   an older or unknown one is FORBIDDEN (account.sessionNotFresh: open Stride from the LMS again).
 *   A password sent for such an account is not looked at.
 * Then it deletes:
 * - the person's reviews and their amendments (the append-only trigger lets a DELETE through for
 *   the user named by the transaction's `stride.erasing_user`, and nothing else: the migration
 *   20261206103346_account_deletion), key-mismatch reports, variants, cards, issue failures,
 *   request-limit counters and password-reset tokens; then the user, whose sessions, credentials
 *   and course memberships go by cascade, and whose authorship of question versions in courses
 *   that live on is cleared (the course keeps the questions);
 * - the courses only this person is in (deletion-plan.ts), with their banks, questions and
 *   versions, and whatever other people's unanswered variants and cards of them remain;
 * - refused, deleting nothing, while a course the person owns has other people in it or in its
 *   history (CONFLICT, naming each course and what to do).
 * Raced or repeated, one call deletes and the others find the account gone: NOT_FOUND, never a
 * half-deleted account (the user's row is locked, under the learner's lock that rating changes
 * take, before anything is read). A wrong confirmation is a BAD_INPUT naming the field.
 * The job queue's records of the person's optimizer runs are forgotten after the commit.
 */
export async function deleteAccount({
  db,
  userId,
  password,
  confirmation,
  sessionCreatedAt,
  now,
  queue,
}: {
  db: PrismaClient;
  userId: string;
  /** The current password; needed only by an account that has one. */
  password?: string;
  confirmation: string;
  /** When the caller's session was opened (SessionUser.sessionCreatedAt); undefined is never fresh. */
  sessionCreatedAt?: Date;
  now: Date;
  queue?: JobQueue;
}): Promise<DeletedAccount> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, accounts: { where: { providerId: CREDENTIAL_PROVIDER, password: { not: null } }, select: { password: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", ALREADY_DELETED, { reason: "account.alreadyDeleted" });
  if (!confirmsEmail(confirmation, user.email)) {
    throw new AppError("BAD_INPUT", "confirmation: type your account's e-mail address exactly to confirm.", { field: "confirmation", reason: "account.wrongConfirmation" });
  }
  const hash = user.accounts[0]?.password;
  if (hash) {
    if (!password) throw new AppError("BAD_INPUT", "password: enter your current password.", { field: "password", reason: "account.passwordMissing" });
    if (!(await verifyPassword({ hash, password }))) {
      throw new AppError("BAD_INPUT", "password: that is not your current password.", { field: "password", reason: "account.wrongPassword" });
    }
  } else if (!isFreshSession(sessionCreatedAt, now)) {
    throw new AppError(
      "FORBIDDEN",
      `This account has no password, so deleting it needs a session opened in the last ${FRESH_SESSION_MINUTES} minutes. Open Stride again from your LMS, then delete within ${FRESH_SESSION_MINUTES} minutes.`,
      { reason: "account.sessionNotFresh", params: { minutes: FRESH_SESSION_MINUTES } },
    );
  }

  const result = await withLearnerLock(db, userId, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", ALREADY_DELETED, { reason: "account.alreadyDeleted" });
    const plan = await planAccountDeletion(tx, userId, { lockCourses: true });
    if (plan.blocked.length > 0) throw new AppError("CONFLICT", describeHolds(plan.blocked), { reason: "account.deletionBlocked", params: { courses: plan.blocked.length } });

    // Lets this transaction, and only it, delete this user's history rows (see above).
    await tx.$executeRaw`SELECT set_config('stride.erasing_user', ${userId}, true)`;
    await tx.reviewAmendment.deleteMany({ where: { userId } });
    await tx.keyMismatch.deleteMany({ where: { userId } });
    const reviews = await tx.review.deleteMany({ where: { userId } });
    await tx.variant.deleteMany({ where: { userId } });
    const cards = await tx.card.deleteMany({ where: { userId } });
    await tx.issueFailure.deleteMany({ where: { userId } });

    const courseIds = plan.deletedCourses.map((course) => course.courseId);
    if (courseIds.length > 0) {
      const inCourses = { question: { bank: { courseId: { in: courseIds } } } };
      const questions = await tx.question.findMany({ where: { bank: { courseId: { in: courseIds } } }, select: { id: true } });
      const templateIds = questions.map((question) => questionTemplateId(question.id));
      // Nobody else answered them (the plan says so), so what others hold of them is unanswered:
      // variants issued and never answered, cards never reviewed, build failures.
      await tx.variant.deleteMany({ where: { OR: [{ questionVersion: inCourses }, { templateId: { in: templateIds } }] } });
      await tx.card.deleteMany({ where: { templateId: { in: templateIds } } });
      await tx.issueFailure.deleteMany({ where: { OR: [{ questionVersion: inCourses }, { templateId: { in: templateIds } }] } });
      await tx.questionVersion.deleteMany({ where: inCourses });
      // Banks, questions and memberships go with the course (cascade).
      await tx.course.deleteMany({ where: { id: { in: courseIds } } });
    }

    // rate-limiter-flexible's key: its prefix (lib/server/rate-limit/request-limiter.ts), a colon, the id.
    await tx.requestLimit.deleteMany({ where: { key: `user:${userId}` } });
    // better-auth's reset links: identifier "reset-password:<token>", value the user's id.
    await tx.verification.deleteMany({ where: { identifier: { startsWith: "reset-password:" }, value: userId } });
    // Sessions, credentials and memberships by cascade; question versions' author set to null.
    await tx.user.delete({ where: { id: userId } });
    return { deleted: true as const, reviews: reviews.count, cards: cards.count, memberships: plan.counts.memberships, courses: plan.deletedCourses };
  });

  if (queue) {
    // Best effort: the account is gone whatever happens here; a leftover record names a user id
    // that no longer exists, and pg-boss's maintenance deletes archived jobs after a week.
    await queue.forget(OPTIMIZE_PARAMETERS_JOB, userId).catch(() => 0);
  }
  return result;
}
