import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db";

/**
 * A deep-linking request waiting for the instructor's pick (Deep Linking 2.0 §4.4): the launch's
 * deep_linking_settings, its platform and deployment, and who may answer it, kept server-side
 * under a random id that the picker's address and form carry. The browser never sends the
 * settings back: the return URL and the `data` to echo are read from here, so a page cannot make
 * Stride sign a response for another URL. Kept in better-auth's verifications table like the
 * launch tickets (launch-ticket.ts): only the SHA-256 of the id is stored, it lives 30 minutes,
 * and answering it (a placement or a cancel) deletes it, so it is answered once.
 */
export const DEEP_LINK_SECONDS = 30 * 60;
const PREFIX = "lti-deep-link:";

const settingsValue = z.object({
  deep_link_return_url: z.string(),
  accept_types: z.array(z.string()),
  accept_presentation_document_targets: z.array(z.string()),
  accept_multiple: z.boolean().optional(),
  accept_lineitem: z.boolean().optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  data: z.string().optional(),
});

const deepLinkValue = z.object({
  userId: z.string(),
  platformId: z.string(),
  deploymentId: z.string(),
  courseId: z.string(),
  locale: z.string(),
  settings: settingsValue,
});

export type DeepLinkSettings = z.infer<typeof settingsValue>;
export type PendingDeepLink = z.infer<typeof deepLinkValue>;

function identifierOf(id: string): string {
  return `${PREFIX}${createHash("sha256").update(id).digest("hex")}`;
}

/** Keeps a deep-linking request for its picker; the id to put in the picker's address. */
export async function startDeepLink({ db, deepLink, now }: { db: PrismaClient; deepLink: PendingDeepLink; now: Date }): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const value = deepLinkValue.parse(deepLink);
  // Requests nobody answered (the instructor closed the LMS's dialog) go with the next one.
  await db.verification.deleteMany({ where: { identifier: { startsWith: PREFIX }, expiresAt: { lt: now } } });
  await db.verification.create({
    data: { id: randomUUID(), identifier: identifierOf(id), value: JSON.stringify(value), expiresAt: new Date(now.getTime() + DEEP_LINK_SECONDS * 1000), createdAt: now, updatedAt: now },
  });
  return id;
}

export type DeepLinkLookup = { status: "pending"; rowId: string; deepLink: PendingDeepLink } | { status: "expired" } | { status: "unknown" };

/** The request an id names, without answering it: pending, expired, or unknown (never made, answered, or tampered with). */
export async function findDeepLink({ db, id, now }: { db: PrismaClient; id: string; now: Date }): Promise<DeepLinkLookup> {
  if (!id || id.length > 100) return { status: "unknown" };
  const row = await db.verification.findFirst({ where: { identifier: identifierOf(id) }, select: { id: true, value: true, expiresAt: true } });
  if (!row) return { status: "unknown" };
  if (row.expiresAt <= now) return { status: "expired" };
  const parsed = deepLinkValue.safeParse(JSON.parse(row.value));
  return parsed.success ? { status: "pending", rowId: row.id, deepLink: parsed.data } : { status: "unknown" };
}

/** Answers the request: true for the one caller that deletes its row (of two racing submits, one). */
export async function claimDeepLink({ db, rowId }: { db: PrismaClient; rowId: string }): Promise<boolean> {
  const deleted = await db.verification.deleteMany({ where: { id: rowId } });
  return deleted.count === 1;
}

/**
 * Re-points `userId`'s pending requests from `fromCourseId` to `toCourseId`. A deep-linking first
 * launch makes a course and keeps its request for that course; when its instructor then links one
 * of their own courses instead (link-choice.ts deletes the made one), the picker they go on to
 * offers the linked course's activities. Returns how many requests moved.
 */
export async function moveDeepLinks({
  db,
  userId,
  fromCourseId,
  toCourseId,
  now,
}: {
  db: PrismaClient | Prisma.TransactionClient;
  userId: string;
  fromCourseId: string;
  toCourseId: string;
  now: Date;
}): Promise<number> {
  // The value is JSON of deepLinkValue: the user's id narrows the rows, parsing decides.
  const rows = await db.verification.findMany({
    where: { identifier: { startsWith: PREFIX }, expiresAt: { gt: now }, value: { contains: JSON.stringify(userId) } },
    select: { id: true, value: true },
  });
  let moved = 0;
  for (const row of rows) {
    const parsed = deepLinkValue.safeParse(JSON.parse(row.value));
    if (!parsed.success || parsed.data.userId !== userId || parsed.data.courseId !== fromCourseId) continue;
    await db.verification.update({ where: { id: row.id }, data: { value: JSON.stringify({ ...parsed.data, courseId: toCourseId }), updatedAt: now } });
    moved += 1;
  }
  return moved;
}
