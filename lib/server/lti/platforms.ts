import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { uniqueViolationOf } from "../reviews/unique-violation";
import { deploymentIdSchema, insecureLoopbackAllowed, MAX_DEPLOYMENTS, parsePlatformInput, type PlatformInput } from "./platform-input";

/**
 * The registry of LMS platforms Stride accepts launches from (table lti_platforms): add, list,
 * find, remove. Used by the CLI (`stride lti platform …`), the admin page, Dynamic Registration
 * and the launch. No `server-only` here: the CLI runs these in plain Node.
 */

/** A registered platform as the rest of Stride reads it. */
export interface LtiPlatformRecord {
  id: string;
  issuer: string;
  clientId: string;
  name: string;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  createdAt: Date;
}

const PLATFORM_FIELDS = {
  id: true,
  issuer: true,
  clientId: true,
  name: true,
  authLoginUrl: true,
  accessTokenUrl: true,
  jwksUrl: true,
  deploymentIds: true,
  createdAt: true,
} as const;

/** The (issuer, client id) unique index of model LtiPlatform. */
const ONE_PLATFORM_PER_CLIENT = "lti_platforms_issuer_clientId_key";

/**
 * Registers a platform. Every field is checked first (platform-input.ts); a refusal is BAD_INPUT
 * whose message names each field at fault (`field` is the first). The same (issuer, client id)
 * twice is CONFLICT, also when two registrations race (the unique index decides).
 */
export async function addPlatform({
  db,
  input,
  allowInsecureLoopback = insecureLoopbackAllowed(),
}: {
  db: PrismaClient;
  input: PlatformInput;
  /** Plain-http loopback URLs (STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1 by default). */
  allowInsecureLoopback?: boolean;
}): Promise<LtiPlatformRecord> {
  const parsed = parsePlatformInput(input, { allowInsecureLoopback });
  if (!parsed.ok) {
    const message = parsed.problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ");
    throw new AppError("BAD_INPUT", message, { field: parsed.problems[0]?.field });
  }
  const { fields } = parsed;
  try {
    return await db.ltiPlatform.create({ data: fields, select: PLATFORM_FIELDS });
  } catch (error) {
    if (uniqueViolationOf(error) !== ONE_PLATFORM_PER_CLIENT) throw error;
    throw new AppError("CONFLICT", `A platform with issuer ${fields.issuer} and client id ${fields.clientId} is already registered`, {
      field: "clientId",
      reason: "lti.platformExists",
      params: { issuer: fields.issuer, clientId: fields.clientId },
    });
  }
}

/**
 * Whether an (issuer, client id) pair could name a registration at all: every registered one
 * passed platform-input.ts (no NUL, at most 2048 and 255 characters). A pair that could not is
 * answered as "no such platform" without asking PostgreSQL, which refuses a NUL in text (22021).
 */
function couldBeRegistered(issuer: string, clientId: string): boolean {
  return !issuer.includes("\u0000") && !clientId.includes("\u0000") && issuer.length <= 2048 && clientId.length <= 255;
}

/** NOT_FOUND for an (issuer, client id) that names no registration. */
function notRegistered(issuer: string, clientId: string): AppError {
  return new AppError("NOT_FOUND", `No platform with issuer ${issuer} and client id ${clientId} is registered`, { field: "issuer", reason: "lti.platformNotFound", params: { issuer, clientId } });
}

/** Why a deployment id was refused: empty, longer than LTI allows, not printable ASCII, or one past the platform's limit. */
export type DeploymentProblem = "empty" | "tooLong" | "notAscii" | "tooMany";

/**
 * Accepts launches from one more deployment of a registered platform. An LMS gives each
 * installation of a tool (a course, a sub-account) its own deployment id under one client id; the
 * registration must not be removed and added again for it, which would take its launches' links,
 * contexts and resource links with it. Idempotent: an id already accepted changes nothing
 * (`added: false`). One statement, so admins adding ids at the same moment all land. BAD_INPUT
 * (field `deploymentId`, `params.problem` a DeploymentProblem) for an id LTI does not allow or one
 * past the limit of ids; NOT_FOUND for no such registration.
 */
