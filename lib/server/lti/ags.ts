import type { PrismaClient } from "@/lib/db";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { callPlatformService, LTI_SCOPES, LtiServiceError, nextPageOf, type ServiceOptions, type ServicePlatform } from "./access-token";

/**
 * Assignment and Grade Services 2.0 (https://www.imsglobal.org/spec/lti-ags/v2p0): the line item
 * (LMS gradebook column) of a linked assessment in one LMS course, and posting a learner's score
 * to it. No `server-only`: the passback job runs outside Next.js.
 */

export const AGS_MEDIA = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
} as const;

/** AGS 2.0 §3.4: a score as Stride posts it. */
export interface AgsScore {
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  activityProgress: "InProgress" | "Submitted" | "Completed";
  gradingProgress: "FullyGraded" | "Pending";
  /** ISO 8601 with milliseconds and Z: when the score last changed. */
  timestamp: string;
  comment?: string;
}

export interface LineItemContext {
  id: string;
  lineItemsUrl: string | null;
  platform: ServicePlatform;
}

export interface LineItemAssessment {
  id: string;
  title: string;
  points: number;
}

/** The lineitem scores URL: the line item's path with /scores, its query kept (AGS 2.0 §3.4: Moodle's carry ?type_id=…). */
export function scoresUrlOf(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/scores`;
  return url.toString();
}

/** The container URL with a query parameter added (the container's own query kept). */
function withQuery(containerUrl: string, name: string, value: string): string {
  const url = new URL(containerUrl);
  url.searchParams.set(name, value);
  return url.toString();
}

/** A line item of the context whose resourceId is the assessment's, following Link rel="next". */
async function findLineItem(context: LineItemContext & { lineItemsUrl: string }, assessmentId: string, options: ServiceOptions): Promise<string | null> {
  let next: string | null = withQuery(context.lineItemsUrl, "resource_id", assessmentId);
  for (let pages = 0; next && pages < 50; pages += 1) {
    const response = await callPlatformService(context.platform, [LTI_SCOPES.lineItem], { url: next, accept: AGS_MEDIA.lineItemContainer }, options, "line items");
    const items = (await response.json().catch(() => null)) as unknown;
    if (!Array.isArray(items)) throw new LtiServiceError("line items: the platform's answer is not a list", false, response.status);
    const found = items.find((item: { id?: unknown; resourceId?: unknown }) => item?.resourceId === assessmentId && typeof item.id === "string") as { id: string } | undefined;
    if (found) return found.id;
    next = nextPageOf(response);
  }
  return null;
}

async function createLineItem(context: LineItemContext & { lineItemsUrl: string }, assessment: LineItemAssessment, options: ServiceOptions): Promise<string> {
  const body = { scoreMaximum: assessment.points, label: assessment.title.slice(0, 255) || "Stride assessment", resourceId: assessment.id, tag: "stride" };
  const response = await callPlatformService(
    context.platform,
    [LTI_SCOPES.lineItem],
    { url: context.lineItemsUrl, method: "POST", accept: AGS_MEDIA.lineItem, contentType: AGS_MEDIA.lineItem, body },
    options,
    "create line item",
  );
  const created = (await response.json().catch(() => null)) as { id?: unknown } | null;
  if (!created || typeof created.id !== "string") throw new LtiServiceError("create line item: the platform's answer has no id", false, response.status);
  return created.id;
}

/**
 * The line item an assessment's scores go to in this LMS course: the placement's own (deep
 * linking made it, or the launch's AGS claim named it), else the one Stride recorded, else one
 * of the course's line items whose resourceId is the assessment's, else a new one (scoreMaximum
 * the assessment's points, label its title, resourceId its id). Two syncs making one at once end
 * with one column: the loser deletes its own.
 */
export async function lineItemOf({ db, context, assessment, options }: { db: PrismaClient; context: LineItemContext; assessment: LineItemAssessment; options: ServiceOptions }): Promise<string> {
  const placed = await db.ltiResourceLink.findFirst({
    where: { ltiContextId: context.id, kind: "assessment", targetId: assessment.id, lineItemUrl: { not: null } },
    orderBy: { updatedAt: "desc" },
    select: { lineItemUrl: true },
  });
  if (placed?.lineItemUrl) return placed.lineItemUrl;
  const recorded = await db.ltiLineItem.findUnique({ where: { ltiContextId_assessmentId: { ltiContextId: context.id, assessmentId: assessment.id } }, select: { url: true } });
  if (recorded) return recorded.url;
  if (!context.lineItemsUrl) throw new LtiServiceError("The LMS course offers no line items service (its launches carry no AGS lineitems URL)", false);
  const withContainer = { ...context, lineItemsUrl: context.lineItemsUrl };
  const found = await findLineItem(withContainer, assessment.id, options);
  const url = found ?? (await createLineItem(withContainer, assessment, options));
  try {
    await db.ltiLineItem.create({ data: { ltiContextId: context.id, assessmentId: assessment.id, url } });
    return url;
  } catch (error) {
    if (uniqueViolationOf(error) === null) throw error;
    const winner = await db.ltiLineItem.findUniqueOrThrow({ where: { ltiContextId_assessmentId: { ltiContextId: context.id, assessmentId: assessment.id } }, select: { url: true } });
    if (!found && winner.url !== url) {
      await callPlatformService(context.platform, [LTI_SCOPES.lineItem], { url, method: "DELETE" }, options, "delete duplicate line item").catch(() => undefined);
    }
    return winner.url;
  }
}

/** Posts one score to a line item (AGS 2.0 §3.4). Sending the same score again changes nothing at the platform. */
export async function postScore({ platform, lineItemUrl, score, options }: { platform: ServicePlatform; lineItemUrl: string; score: AgsScore; options: ServiceOptions }): Promise<void> {
  const response = await callPlatformService(platform, [LTI_SCOPES.score], { url: scoresUrlOf(lineItemUrl), method: "POST", contentType: AGS_MEDIA.score, body: score }, options, "score");
  await response.body?.cancel();
}
