import { env } from "@/lib/env";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { clientIpOf } from "@/lib/server/http/request-identity";
import { ltiLimiterFor } from "@/lib/server/lti/launch-limit";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { getLogger } from "@/lib/server/observability/logger";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

function handle(request: Request) {
  const { db } = getServices();
  const config = env();
  return handleLoginRequest({
    request,
    db,
    baseUrl: baseUrlOf(config),
    logger: getLogger(),
    limiter: ltiLimiterFor(db),
    ip: clientIpOf(request.headers, config.STRIDE_TRUSTED_PROXY_HOPS),
  });
}

/** LTI 1.3 OIDC login initiation by GET (lib/server/lti/login-request.ts), limited per address. */
export async function GET(request: Request) {
  return handle(request);
}

/** The same by POST: a platform may send the initiation either way (LTI 1.3 Core §5.1.1.1). */
export async function POST(request: Request) {
  return handle(request);
}
