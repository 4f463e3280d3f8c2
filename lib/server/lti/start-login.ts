import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { storageState } from "./launch-browser";
import { LaunchRefusal } from "./launch-refusal";
import { findPlatform } from "./platforms";

/** How long a login initiation waits for its launch: the platform answers at once (prompt=none), so minutes are plenty. */
export const LOGIN_STATE_SECONDS = 10 * 60;

/** Where the platform posts the id_token (the redirect_uri Stride registers with every platform). */
export function launchUrlOf(baseUrl: string): string {
  return new URL("/lti/launch", baseUrl).href;
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * OIDC third-party initiated login (LTI 1.3 Core §5.1.1, 1EdTech Security Framework §5.1.1.1):
 * from the platform's `iss`, `login_hint`, `target_link_uri` and optional `lti_message_hint`,
 * `lti_deployment_id` and `client_id`, finds the registered platform, keeps a state and a nonce
 * server-side (table lti_login_states: a browser that blocks third-party cookies inside the LMS's
 * iframe loses any cookie set here, so nothing of the launch depends on one), and answers with the
 * authentication request to the platform's authorization endpoint (§5.1.1.2), a plain redirect
 * that needs no JavaScript. The state is also bound to the browser (launch-browser.ts): the caller
 * sets its cookie, and when the platform offers storage (`lti_storage_target`) the state says so
 * and the caller answers the page that stores it with the platform first.
 */
export async function startLogin({
  db,
  params,
  baseUrl,
  now,
}: {
  db: PrismaClient;
  /** The initiation's parameters, from the query (GET) or the form (POST). */
  params: URLSearchParams;
  /** Stride's public address (STRIDE_BASE_URL). */
  baseUrl: string;
  now: Date;
}): Promise<{
  redirectTo: string;
  platformId: string;
  state: string;
  nonce: string;
  /** The frame of the LMS page that answers LTI storage messages, when the platform offers them. */
  storageTarget: string | null;
  /** The platform's origin for those messages (its authorization endpoint's). */
  platformOrigin: string;
}> {
  const required = (name: string) => {
    const value = params.get(name)?.trim();
    if (!value) throw new LaunchRefusal("lti.login.missingParameter", name, { parameter: name });
    return value;
  };
  const issuer = required("iss");
  const loginHint = required("login_hint");
  const targetLinkUri = required("target_link_uri");
  const clientId = params.get("client_id")?.trim() || null;
  const deploymentId = params.get("lti_deployment_id")?.trim() || null;
  const messageHint = params.get("lti_message_hint");
  const offeredTarget = params.get("lti_storage_target")?.trim() ?? "";
  // A frame name (HTML: any string, but "_parent" or a plain name in practice); anything else is ignored.
  const storageTarget = /^[\w.-]{1,100}$/.test(offeredTarget) ? offeredTarget : null;

  const platform = await findPlatform({ db, issuer, clientId });
  if (!platform) throw new LaunchRefusal("lti.login.unknownPlatform", `${issuer} ${clientId ?? "(no client_id)"}`);
  if (deploymentId !== null && !platform.deploymentIds.includes(deploymentId)) {
    throw new LaunchRefusal("lti.login.unknownDeployment", `${issuer} deployment ${deploymentId}`);
  }
  // The launch must come back to this Stride: a target elsewhere would send the person, signed in, to another site.
  let target: URL;
  try {
    target = new URL(targetLinkUri);
  } catch {
    throw new LaunchRefusal("lti.login.badTargetLinkUri", targetLinkUri.slice(0, 200));
  }
  if (target.origin !== new URL(baseUrl).origin) throw new LaunchRefusal("lti.login.badTargetLinkUri", targetLinkUri.slice(0, 200));

  const state = storageTarget ? storageState(randomToken(), storageTarget) : randomToken();
  const nonce = randomToken();
  // States an hour past their expiry go with the next login (their index is on expiresAt): kept
  // that long, a replay of a recent launch is still told apart as "used" rather than "unknown".
  await db.ltiLoginState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });
  await db.ltiLoginState.create({
    data: { state, nonce, platformId: platform.id, targetLinkUri, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_STATE_SECONDS * 1000) },
  });

  const authorization = new URL(platform.authLoginUrl);
  const query: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: launchUrlOf(baseUrl),
    login_hint: loginHint,
    state,
    nonce,
  };
  if (messageHint !== null) query.lti_message_hint = messageHint;
  for (const [name, value] of Object.entries(query)) authorization.searchParams.set(name, value);
  return { redirectTo: authorization.href, platformId: platform.id, state, nonce, storageTarget, platformOrigin: authorization.origin };
}
