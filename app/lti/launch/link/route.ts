import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { ltiLimiterFor } from "@/lib/server/lti/launch-limit";
import { handleLinkChoicePost, handleLinkChoiceRequest } from "@/lib/server/lti/link-choice-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

function optionsOf(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return {
    request,
    db,
    auth,
    baseUrl: baseUrlOf(config),
    trustedOrigins: trustedOriginsOf(config),
    logger: getLogger(),
    limiter: ltiLimiterFor(db),
    ip: clientIpOf(request.headers, config.STRIDE_TRUSTED_PROXY_HOPS),
  };
}

/** An instructor's first launch from an LMS course: keep the course it made, or link one of theirs (lib/server/lti/link-choice.ts); limited per address. */
export async function GET(request: Request) {
  return handleLinkChoiceRequest(optionsOf(request));
}

/** The choice's form post (same-origin only); limited per address. */
export async function POST(request: Request) {
  return handleLinkChoicePost(optionsOf(request));
}
