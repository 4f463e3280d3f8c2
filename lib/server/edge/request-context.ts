import "server-only";
import { env } from "@/lib/env";
import { clientIpOf, requestIdOf } from "../http/request-identity";
import { requestLimiterFor } from "../rate-limit/request-limiter";
import { getServices } from "../services";
import { getSessionUser } from "../session";

/** What a request to an API route tells the procedures it calls: who, from where, and the limiter that counts them. */
export async function requestContextOf(req: Request) {
  const config = env();
  const { db } = getServices();
  return {
    db,
    user: await getSessionUser(req.headers),
    ip: clientIpOf(req.headers, config.STRIDE_TRUSTED_PROXY_HOPS),
    requestId: requestIdOf(req.headers),
    limiter: requestLimiterFor(db, config),
  };
}
