import { env } from "@/lib/env";
import { handleTrpcRequest } from "@/lib/server/edge/trpc-http";
import { clientIpOf, requestIdOf } from "@/lib/server/http/request-identity";
import { observeApiRequest } from "@/lib/server/observability/http-observation";
import { requestLimiterFor } from "@/lib/server/rate-limit/request-limiter";
import { getServices } from "@/lib/server/services";
import { getSessionUser, SessionCookies } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  // What better-auth refreshes while reading the session (its cookie cache) goes back to the browser.
  const sessionCookies = new SessionCookies();
  const response = await observeApiRequest({ req, requestId }, (observer) =>
  handleTrpcRequest({
    req,
    createContext: async () => {
      const { db } = getServices();
      return createContext({
        db,
        user: observer.user(await getSessionUser(req.headers, sessionCookies)),
        schedulerFuzz: true,
        ip: clientIpOf(req.headers, env().STRIDE_TRUSTED_PROXY_HOPS),
        requestId,
        limiter: requestLimiterFor(db, env()),
      });
    },
    onError: observer.onError,
  }));
  return sessionCookies.appendTo(response);
}

export { handler as GET, handler as POST };
