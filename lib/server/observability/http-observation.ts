/**
 * One log line per API request, and its id on the response: what app/api/trpc's route wraps
 * around the tRPC handler. The line carries the request id (the proxy's, or a new one:
 * lib/server/http/request-identity.ts), the procedures of the batch, the HTTP status, the
 * duration and the signed-in user's id: never inputs, answers, cookies or keys. A system error
 * (our bug, the database down) is logged with its stack, on the server only; the client gets
 * "Something went wrong on our side." (lib/server/trpc.ts's error formatter).
 */
import { REQUEST_ID_HEADER } from "../http/request-identity";
import { getLogger } from "./logger";

export type RequestObserver = {
  /** Notes who the request is from, once the session is read; answers the user unchanged. */
  user<User extends { id: string } | null>(user: User): User;
  /** tRPC's onError: logs a system error with its stack. */
  onError(options: { error: { code: string; cause?: unknown }; path?: string | undefined }): void;
};

/** A URL is whatever a client sent: the log keeps a bounded part of it. */
const MAX_LOGGED_PROCEDURES = 20;
const MAX_PROCEDURE_NAME = 100;

/** Procedures named in a tRPC URL (`/api/trpc/review.next,review.submit`), at most 20 of 100 characters. */
export function proceduresOf(url: string, endpoint = "/api/trpc"): string[] {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(`${endpoint}/`)) return [];
  return pathname
    .slice(endpoint.length + 1)
    .split(",")
    .slice(0, MAX_LOGGED_PROCEDURES)
    .map((name) => name.slice(0, MAX_PROCEDURE_NAME * 3))
    .map((name) => {
      try {
        return decodeURIComponent(name).slice(0, MAX_PROCEDURE_NAME);
      } catch {
        return name.slice(0, MAX_PROCEDURE_NAME);
      }
    });
}

export async function observeApiRequest(
  { req, requestId }: { req: Request; requestId: string },
  handle: (observer: RequestObserver) => Promise<Response>,
): Promise<Response> {
  const logger = getLogger();
  const started = performance.now();
  let userId: string | null = null;
  const procedures = proceduresOf(req.url);
  const observer: RequestObserver = {
    user(user) {
      userId = user?.id ?? null;
      return user;
    },
    onError({ error, path }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      logger.error({ requestId, procedure: path ?? null, userId, err: error.cause ?? error }, "tRPC procedure failed");
    },
  };
  let response: Response;
  try {
    response = await handle(observer);
  } catch (error) {
    logger.error({ requestId, procedures, userId, err: error }, "API request failed");
    throw error;
  }
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  logger.info({ requestId, method: req.method, procedures, status: response.status, durationMs, userId }, "api request");
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
