import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { ltiLimiterFor } from "@/lib/server/lti/launch-limit";
import { handleLaunchPost } from "@/lib/server/lti/launch-post";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

/** The platform's id_token form post: limited per address, bound to the login's browser, then the launch (lib/server/lti/launch-post.ts). */
export async function POST(request: Request) {
  const { db, auth } = getServices();
  const config = env();
  return handleLaunchPost({
    request,
    db,
    auth,
    baseUrl: baseUrlOf(config),
    logger: getLogger(),
    limiter: ltiLimiterFor(db),
    ip: clientIpOf(request.headers, config.STRIDE_TRUSTED_PROXY_HOPS),
  });
}
