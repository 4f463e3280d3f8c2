import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { LaunchClaims, ResourceLinkClaim } from "./claims";
import { LaunchRefusal } from "./launch-refusal";
import type { CourseRole } from "./roles";

/**
 * What a placement opens. "course" is a link nobody placed anything on (added by hand in the LMS
 * rather than through deep linking): it opens the course.
 */
export type ResourceLinkKind = "assessment" | "practice" | "review" | "course";
const KINDS: readonly ResourceLinkKind[] = ["assessment", "practice", "review", "course"];

/**
 * The custom parameters a placement carries (Deep Linking 2.0 §3.4.1: the `custom` of an
 * ltiResourceLink content item comes back in every launch of it): `stride_kind` and, for an
 * assessment or a bank's practice, `stride_target_id`. The platform signs them, so a learner
 * cannot change them; the target is still checked to be of the launch's course.
 */
export const CUSTOM_KIND = "stride_kind";
export const CUSTOM_TARGET = "stride_target_id";

function placementOf(custom: Record<string, string>): { kind: ResourceLinkKind; targetId: string | null } | null {
  const kind = custom[CUSTOM_KIND];
  if (!KINDS.includes(kind as ResourceLinkKind)) return null;
  return { kind: kind as ResourceLinkKind, targetId: custom[CUSTOM_TARGET]?.trim() || null };
}

/**
 * Records the placement (platform, resource link id): made on its first launch, its context and
 * line item refreshed after. What it opens comes from the launch's custom parameters when they
 * name it; a placement recorded earlier (by deep linking) keeps its own otherwise.
 */
export async function recordResourceLink({
  db,
  platformId,
  ltiContextId,
  resourceLink,
  claims,
}: {
  db: PrismaClient;
  platformId: string;
  ltiContextId: string;
  resourceLink: ResourceLinkClaim;
  claims: LaunchClaims;
}) {
  const placement = placementOf(claims.custom);
  const lineItemUrl = claims.ags?.lineitem;
  return db.ltiResourceLink.upsert({
    where: { platformId_resourceLinkId: { platformId, resourceLinkId: resourceLink.id } },
    create: { platformId, resourceLinkId: resourceLink.id, ltiContextId, kind: placement?.kind ?? "course", targetId: placement?.targetId ?? null, lineItemUrl: lineItemUrl ?? null },
    update: { ltiContextId, ...(placement ? { kind: placement.kind, targetId: placement.targetId } : {}), ...(lineItemUrl ? { lineItemUrl } : {}) },
    select: { id: true, kind: true, targetId: true },
  });
}

/**
 * Where a launch lands: the placement's assessment (its editor for the course's owners, the
 * attempt page for learners), the practice of the placed bank (`/practice?course=C&bank=B`, which
 * the learner may widen to the course), the learner's review queue, or the course (its teaching
 * page for owners). An assessment that no longer exists lands on the course, a bank deleted or
 * with no published question left on the course's practice; a target of another course refuses
 * the launch (lti.launch.targetNotInCourse): custom parameters copied from another course's
 * placement must not open that course's assessment or bank.
 */
export async function launchTargetOf({
  db,
  courseId,
  courseRole,
  link,
}: {
  db: PrismaClient;
  courseId: string;
  courseRole: CourseRole;
  link: { kind: string; targetId: string | null } | null;
}): Promise<string> {
  const coursePath = courseRole === "owner" ? `/teach/${courseId}` : `/courses/${courseId}`;
  if (link?.kind === "assessment" && link.targetId) {
    const assessment = await db.assessment.findFirst({ where: { id: link.targetId }, select: { id: true, courseId: true, archivedAt: true } });
    if (assessment && assessment.courseId !== courseId) throw new LaunchRefusal("lti.launch.targetNotInCourse", `assessment ${link.targetId}`);
    if (!assessment || assessment.archivedAt) return coursePath;
    return courseRole === "owner" ? `/teach/${courseId}/assessments/${assessment.id}/edit` : `/courses/${courseId}/assessments/${assessment.id}`;
  }
  if (link?.kind === "practice") {
    const coursePractice = `/practice?course=${encodeURIComponent(courseId)}`;
    if (!link.targetId) return coursePractice;
    const bank = await db.bank.findFirst({
      where: { id: link.targetId },
      // A bank is "archived" when all its questions are (banks themselves are deleted, not archived).
      select: { courseId: true, _count: { select: { questions: { where: { archivedAt: null, publishedVersion: { not: null } } } } } },
    });
    if (bank && bank.courseId !== courseId) throw new LaunchRefusal("lti.launch.targetNotInCourse", `bank ${link.targetId}`);
    if (!bank || bank._count.questions === 0) return coursePractice;
    return `${coursePractice}&bank=${encodeURIComponent(link.targetId)}`;
  }
  if (link?.kind === "review") return "/review";
  return coursePath;
}
