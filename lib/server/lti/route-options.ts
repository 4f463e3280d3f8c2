import { env } from "@/lib/env";
import { baseUrlOf, trustedOriginsOf } from "../auth/origins";
import { clientIpOf } from "../http/request-identity";
import { getLogger } from "../observability/logger";
import { getServices } from "../services";
import { ltiLimiterFor } from "./launch-limit";

/**
 * What the launch's own steps (continue, link choice, the deep-linking answer) need from this
 * server for one request: its services, public address and trusted origins, the logger, and the
 * per-address launch limit with the client's address.
 */
export function ltiRouteOptions(request: Request) {
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
