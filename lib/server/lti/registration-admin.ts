import "server-only";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import type { SessionUser } from "../trpc";
import { forgetPlatformOrigins } from "./frame-ancestors";
import { insecureLoopbackAllowed, parsePlatformInput } from "./platform-input";
import { addDeployment, addPlatform, type DeploymentProblem, listPlatforms, removePlatform, type LtiPlatformRecord } from "./platforms";
import { TOOL_SCOPES, toolUrls } from "./registration-document";
import { createRegistrationToken, DEFAULT_TOKEN_HOURS, listOpenRegistrationTokens, registrationUrlWithToken } from "./registration-tokens";

/**
 * What the admin page /admin/lti does (app/admin/lti): list the registered platforms and Stride's
 * own values for an LMS, add a platform by hand (the same checks as `stride lti platform add`),
 * accept one more deployment of a registered platform, remove one, make a registration link (as
 * `stride lti token create`). Only an admin (User.role "admin"); anyone else is told NOT_FOUND,
 * as the page answers 404.
 */

function requireAdmin(user: SessionUser | null): asserts user is SessionUser {
  if (!user || user.role !== "admin") throw new AppError("NOT_FOUND", "There is no such page");
}

/** The values an LMS administrator enters when setting Stride up by hand (README, "LMS"). */
export function toolValuesFor(baseUrl: string) {
  const urls = toolUrls(baseUrl);
  return {
    registrationUrl: urls.registrationUrl,
    loginUrl: urls.loginUrl,
    launchUrl: urls.launchUrl,
    deepLinkingUrl: urls.deepLinkingUrl,
    jwksUrl: urls.jwksUrl,
    domain: urls.domain,
    scopes: [...TOOL_SCOPES],
  };
}

export async function adminLtiOverview({ db, user, baseUrl, now = new Date() }: { db: PrismaClient; user: SessionUser | null; baseUrl: string; now?: Date }) {
  requireAdmin(user);
  const [platforms, openTokens] = await Promise.all([listPlatforms({ db }), listOpenRegistrationTokens({ db, now })]);
  return { platforms, openTokenCount: openTokens.length, values: toolValuesFor(baseUrl) };
}

/** The form's fields, as the page posts them: deployment ids one a line or comma-separated. */
export interface PlatformForm {
  issuer: string;
  clientId: string;
  name: string;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  deploymentIds: string;
}

export type AddPlatformOutcome = { ok: true; platform: LtiPlatformRecord } | { ok: false; problems: { field: string; message: string }[] };

export async function adminAddPlatform({
  db,
  user,
  form,
  allowInsecureLoopback = insecureLoopbackAllowed(),
}: {
  db: PrismaClient;
  user: SessionUser | null;
  form: PlatformForm;
  allowInsecureLoopback?: boolean;
}): Promise<AddPlatformOutcome> {
  requireAdmin(user);
  const input = {
    ...form,
    deploymentIds: form.deploymentIds
      .split(/[\n,]/)
      .map((id) => id.trim())
      .filter(Boolean),
  };
  const parsed = parsePlatformInput(input, { allowInsecureLoopback });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => ({ field: problem.field.split(".")[0] ?? problem.field, message: problem.message })) };
  try {
    const platform = await addPlatform({ db, input, allowInsecureLoopback });
    forgetPlatformOrigins();
    return { ok: true, platform };
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return { ok: false, problems: [{ field: "clientId", message: "is already registered for this issuer" }] };
    throw error;
  }
}

export type AddDeploymentOutcome =
  | { status: "added" | "present"; deploymentId: string; platform: LtiPlatformRecord }
  | { status: "refused"; problem: DeploymentProblem }
  | { status: "gone" };

/** One more deployment id of a registered platform (platforms.ts `addDeployment`), as the page shows the outcome. */
export async function adminAddDeployment({
  db,
  user,
  issuer,
  clientId,
  deploymentId,
}: {
  db: PrismaClient;
  user: SessionUser | null;
  issuer: string;
  clientId: string;
  deploymentId: string;
}): Promise<AddDeploymentOutcome> {
  requireAdmin(user);
  try {
    const { platform, added } = await addDeployment({ db, issuer, clientId, deploymentId });
    return { status: added ? "added" : "present", deploymentId: deploymentId.trim(), platform };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { status: "gone" };
    if (error instanceof AppError && error.code === "BAD_INPUT") return { status: "refused", problem: error.params?.problem as DeploymentProblem };
    throw error;
  }
}

export async function adminRemovePlatform({ db, user, issuer, clientId }: { db: PrismaClient; user: SessionUser | null; issuer: string; clientId: string }): Promise<LtiPlatformRecord | null> {
  requireAdmin(user);
  try {
    const removed = await removePlatform({ db, issuer, clientId });
    forgetPlatformOrigins();
    return removed;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function adminCreateRegistrationLink({
  db,
  user,
  baseUrl,
  hours = DEFAULT_TOKEN_HOURS,
}: {
  db: PrismaClient;
  user: SessionUser | null;
  baseUrl: string;
  hours?: number;
}): Promise<{ url: string; expiresAt: Date }> {
  requireAdmin(user);
  const { token, expiresAt } = await createRegistrationToken({ db, hours, createdById: user.id });
  return { url: registrationUrlWithToken(baseUrl, token), expiresAt };
}
