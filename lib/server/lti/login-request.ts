import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { Logger } from "../observability/logger";
import { failurePage, pageLocaleOf, refusalPage } from "./launch-page";
import { LaunchRefusal } from "./launch-refusal";
import { readForm } from "./read-form";
import { startLogin } from "./start-login";

/**
 * /lti/login, GET or POST (LTI 1.3 Core §5.1.1.1 allows both): the login initiation's parameters
 * from the query or the form, answered with a 302 to the platform's authorization endpoint, or a
 * refusal page (logged with its reason).
 */
export async function handleLoginRequest({
  request,
  db,
  baseUrl,
  logger,
  now = new Date(),
}: {
  request: Request;
  db: PrismaClient;
  baseUrl: string;
  logger: Logger;
  now?: Date;
}): Promise<Response> {
  const params = request.method === "POST" ? await readForm(request) : new URL(request.url).searchParams;
  try {
    const { redirectTo, platformId } = await startLogin({ db, params, baseUrl, now });
    logger.info({ event: "lti.login", platformId }, "LTI login initiation");
    return new Response(null, { status: 302, headers: { location: redirectTo, "cache-control": "no-store" } });
  } catch (error) {
    if (!(error instanceof LaunchRefusal)) {
      logger.error({ event: "lti.login.failed", err: error }, "LTI login initiation failed");
      return failurePage({ locale: pageLocaleOf({ headers: request.headers }) });
    }
    logger.warn({ event: "lti.login.refused", reason: error.reason, detail: error.message, issuer: params.get("iss")?.slice(0, 200) }, "LTI login initiation refused");
    return refusalPage({ refusal: error, locale: pageLocaleOf({ headers: request.headers }) });
  }
}
