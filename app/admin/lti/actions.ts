"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { adminAddDeployment, adminAddPlatform, adminCreateRegistrationLink, adminRemovePlatform } from "@/lib/server/lti/registration-admin";
import type { DeploymentProblem } from "@/lib/server/lti/platforms";
import { MAX_TOKEN_HOURS } from "@/lib/server/lti/registration-tokens";
import { getServices } from "@/lib/server/services";
import { getSessionUser } from "@/lib/server/session";

/**
 * The admin LTI page's forms (lib/server/lti/registration-admin.ts checks that the caller is an
 * admin). Next.js's server actions: posted by the page's own forms only (it checks the Origin),
 * and they work before the page's JavaScript has loaded.
 */

export type TokenState = { status: "idle" } | { status: "made"; url: string; expiresAt: string } | { status: "failed" };

export async function createTokenAction(_previous: TokenState, form: FormData): Promise<TokenState> {
  const hours = Number(form.get("hours") ?? 24);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_TOKEN_HOURS) return { status: "failed" };
  const user = await getSessionUser(await headers());
  const made = await adminCreateRegistrationLink({ db: getServices().db, user, baseUrl: baseUrlOf(env()), hours });
  revalidatePath("/admin/lti");
  return { status: "made", url: made.url, expiresAt: made.expiresAt.toISOString() };
}

export type AddState = { status: "idle" } | { status: "added"; name: string } | { status: "refused"; problems: { field: string; message: string }[]; values: Record<string, string> };

const FIELDS = ["issuer", "clientId", "name", "authLoginUrl", "accessTokenUrl", "jwksUrl", "deploymentIds"] as const;

export async function addPlatformAction(_previous: AddState, form: FormData): Promise<AddState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  const user = await getSessionUser(await headers());
  const outcome = await adminAddPlatform({ db: getServices().db, user, form: values });
  if (!outcome.ok) return { status: "refused", problems: outcome.problems, values };
  revalidatePath("/admin/lti");
  return { status: "added", name: outcome.platform.name };
}

export type DeploymentState = { status: "idle" } | { status: "added" | "present"; deploymentId: string } | { status: "refused"; problem: DeploymentProblem; value: string } | { status: "gone" };

export async function addDeploymentAction(_previous: DeploymentState, form: FormData): Promise<DeploymentState> {
  const user = await getSessionUser(await headers());
  const value = String(form.get("deploymentId") ?? "");
  const outcome = await adminAddDeployment({ db: getServices().db, user, issuer: String(form.get("issuer") ?? ""), clientId: String(form.get("clientId") ?? ""), deploymentId: value });
  if (outcome.status === "added" || outcome.status === "present") {
    revalidatePath("/admin/lti");
    return { status: outcome.status, deploymentId: outcome.deploymentId };
  }
  return outcome.status === "refused" ? { status: "refused", problem: outcome.problem, value } : outcome;
}

export type RemoveState = { status: "idle" } | { status: "removed"; name: string } | { status: "gone" };

export async function removePlatformAction(_previous: RemoveState, form: FormData): Promise<RemoveState> {
  const user = await getSessionUser(await headers());
  const removed = await adminRemovePlatform({ db: getServices().db, user, issuer: String(form.get("issuer") ?? ""), clientId: String(form.get("clientId") ?? "") });
  revalidatePath("/admin/lti");
  return removed ? { status: "removed", name: removed.name } : { status: "gone" };
}
