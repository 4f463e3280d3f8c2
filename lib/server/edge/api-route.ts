/**
 * What a request to /api/trpc gets, from whichever server received it: the request id, the
 * session (and the session cookies better-auth refreshes while reading it), the client's address,
 * the request limiter, one log line and the metrics (./trpc-http.ts runs tRPC behind the edge's
 * caps). Two callers, one behaviour:
 * - app/api/trpc/[trpc]/route.ts: Next.js's route (`npm run dev`, and a build without the API
 *   bundle);
 * - lib/server/http/api-server.ts: `npm start`'s launcher serves /api/trpc itself, without Next.js's
 *   router, through this same function (scripts/build-api.ts bundles it).
 */
import "server-only";
import { env } from "@/lib/env";
import { clientIpOf, requestIdOf } from "../http/request-identity";
import { observeApiRequest } from "../observability/http-observation";
import { requestLimiterFor } from "../rate-limit/request-limiter";
import { getServices } from "../services";
import { endBrowserSession, getSessionUser, SessionCookies } from "../session";
import { createContext } from "../trpc";
import { handleTrpcRequest } from "./trpc-http";

export async function handleApiRoute(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  // What better-auth refreshes while reading the session (its cookie cache) goes back to the browser.
  const sessionCookies = new SessionCookies();
  // Set by a call that deleted the account: the response signs this browser out.
  let sessionEnded = false;
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
          endSession: () => {
            sessionEnded = true;
          },
        });
      },
      onError: observer.onError,
    }),
  );
  if (sessionEnded) await endBrowserSession(req.headers, sessionCookies);
  return sessionCookies.appendTo(response);
}
