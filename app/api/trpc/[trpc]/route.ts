import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/lib/env";
import { clientIpOf, requestIdOf } from "@/lib/server/http/request-identity";
import { observeApiRequest } from "@/lib/server/observability/http-observation";
import { appRouter } from "@/lib/server/root";
import { getServices } from "@/lib/server/services";
import { getSessionUser, SessionCookies } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  // What better-auth refreshes while reading the session (its cookie cache) goes back to the browser.
  const sessionCookies = new SessionCookies();
  const response = await observeApiRequest({ req, requestId }, (observer) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContext({
        db: getServices().db,
        user: observer.user(await getSessionUser(req.headers, sessionCookies)),
        schedulerFuzz: true,
        ip: clientIpOf(req.headers, env().STRIDE_TRUSTED_PROXY_HOPS),
        requestId,
      }),
    onError: observer.onError,
  }));
  return sessionCookies.appendTo(response);
}

export { handler as GET, handler as POST };
