import "server-only";
import type { PrismaClient } from "@/lib/db";
import { createCourse } from "../courses/create-course";
import type { LaunchClaims } from "./claims";
import { LaunchRefusal } from "./launch-refusal";
import { offerLinkChoice } from "./link-choice";
import type { CourseRole } from "./roles";

export interface LinkedContext {
  /** The LtiContext row. */
  id: string;
  courseId: string;
  /** The Stride course was made by this launch. */
  createdCourse: boolean;
  /** Its instructor may link one of their courses instead (link-choice.ts), which the landing step offers. */
  choiceOffered: boolean;
}

/** What a context is made with: the deployment, the title and the service URLs of its first launch. */
function contextFields(claims: LaunchClaims) {
  return {
    deploymentId: claims.deploymentId,
    title: claims.context?.title ?? claims.context?.label ?? null,
    membershipsUrl: claims.nrps?.context_memberships_url ?? null,
    lineItemsUrl: claims.ags?.lineitems ?? null,
    agsScopes: claims.ags?.scope ?? [],
  };
}

/**
 * What a later launch refreshes. Not every placement carries the AGS or NRPS claim (an ungraded
 * link often has none), so a launch without one keeps the service URLs the context already has:
 * otherwise one such launch would switch off roster sync and line-item creation until the next.
 */
function contextUpdates(claims: LaunchClaims) {
  const { membershipsUrl, lineItemsUrl, agsScopes, ...always } = contextFields(claims);
  return {
    ...always,
    ...(membershipsUrl ? { membershipsUrl } : {}),
    ...(lineItemsUrl ? { lineItemsUrl, agsScopes } : {}),
  };
}

/**
 * Whether a launch can be served at all: it names an LMS course (the context claim: Stride keeps
 * everything per course), and a learner's launch needs that course already linked to a Stride
 * course. Read-only, so a launch refused here leaves no user, course or row behind.
 */
export async function checkContext({ db, platformId, claims, courseRole }: { db: PrismaClient; platformId: string; claims: LaunchClaims; courseRole: CourseRole }) {
  if (!claims.context) throw new LaunchRefusal("lti.launch.missingClaim", "context", { claim: "https://purl.imsglobal.org/spec/lti/claim/context" });
  const existing = await db.ltiContext.findUnique({
    where: { platformId_contextId: { platformId, contextId: claims.context.id } },
    select: { course: { select: { archivedAt: true } } },
  });
  if (existing?.course?.archivedAt) throw new LaunchRefusal("lti.launch.archivedCourse", claims.context.id);
  if (courseRole === "learner" && !existing?.course) throw new LaunchRefusal("lti.launch.noCourseYet", claims.context.id);
}

/**
 * The Stride course of the launch's LMS course (its context), linked on the first instructor
 * launch: a new course titled as the LMS's, with that instructor as owner, in their language.
 * Two first instructor launches at once end with one linked course: the link is claimed by a
 * conditional update (courseId still null), and the loser's new course is deleted.
 * `checkContext` ran first, so a learner always finds the course linked. When the instructor
 * already owns Stride courses that could be linked instead, the launch's landing step offers that
 * choice (link-choice.ts), a resource link launch before its target and a deep-linking request
 * before its picker.
 */
export async function linkContext({
  db,
  platformId,
  claims,
  userId,
  locale,
}: {
  db: PrismaClient;
  platformId: string;
  claims: LaunchClaims;
  userId: string;
  /** The language of a course made here. */
  locale: string;
}): Promise<LinkedContext> {
  const context = claims.context!;
  const fields = contextFields(claims);
  const row = await db.ltiContext.upsert({
    where: { platformId_contextId: { platformId, contextId: context.id } },
    create: { platformId, contextId: context.id, ...fields },
    update: contextUpdates(claims),
    select: { id: true, courseId: true },
  });
  if (row.courseId) return { id: row.id, courseId: row.courseId, createdCourse: false, choiceOffered: false };

  const title = (context.title ?? context.label ?? "").trim().slice(0, 200) || (locale === "zh-CN" ? "LMS 课程" : "LMS course");
  const course = await createCourse({ db, userId, title, lang: locale, desiredRetention: 0.9 });
  const claimed = await db.ltiContext.updateMany({ where: { id: row.id, courseId: null }, data: { courseId: course.id } });
  if (claimed.count === 1) {
    const choiceOffered = await offerLinkChoice({ db, userId, ltiContextId: row.id, newCourseId: course.id, title });
    return { id: row.id, courseId: course.id, createdCourse: true, choiceOffered };
  }
  await db.course.delete({ where: { id: course.id } });
  const winner = await db.ltiContext.findUniqueOrThrow({ where: { id: row.id }, select: { courseId: true } });
  return { id: row.id, courseId: winner.courseId!, createdCourse: false, choiceOffered: false };
}