export async function addDeployment({
  db,
  issuer,
  clientId,
  deploymentId,
}: {
  db: PrismaClient;
  issuer: string;
  clientId: string;
  deploymentId: string;
}): Promise<{ platform: LtiPlatformRecord; added: boolean }> {
  const parsed = deploymentIdSchema.safeParse(deploymentId);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem: DeploymentProblem = issue?.code === "too_small" ? "empty" : issue?.code === "too_big" ? "tooLong" : "notAscii";
    throw new AppError("BAD_INPUT", `deploymentId: ${issue?.message ?? "is not a deployment id"}`, { field: "deploymentId", params: { problem } });
  }
  const id = parsed.data;
  if (!couldBeRegistered(issuer, clientId)) {
    throw notRegistered(issuer.slice(0, 200), clientId.slice(0, 200));
  }
  // Times are UTC whatever the server's zone (as Prisma writes them).
  const added = await db.$executeRaw`
    UPDATE "lti_platforms"
    SET "deploymentIds" = array_append("deploymentIds", ${id}), "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "issuer" = ${issuer} AND "clientId" = ${clientId} AND NOT (${id} = ANY("deploymentIds")) AND cardinality("deploymentIds") < ${MAX_DEPLOYMENTS}`;
  const platform = await db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } }, select: PLATFORM_FIELDS });
  if (!platform) {
    throw notRegistered(issuer, clientId);
  }
  if (added === 0 && !platform.deploymentIds.includes(id)) {
    throw new AppError("BAD_INPUT", `deploymentId: a platform accepts at most ${MAX_DEPLOYMENTS} deployment ids`, { field: "deploymentId", params: { problem: "tooMany" } });
  }
  return { platform, added: added > 0 };
}

/** Every registered platform, by issuer then client id. */
export async function listPlatforms({ db }: { db: PrismaClient }): Promise<LtiPlatformRecord[]> {
  return db.ltiPlatform.findMany({ select: PLATFORM_FIELDS, orderBy: [{ issuer: "asc" }, { clientId: "asc" }] });
}

/**
 * The platform a login initiation or a launch names. With a client id: that registration, or
 * null. Without one (a login initiation may leave `client_id` out: 1EdTech Security Framework §5.1.1.1):
 * the issuer's only registration, or null when it has none or several (ambiguous, so refused).
 */
export async function findPlatform({
  db,
  issuer,
  clientId,
}: {
  db: PrismaClient;
  issuer: string;
  clientId?: string | null;
}): Promise<LtiPlatformRecord | null> {
  if (clientId) return db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } }, select: PLATFORM_FIELDS });
  const candidates = await db.ltiPlatform.findMany({ where: { issuer }, select: PLATFORM_FIELDS, take: 2 });
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/** A platform by its row id (a login state or a resource link points at it), or null. */
export async function getPlatform({ db, id }: { db: PrismaClient; id: string }): Promise<LtiPlatformRecord | null> {
  return db.ltiPlatform.findUnique({ where: { id }, select: PLATFORM_FIELDS });
}

/**
 * Removes a registration, and with it what came from its launches (login states, LMS users'
 * links, contexts, resource links: their rows cascade). Stride's users and courses stay.
 * NOT_FOUND when there is no such registration (a second removal, say).
 */
export async function removePlatform({
  db,
  issuer,
  clientId,
}: {
  db: PrismaClient;
  issuer: string;
  clientId: string;
}): Promise<LtiPlatformRecord> {
  const existing = couldBeRegistered(issuer, clientId) ? await db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer, clientId } }, select: PLATFORM_FIELDS }) : null;
  const removed = existing ? await db.ltiPlatform.deleteMany({ where: { id: existing.id } }) : { count: 0 };
  if (!existing || removed.count === 0) {
    throw notRegistered(issuer, clientId);
  }
  return existing;
}
