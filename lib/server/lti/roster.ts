import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { callPlatformService, LTI_SCOPES, LtiServiceError, nextPageOf, type ServiceOptions } from "./access-token";
import { findJobQueue, type JobQueue } from "../jobs/job-queue";
import { contextRoleOf, courseRoleOf } from "./roles";

/**
 * Names and Role Provisioning Services 2.0 (https://www.imsglobal.org/spec/lti-nrps/v2p0): the
 * roster of a linked LMS course, so the gradebook lists learners before their first launch. Each
 * active learner the course does not know yet gets the user a launch would have made (an LtiUser
 * by (platform, user_id), a Stride user with the roster's name and e-mail, no password) and a
 * learner membership. The rule of lib/server/lti/provision-user.ts holds: an e-mail that a Stride
 * account already has stays that account's, and the new user gets a stand-in address. Nobody is
 * removed, and no existing membership changes. No `server-only`: the roster job runs outside Next.js.
 */

export const NRPS_MEDIA = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

/** Pages followed at most (a roster of tens of thousands at a platform's usual 100 to 1000 a page). */
const MAX_PAGES = 200;

const ONE_USER_PER_SUB = "lti_users_platformId_sub_key";

const memberSchema = z.object({
  user_id: z.string().min(1),
  roles: z.array(z.string()).default([]),
  status: z.string().optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
});

type Member = z.infer<typeof memberSchema>;

export interface RosterSyncResult {
  /** Active learners on the roster. */
  learners: number;
  /** Users made for learners who never launched. */
  createdUsers: number;
  /** Learner memberships added (new users, or known LTI users not yet in the course). */
  addedMembers: number;
}

function emailOf(claim: string | undefined): string | undefined {
  const email = claim?.trim().toLowerCase();
  return email && z.email().safeParse(email).success ? email : undefined;
}

function nameOf(member: Member): string {
  const name = member.name?.trim() || [member.given_name, member.family_name].filter(Boolean).join(" ").trim();
  return name.slice(0, 200) || "LMS user";
}

/** A Learner of the context (not also one who teaches it); mentors and guests are left out. */
function isLearner(roles: readonly string[]): boolean {
  return courseRoleOf(roles) === "learner" && roles.some((role) => contextRoleOf(role) === "Learner");
}

/** Every member of the membership container, following Link rel="next". */
async function readRoster(platform: { id: string; clientId: string; accessTokenUrl: string }, membershipsUrl: string, options: ServiceOptions): Promise<Member[]> {
  const members: Member[] = [];
  let next: string | null = membershipsUrl;
  for (let pages = 0; next && pages < MAX_PAGES; pages += 1) {
    const response = await callPlatformService(platform, [LTI_SCOPES.contextMembershipReadOnly], { url: next, accept: NRPS_MEDIA }, options, "roster");
    const body = (await response.json().catch(() => null)) as { members?: unknown } | null;
    if (!body || !Array.isArray(body.members)) throw new LtiServiceError("roster: the platform's answer has no members list", false, response.status);
    for (const raw of body.members) {
      const parsed = memberSchema.safeParse(raw);
      if (parsed.success) members.push(parsed.data);
    }
    next = nextPageOf(response);
  }
  return members;
}

/** The Stride user of a roster member: their LtiUser's, else a new one (as a first launch would make it). */
async function userOf(db: PrismaClient, platformId: string, member: Member, locale: string): Promise<{ userId: string; created: boolean }> {
  const bySub = { platformId_sub: { platformId, sub: member.user_id } };
  const known = await db.ltiUser.findUnique({ where: bySub, select: { userId: true } });
  if (known) return { userId: known.userId, created: false };
  const email = emailOf(member.email);
  const taken = email ? await db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true } }) : null;
  let address = email && !taken ? email : `lti-${randomUUID()}@lti.invalid`;
  for (let tries = 0; ; tries += 1) {
    try {
      const userId = await db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { id: randomUUID(), name: nameOf(member), email: address, emailVerified: false, role: "learner", locale }, select: { id: true } });
        await tx.ltiUser.create({ data: { platformId, sub: member.user_id, userId: user.id } });
        return user.id;
      });
      return { userId, created: true };
    } catch (error) {
      const index = uniqueViolationOf(error);
      if (index === ONE_USER_PER_SUB) {
        // Their first launch (or another roster sync) made them at the same moment.
        const winner = await db.ltiUser.findUnique({ where: bySub, select: { userId: true } });
        if (winner) return { userId: winner.userId, created: false };
      }
      if (index === null || tries >= 2) throw error;
      address = `lti-${randomUUID()}@lti.invalid`;
    }
  }
}

