import "server-only";
import type { PrismaClient } from "@/lib/db";
import { getLogger } from "../observability/logger";
import type { LaunchClaims } from "./claims";
import { checkContext, linkContext } from "./link-context";
import { launchTargetOf, recordResourceLink } from "./resource-link";
import { provisionLtiUser } from "./provision-user";
import { enqueueRosterSync } from "./roster";
import { courseRoleOf, type CourseRole } from "./roles";

export interface ProvisionedLaunch {
  userId: string;
  /** The account's language, for the pages that follow. */
  locale: string;
  createdUser: boolean;
  courseId: string;
  createdCourse: boolean;
  courseRole: CourseRole;
  /** The LtiResourceLink row (resource link launches). */
  resourceLinkId: string | null;
  /** The path on Stride the launch lands on. */
  target: string;
}

/**
 * What a verified launch makes or finds in Stride (verify-launch.ts ran first): the person by
 * (platform, sub), the course linked to the LMS course, the person's membership in it with the
 * role the LMS gives (an owner is never lowered to learner by a launch: removing an owner is done
 * in Stride, where the last owner is kept), and the placement. What can refuse the launch is
 * checked before anything is written, so a refused launch leaves no user behind.
 */
export async function provisionLaunch({ db, platformId, claims, now = new Date() }: { db: PrismaClient; platformId: string; claims: LaunchClaims; now?: Date }): Promise<ProvisionedLaunch> {
  const courseRole = courseRoleOf(claims.roles);
  await checkContext({ db, platformId, claims, courseRole });

  const user = await provisionLtiUser({ db, platformId, claims, courseRole, now });
  const context = await linkContext({ db, platformId, claims, userId: user.id, locale: user.locale });
  const member = await db.courseMember.upsert({
    where: { courseId_userId: { courseId: context.courseId, userId: user.id } },
    create: { courseId: context.courseId, userId: user.id, role: courseRole },
    update: courseRole === "owner" ? { role: "owner" } : {},
    select: { role: true },
  });
  const memberRole: CourseRole = member.role === "owner" ? "owner" : "learner";

  let link: { id: string; kind: string; targetId: string | null } | null = null;
  if (claims.messageType === "LtiResourceLinkRequest") {
    link = await recordResourceLink({ db, platformId, ltiContextId: context.id, resourceLink: claims.resourceLink, claims });
  }
  const target = await launchTargetOf({ db, courseId: context.courseId, courseRole: memberRole, link });
  // An instructor's launch refreshes the roster (NRPS) in the background, so the gradebook lists
  // learners who have not launched yet; the launch never waits for it or fails because of it.
  if (memberRole === "owner" && claims.nrps?.context_memberships_url) {
    await enqueueRosterSync({ ltiContextId: context.id }).catch((error: unknown) => getLogger().error({ event: "lti.roster.enqueueFailed", ltiContextId: context.id, err: error }, "roster sync could not be enqueued"));
  }
  return {
    userId: user.id,
    locale: user.locale,
    createdUser: user.created,
    courseId: context.courseId,
    createdCourse: context.createdCourse,
    courseRole: memberRole,
    resourceLinkId: link?.id ?? null,
    target,
  };
}
