import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";

/**
 * One-time tokens that authorise one LTI Dynamic Registration (/lti/register) without an admin
 * signed in: an admin (the admin page) or the CLI (`stride lti token create`) makes one and pastes
 * the URL it gives into the LMS. Only the token's SHA-256 is stored (table
 * lti_registration_tokens); the registration that uses it sets usedAt, and it is refused after
 * expiresAt. No `server-only` here: the CLI runs these in plain Node.
 */

/** How long a token is good for when nobody says (hours). */
export const DEFAULT_TOKEN_HOURS = 24;
/** The longest a token may live: a forgotten link should not open registration for ever. */
export const MAX_TOKEN_HOURS = 24 * 30;

const TOKEN_PREFIX = "stride-reg-";

/** Hex SHA-256 of a token: what the table keeps. */
export function hashRegistrationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The URL an LMS admin pastes as the tool's registration URL: /lti/register carrying the token. */
export function registrationUrlWithToken(baseUrl: string, token: string): string {
  const url = new URL("/lti/register", baseUrl);
  url.searchParams.set("stride_token", token);
  return url.toString();
}

/** A new token valid for `hours` (1 to MAX_TOKEN_HOURS); the token itself is shown once and never stored. */
export async function createRegistrationToken({
  db,
  hours = DEFAULT_TOKEN_HOURS,
  createdById = null,
  now = new Date(),
}: {
  db: PrismaClient;
  hours?: number;
  createdById?: string | null;
  now?: Date;
}): Promise<{ token: string; id: string; expiresAt: Date }> {
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_TOKEN_HOURS) {
    throw new RangeError(`hours must be a number above 0 and at most ${MAX_TOKEN_HOURS}`);
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const row = await db.ltiRegistrationToken.create({ data: { tokenHash: hashRegistrationToken(token), createdById, expiresAt, createdAt: now }, select: { id: true } });
  return { token, id: row.id, expiresAt };
}

/** Whether `token` is one Stride issued, unused and unexpired at `now` (nothing is changed). */
export async function registrationTokenUsable({ db, token, now = new Date() }: { db: PrismaClient; token: string; now?: Date }): Promise<boolean> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return false;
  const row = await db.ltiRegistrationToken.findUnique({ where: { tokenHash: hashRegistrationToken(token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && row.usedAt === null && row.expiresAt > now);
}

/**
 * Takes the token for one registration: marks it used if it is usable, in one conditional update,
 * so two registrations racing with the same token end with one. The row id, or null when the
 * token is unknown, used or expired.
 */
export async function claimRegistrationToken({ db, token, now = new Date() }: { db: PrismaClient; token: string; now?: Date }): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const tokenHash = hashRegistrationToken(token);
  const claimed = await db.ltiRegistrationToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return null;
  const row = await db.ltiRegistrationToken.findUnique({ where: { tokenHash }, select: { id: true } });
  return row?.id ?? null;
}

/** Gives a claimed token back when its registration failed (the platform refused, say), so the admin can try again. */
export async function releaseRegistrationToken({ db, id }: { db: PrismaClient; id: string }): Promise<void> {
  await db.ltiRegistrationToken.updateMany({ where: { id }, data: { usedAt: null } });
}

/** Tokens still usable at `now`, newest first (the admin page lists when each expires; never the token). */
export async function listOpenRegistrationTokens({ db, now = new Date() }: { db: PrismaClient; now?: Date }) {
  return db.ltiRegistrationToken.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
