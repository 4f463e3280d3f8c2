import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { handleContinuePost, handleContinueRequest } from "@/lib/server/lti/continue-request";
import { ltiLimiterFor } from "@/lib/server/lti/launch-limit";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** After a launch: on to its target when the session cookie came back, else the new-window offer (lib/server/lti/continue-request.ts); limited per address. */
export async function GET(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleContinueRequest({ request, db, auth, baseUrl: baseUrlOf(config), logger: getLogger(), limiter: ltiLimiterFor(db), ip: clientIpOf(request.headers, config.STRIDE_TRUSTED_PROXY_HOPS) });
}

/** The new-window button: the one-time ticket opens a first-party session; limited per address. */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleContinuePost({
    request,
    db,
    auth,
    baseUrl: baseUrlOf(config),
    trustedOrigins: trustedOriginsOf(config),
    logger: getLogger(),
    limiter: ltiLimiterFor(db),
    ip: clientIpOf(request.headers, config.STRIDE_TRUSTED_PROXY_HOPS),
  });
}
