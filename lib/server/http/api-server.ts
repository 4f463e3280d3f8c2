/**
 * /api/trpc served by `npm start`'s launcher itself (scripts/start.ts), not through Next.js's
 * router. Issue 11's profile of the review cycle under load put a quarter of the server's CPU in
 * Next.js's request handling (routing, its request and response wrappers, AsyncLocalStorage),
 * paid on every API call; the API needs none of it. The request goes to the same function as
 * Next.js's route (lib/server/edge/api-route.ts: session, limiter, log line, metrics, the edge's
 * caps), with the headers next.config.js gives every answer. Anything else (pages, /api/health,
 * /api/auth, a path the route would not match, a method it does not export) goes to Next.js.
 *
 * scripts/build-api.ts bundles this module for the launcher, which loads it after it has opened
 * the database; the services, logger, metrics registry, worker pool and caches are the ones the
 * Next.js routes use too (each hangs off globalThis: lib/server/services.ts and its neighbours).
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { handleApiRoute } from "../edge/api-route";
import { TRPC_ENDPOINT } from "../edge/trpc-http";
import { getLogger } from "../observability/logger";
import { getMetrics } from "../observability/metrics";
import { warmReviewRendering } from "../reviews/warm-review-rendering";
import { getServices } from "../services";
import { getRenderPool } from "../workers/render-pool";
import { sendWebResponse, webRequestOf } from "./node-bridge";
import { securityHeaders } from "./security-headers.mjs";

/** What app/api/trpc/[trpc] matches: one path segment after the endpoint (any query), GET or POST. */
export function isApiRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "POST") return false;
  if (!url?.startsWith(`${TRPC_ENDPOINT}/`)) return false;
  const end = url.indexOf("?");
  const segment = url.slice(TRPC_ENDPOINT.length + 1, end < 0 ? undefined : end);
  return segment.length > 0 && !segment.includes("/");
}

/** Opens what every API request uses (the database client, auth, metrics) before the first one arrives. */
export function prepareApi(): void {
  getServices();
  getMetrics();
  // Its threads take a few seconds to load the typesetter: started now, not by the first learner.
  getRenderPool();
  // And the review cycle's text caches, a skill at a time between requests (warm-review-rendering.ts).
  warmReviewRendering((rendered) => getLogger().debug({ rendered }, "the review cycle's rendering caches are warm"));
}

let headers: { key: string; value: string }[] | undefined;

/** Answers one API request (`isApiRequest` said yes). */
export async function serveApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  headers ??= securityHeaders({ production: env().NODE_ENV === "production" });
  try {
    await sendWebResponse(res, await handleApiRoute(webRequestOf(req)), { headers, acceptEncoding: req.headers["accept-encoding"] });
  } catch (error) {
    // handleApiRoute logged the request's failure; this is what Next.js answers a route that throws.
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else {
      getLogger().error({ err: error }, "writing an API response failed");
      res.destroy();
    }
  }
}
