import "server-only";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { moveDeepLinks } from "./deep-link-session";
import { LaunchRefusal } from "./launch-refusal";

/**
 * "Linked to an existing one by its owner" (issue 15): the first instructor launch from an LMS
 * course makes a Stride course for it at once (link-context.ts), so that the launch, its
 * placement and the learners who follow never wait; when that instructor already owns Stride
 * courses that could take its place (owned, not archived, linked to no LMS course), the launch's
 * landing step (continue-request.ts) first shows a choice (/lti/launch/link): keep the new course,
 * or link one of theirs instead. Linking one moves the LMS course's link to it, moves anyone who
 * joined the new course meanwhile, and deletes the new course (made by the launch minutes before,
 * with nothing of its own). A deep-linking first launch ("add activity" before any launch) offers
 * the same choice before its picker: the pending request (deep-link-session.ts) moves to the
 * linked course, so the picker offers that course's activities. The choice is kept in better-auth's verifications table like the launch
 * ticket: an hour, for that user only, with a CSRF token its form carries.
 */
export const LINK_CHOICE_SECONDS = 60 * 60;
const PREFIX = "lti-link-choice:";

const choiceValue = z.object({ ltiContextId: z.string(), newCourseId: z.string(), csrf: z.string(), title: z.string() });
export type LinkChoice = z.infer<typeof choiceValue> & { token: string };

function identifierOf(userId: string, token: string): string {
  return `${PREFIX}${userId}:${token}`;
}

/** The courses `userId` could link to an LMS course instead of `exceptCourseId`: owned, not archived, linked to no LMS course. */
export async function linkableCourses({ db, userId, exceptCourseId }: { db: PrismaClient; userId: string; exceptCourseId: string }) {
  return db.course.findMany({
    where: { id: { not: exceptCourseId }, archivedAt: null, ltiContexts: { none: {} }, members: { some: { userId, role: "owner" } } },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
    take: 100,
  });
}

/**
 * Called when a launch has just made `newCourseId` for an LMS course: records the choice when its
 * instructor owns a course that could be linked instead. Returns whether it did.
 */
export async function offerLinkChoice({
  db,
  userId,
  ltiContextId,
  newCourseId,
  title,
  now = new Date(),
}: {
  db: PrismaClient;
  userId: string;
  ltiContextId: string;
  newCourseId: string;
  title: string;
  now?: Date;
}): Promise<boolean> {
  const courses = await linkableCourses({ db, userId, exceptCourseId: newCourseId });
  if (courses.length === 0) return false;
  const token = randomBytes(24).toString("base64url");
  const value = { ltiContextId, newCourseId, csrf: randomBytes(24).toString("base64url"), title };
  await db.verification.deleteMany({ where: { identifier: { startsWith: PREFIX }, expiresAt: { lt: now } } });
  await db.verification.create({
    data: { id: randomUUID(), identifier: identifierOf(userId, token), value: JSON.stringify(value), expiresAt: new Date(now.getTime() + LINK_CHOICE_SECONDS * 1000), createdAt: now, updatedAt: now },
  });
  return true;
}

async function rowOf(db: PrismaClient, where: object) {
  const row = await db.verification.findFirst({ where, orderBy: { createdAt: "desc" }, select: { id: true, identifier: true, value: true } });
  if (!row) return null;
  const parsed = choiceValue.safeParse(JSON.parse(row.value));
  if (!parsed.success) return null;
  return { id: row.id, choice: { ...parsed.data, token: row.identifier.slice(row.identifier.lastIndexOf(":") + 1) } };
}

/** The user's open choice of this token, or null. */
export async function findLinkChoice({ db, userId, token, now = new Date() }: { db: PrismaClient; userId: string; token: string; now?: Date }): Promise<LinkChoice | null> {
  if (!token || token.length > 100) return null;
  return (await rowOf(db, { identifier: identifierOf(userId, token), expiresAt: { gt: now } }))?.choice ?? null;
}

/**
 * Where a launch's landing step sends `userId` instead of `target`: their latest open choice's
 * page (with `target` to go on to afterwards), or `target` itself.
 */
export async function landingOf({ db, userId, target, now = new Date() }: { db: PrismaClient; userId: string; target: string; now?: Date }): Promise<string> {
  const open = await rowOf(db, { identifier: { startsWith: `${PREFIX}${userId}:` }, expiresAt: { gt: now } });
  if (!open) return target;
  const page = new URLSearchParams({ choice: open.choice.token, next: target });
  return `/lti/launch/link?${page.toString()}`;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Makes the choice: `courseId` "new" keeps the course the launch made; another id links that
 * course instead (checked again here: owned by the user, not archived, linked to no LMS course).
 * Used once. Returns the course the LMS course is now linked to.
 */
export async function chooseLinkedCourse({
  db,
  userId,
  token,
  csrf,
  courseId,
  now = new Date(),
}: {
  db: PrismaClient;
  userId: string;
  token: string;
  csrf: string;
  courseId: string;
  now?: Date;
}): Promise<{ courseId: string; newCourseId: string; linkedExisting: boolean }> {
  const found = token && token.length <= 100 ? await rowOf(db, { identifier: identifierOf(userId, token), expiresAt: { gt: now } }) : null;
  if (!found) throw new LaunchRefusal("lti.launch.linkChoiceExpired");
  if (!same(csrf, found.choice.csrf)) throw new LaunchRefusal("lti.launch.crossSiteChoice", "the form's token is not the choice's");
  const { ltiContextId, newCourseId } = found.choice;
  if (courseId === "new" || courseId === newCourseId) {
    await db.verification.deleteMany({ where: { id: found.id } });
    return { courseId: newCourseId, newCourseId, linkedExisting: false };
  }
  const allowed = (await linkableCourses({ db, userId, exceptCourseId: newCourseId })).some((course) => course.id === courseId);
  if (!allowed) throw new LaunchRefusal("lti.launch.notYourCourse", `course ${courseId.slice(0, 100)}`);

  await db.$transaction(async (tx) => {
    // The choice is used once: deleting its row is the claim.
    const claimed = await tx.verification.deleteMany({ where: { id: found.id } });
    if (claimed.count !== 1) throw new LaunchRefusal("lti.launch.linkChoiceExpired", "used by another request");
    // Still linked to the course the launch made (nobody relinked it meanwhile).
    const moved = await tx.ltiContext.updateMany({ where: { id: ltiContextId, courseId: newCourseId }, data: { courseId } });
    if (moved.count !== 1) throw new LaunchRefusal("lti.launch.linkChoiceExpired", "the LMS course is linked elsewhere now");
    // Whoever launched into the new course meanwhile (learners of the LMS course) joins the chosen one.
    const members = await tx.courseMember.findMany({ where: { courseId: newCourseId }, select: { userId: true, role: true } });
    for (const member of members) {
      await tx.courseMember.upsert({
        where: { courseId_userId: { courseId, userId: member.userId } },
        create: { courseId, userId: member.userId, role: member.role },
        update: member.role === "owner" ? { role: "owner" } : {},
      });
    }
    // A deep-linking first launch waits at its picker for the course it made: it places the chosen one's activities.
    await moveDeepLinks({ db: tx, userId, fromCourseId: newCourseId, toCourseId: courseId, now });
    await tx.course.delete({ where: { id: newCourseId } });
  });
  return { courseId, newCourseId, linkedExisting: true };
}
