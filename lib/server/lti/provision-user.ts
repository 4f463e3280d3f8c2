import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { LOCKING_TRANSACTION_OPTIONS } from "../transaction-options";
import { strideLocaleOf, type LaunchClaims } from "./claims";
import type { CourseRole } from "./roles";

/** The (platform, sub) unique index of model LtiUser. */
const ONE_USER_PER_SUB = "lti_users_platformId_sub_key";

const USER_FIELDS = { user: { select: { id: true, locale: true, name: true, role: true } } } as const;

/** The claim's e-mail when it is one (lower case, as better-auth stores them), else undefined. */
function emailOf(claim: string | undefined): string | undefined {
  const email = claim?.trim().toLowerCase();
  return email && z.email().safeParse(email).success ? email : undefined;
}

/**
 * A stand-in address for a person whose platform sent no e-mail, or one that already belongs to a
 * Stride account: `.invalid` is reserved (RFC 2606 §2), so nothing is ever mailed to it and no one
 * can sign up with it.
 */
function standInEmail(): string {
  return `lti-${randomUUID()}@lti.invalid`;
}

export interface ProvisionedUser {
  id: string;
  /** The account's language ("en" or "zh-CN"): the LMS's on the first launch, the person's own choice after. */
  locale: string;
  /** Made by this launch. */
  created: boolean;
}

async function createUser({ db, platformId, claims, email, now }: { db: PrismaClient; platformId: string; claims: LaunchClaims; email: string; now: Date }) {
  const locale = strideLocaleOf(claims.locale);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { id: randomUUID(), name: claims.name ?? "LMS user", email, emailVerified: false, role: "learner", locale },
      select: { id: true, locale: true },
    });
    await tx.ltiUser.create({ data: { platformId, sub: claims.sub, userId: user.id, createdAt: now, updatedAt: now } });
    return user;
  }, LOCKING_TRANSACTION_OPTIONS);
}

/**
 * The Stride user of a launch, found by (platform, sub) (LTI 1.3 Core §5.3.6: `sub` is the
 * platform's stable id of the person) and made on their first launch, with the name, e-mail and
 * language the platform sent. The e-mail is a fact about the person, never a key: one that a
 * Stride account already has stays that account's, and the new user gets a stand-in address, so a
 * launch never signs anyone into an account made by sign-up (which an LMS could otherwise take
 * over by asserting its e-mail). Accounts made here have no password. Two first launches of the
 * same person at once end with one user (the unique (platform, sub) index decides; the loser's
 * transaction leaves nothing). Each launch marks the identity seen (its updatedAt), which the
 * person's data export shows. An instructor's launch makes the account an instructor's (never
 * lowering an admin); a learner's changes no role.
 */
export async function provisionLtiUser({
  db,
  platformId,
  claims,
  courseRole,
  now = new Date(),
}: {
  db: PrismaClient;
  platformId: string;
  claims: LaunchClaims;
  courseRole: CourseRole;
  now?: Date;
}): Promise<ProvisionedUser> {
  const bySub = { platformId_sub: { platformId, sub: claims.sub } };
  let found = await db.ltiUser.findUnique({ where: bySub, select: USER_FIELDS });
  let created = false;
  if (!found) {
    const email = emailOf(claims.email);
    const taken = email ? await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } }) : null;
    let attempt = email && !taken ? email : standInEmail();
    for (let tries = 0; !found; tries += 1) {
      try {
        const user = await createUser({ db, platformId, claims, email: attempt, now });
        found = { user: { ...user, name: claims.name ?? "LMS user", role: "learner" } };
        created = true;
      } catch (error) {
        const index = uniqueViolationOf(error);
        if (index === ONE_USER_PER_SUB) {
          found = await db.ltiUser.findUnique({ where: bySub, select: USER_FIELDS });
          if (found) break;
        }
        // The e-mail was taken between the look-up and the insert (a sign-up at the same moment).
        if (index === null || tries >= 2) throw error;
        attempt = standInEmail();
      }
    }
  }
  const { user } = found!;
  const updates: { name?: string; role?: "instructor" } = {};
  if (!created && claims.name && claims.name !== user.name) updates.name = claims.name;
  if (courseRole === "owner" && user.role === "learner") updates.role = "instructor";
  if (Object.keys(updates).length > 0) await db.user.update({ where: { id: user.id }, data: updates });
  // The identity's updatedAt is its last launch (nothing else of the row changes): "last seen" in the person's export.
  if (!created) await db.ltiUser.update({ where: bySub, data: { updatedAt: now } });
  return { id: user.id, locale: user.locale, created };
}