/**
 * Reads the LMS course's roster and adds its active learners to the linked Stride course. A
 * context without a linked course or without an NRPS URL (its launches carry none) changes nothing.
 */
export async function syncRoster({ db, ltiContextId, ...service }: Omit<ServiceOptions, "db"> & { db: PrismaClient; ltiContextId: string }): Promise<RosterSyncResult> {
  const context = await db.ltiContext.findUnique({
    where: { id: ltiContextId },
    select: { membershipsUrl: true, courseId: true, course: { select: { lang: true } }, platform: { select: { id: true, clientId: true, accessTokenUrl: true } } },
  });
  const result: RosterSyncResult = { learners: 0, createdUsers: 0, addedMembers: 0 };
  if (!context?.courseId || !context.membershipsUrl) return result;
  const members = await readRoster(context.platform, context.membershipsUrl, { db, ...service });
  const locale = context.course?.lang === "zh-CN" ? "zh-CN" : "en";
  for (const member of members) {
    if ((member.status ?? "Active") !== "Active" || !isLearner(member.roles)) continue;
    result.learners += 1;
    const { userId, created } = await userOf(db, context.platform.id, member, locale);
    if (created) result.createdUsers += 1;
    // An existing membership (an owner, or the learner's own) stays as it is.
    const added = await db.courseMember.createMany({ data: [{ courseId: context.courseId, userId, role: "learner" }], skipDuplicates: true });
    result.addedMembers += added.count;
  }
  return result;
}

export const LTI_ROSTER_SYNC_JOB = "lti-roster-sync";

/** Enqueues a roster sync of one LMS course (one waits at a time per context); without a queue in this process, nothing. */
export async function enqueueRosterSync({ ltiContextId, queue = findJobQueue() }: { ltiContextId: string; queue?: JobQueue }): Promise<string | null> {
  if (!queue) return null;
  return queue.send(LTI_ROSTER_SYNC_JOB, { ltiContextId }, { singletonKey: ltiContextId });
}

/**
 * The course owner's "sync the roster": every LMS course linked to the Stride course that offers
 * NRPS. Enqueued when a job queue runs in this process (answers `queued`), else run here and now
 * (a development server without the launcher, a test; answers the counts).
 */
export async function requestCourseRosterSync({ db, courseId, queue = findJobQueue(), ...service }: Omit<ServiceOptions, "db"> & { db: PrismaClient; courseId: string; queue?: JobQueue }) {
  const contexts = await db.ltiContext.findMany({ where: { courseId, membershipsUrl: { not: null } }, select: { id: true } });
  const total: RosterSyncResult & { contexts: number; queued: boolean } = { contexts: contexts.length, queued: queue !== undefined, learners: 0, createdUsers: 0, addedMembers: 0 };
  for (const context of contexts) {
    if (queue) {
      await enqueueRosterSync({ ltiContextId: context.id, queue });
      continue;
    }
    const result = await syncRoster({ db, ltiContextId: context.id, ...service });
    total.learners += result.learners;
    total.createdUsers += result.createdUsers;
    total.addedMembers += result.addedMembers;
  }
  return total;
}

/** The gradebook's "sync roster", for one of the course's owners (NOT_FOUND or FORBIDDEN for anyone else). */
export async function syncCourseRoster({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  await requireOwner({ db, courseId, userId });
  const { contexts, queued, createdUsers, addedMembers } = await requestCourseRosterSync({ db, courseId });
  return { contexts, queued, createdUsers, addedMembers };
}
