import "server-only";
import { decodeJwt, type JWTVerifyGetKey } from "jose";
import type { PrismaClient } from "@/lib/db";
import type { Auth } from "../auth/create-auth";
import type { Logger } from "../observability/logger";
import { CLAIM } from "./claims";
import { deepLinkPickerPath } from "./deep-link-picker";
import { failurePage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { launchIsFramed, openLaunchSession } from "./launch-session";
import { issueLaunchTicket } from "./launch-ticket";
import type { LtiPlatformRecord } from "./platforms";
import { provisionLaunch } from "./provision-launch";
import { readForm } from "./read-form";
import { courseRoleOf } from "./roles";
import { verifyLaunch } from "./verify-launch";

/** The platform's locale as the (maybe refused) id_token states it, for the words of the page only. */
function claimedLocale(idToken: string | null): string | undefined {
  if (!idToken) return undefined;
  try {
    const payload = decodeJwt(idToken);
    const presentation = payload[CLAIM.launchPresentation] as { locale?: unknown } | undefined;
    const locale = typeof payload.locale === "string" ? payload.locale : presentation?.locale;
    return typeof locale === "string" ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** The client's address as the edge saw it (lib/server/http/request-identity.ts sets it), for the session row. */
function clientAddressOf(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

/**
 * /lti/launch: the platform's form_post of `id_token` and `state` (LTI 1.3 Core §5.1.1.3). Verified
 * (verify-launch.ts), provisioned (provision-launch.ts), then a session is opened and the browser
 * sent on with 303 to /lti/launch/continue, which finds the session or offers a new window
 * (continue-request.ts). An instructor's LtiDeepLinkingRequest goes on to the picker
 * (/lti/deep-link, deep-link-picker.ts) with its settings kept server-side. A refused launch answers its error page (400, 401 or 403) in the
 * platform's language, is logged with its reason, and opens no session and makes no user.
 */
export async function handleLaunchRequest({
  request,
  db,
  auth,
  baseUrl,
  logger,
  now = new Date(),
  keySetOf,
}: {
  request: Request;
  db: PrismaClient;
  auth: Auth;
  baseUrl: string;
  logger: Logger;
  now?: Date;
  keySetOf?: (platform: LtiPlatformRecord) => JWTVerifyGetKey;
}): Promise<Response> {
  const form = await readForm(request);
  const idToken = form.get("id_token");
  const locale = pageLocaleOf({ headers: request.headers, platformLocale: claimedLocale(idToken) });
  let platformId: string | undefined;
  try {
    // OIDC Core §3.2.2.6: a platform that cannot authenticate the person answers with an error instead.
    const platformError = form.get("error");
    if (platformError) throw new LaunchRefusal("lti.launch.platformError", `${platformError}: ${form.get("error_description") ?? ""}`.slice(0, 300), { error: platformError.slice(0, 100) });
    const state = form.get("state");
    if (!state) throw new LaunchRefusal("lti.launch.missingParameter", "state", { parameter: "state" });
    if (!idToken) throw new LaunchRefusal("lti.launch.missingParameter", "id_token", { parameter: "id_token" });

    const { platform, claims } = await verifyLaunch({ db, idToken, state, now, keySetOf });
    platformId = platform.id;
    // Deep Linking 2.0 §4.4: only the course's instructors place activities; a learner (or a
    // platform sending the request for one) never reaches the picker, and nothing is made.
    if (claims.messageType === "LtiDeepLinkingRequest" && courseRoleOf(claims.roles) !== "owner") {
      throw new LaunchRefusal("lti.launch.deepLinkingNotInstructor", claims.roles.join(" ").slice(0, 300));
    }
    const launch = await provisionLaunch({ db, platformId: platform.id, claims, now });
    const target =
      claims.messageType === "LtiDeepLinkingRequest" && launch.courseRole === "owner"
        ? await deepLinkPickerPath({ db, now, deepLink: { userId: launch.userId, platformId: platform.id, deploymentId: claims.deploymentId, courseId: launch.courseId, locale: launch.locale, settings: claims.deepLinkingSettings } })
        : launch.target;
    const framed = launchIsFramed({ fetchDest: request.headers.get("sec-fetch-dest"), documentTarget: claims.documentTarget });
    const session = await openLaunchSession({
      auth,
      userId: launch.userId,
      locale: launch.locale,
      baseUrl,
      framed,
      ipAddress: clientAddressOf(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    const ticket = await issueLaunchTicket({ db, ticket: { userId: launch.userId, target, locale: launch.locale }, now });
    logger.info(
      {
        event: "lti.launch",
        platformId: platform.id,
        messageType: claims.messageType,
        userId: launch.userId,
        createdUser: launch.createdUser,
        courseId: launch.courseId,
        createdCourse: launch.createdCourse,
        courseRole: launch.courseRole,
        framed,
      },
      "LTI launch",
    );
    const next = new URL("/lti/launch/continue", baseUrl);
    next.searchParams.set("ticket", ticket);
    const response = new Response(null, { status: 303, headers: { location: next.href, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
    for (const cookie of session.setCookies) response.headers.append("set-cookie", cookie);
    return response;
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) {
      logger.error({ event: "lti.launch.failed", platformId, err: error }, "LTI launch failed");
      return failurePage({ locale });
    }
    logger.warn({ event: "lti.launch.refused", reason: error.reason, detail: error.message, platformId }, "LTI launch refused");
    return refusalPage({ refusal: error, locale });
  }
}
