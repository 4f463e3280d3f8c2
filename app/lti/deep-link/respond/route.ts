import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { handleDeepLinkRespond } from "@/lib/server/lti/deep-link-response";
import { ltiLimiterFor } from "@/lib/server/lti/launch-limit";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** The deep-linking picker's choice (or cancel): the signed response, posted on to the LMS (lib/server/lti/deep-link-response.ts); limited per address. */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleDeepLinkRespond({
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
