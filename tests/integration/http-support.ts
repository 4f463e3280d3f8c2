/**
 * Calls to the API as a browser makes them: an HTTP Request through the same edge the route uses
 * (lib/server/edge/trpc-http.ts: batch cap, body ceiling, nesting scan, Retry-After), with the
 * session user, client address and limiter a test chooses.
 */
import type { PrismaClient } from "@/lib/db";
import { handleTrpcRequest, TRPC_ENDPOINT } from "@/lib/server/edge/trpc-http";
import type { RequestLimiter } from "@/lib/server/rate-limit/request-limiter";
import { createContext, type SessionUser } from "@/lib/server/trpc";

export const ORIGIN = "http://stride.test";

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or null when it is not JSON. */
  body: unknown;
}

export interface TrpcError {
  message: string;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    fieldErrors: Record<string, string> | null;
    retryAfterSeconds?: number | null;
    /** The refusal's stable id and its sentence's values (lib/server/errors.ts), null for input errors. */
    reason?: string | null;
    params?: Record<string, string | number> | null;
    fieldReasons?: unknown;
  };
}

export interface CallOptions {
  user?: SessionUser | null;
  ip?: string | null;
  method?: "GET" | "POST";
}

/** The error of a single (unbatched) call's reply, or undefined when it succeeded. */
export function errorOf(reply: HttpReply): TrpcError | undefined {
  return (reply.body as { error?: { json: TrpcError } } | null)?.error?.json;
}

export function httpApi(options: { db: PrismaClient; limiter?: RequestLimiter | null }) {
  async function send(req: Request, call: CallOptions = {}): Promise<HttpReply> {
    const res = await handleTrpcRequest({
      req,
      createContext: async () => createContext({ db: options.db, user: call.user ?? null, ip: call.ip ?? null, limiter: options.limiter ?? null }),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, headers: res.headers, text, body };
  }

  /** One procedure call: GET for a query, POST for a mutation (or as `method` says). */
  function call(path: string, input: unknown, call: CallOptions & { method: "GET" | "POST" }): Promise<HttpReply> {
    const envelope = JSON.stringify({ json: input });
    const url = `${ORIGIN}${TRPC_ENDPOINT}/${path}`;
    const req =
      call.method === "GET"
        ? new Request(`${url}?input=${encodeURIComponent(envelope)}`)
        : new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: envelope });
    return send(req, call);
  }

  /** Several calls in one batched request, as tRPC's batch link sends them. */
  function batch(paths: string[], inputs: unknown[], call: CallOptions & { method: "GET" | "POST" }): Promise<HttpReply> {
    const envelope = JSON.stringify(Object.fromEntries(inputs.map((input, index) => [String(index), { json: input }])));
    const url = `${ORIGIN}${TRPC_ENDPOINT}/${paths.join(",")}?batch=1`;
    const req =
      call.method === "GET"
        ? new Request(`${url}&input=${encodeURIComponent(envelope)}`)
        : new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: envelope });
    return send(req, call);
  }

  return { send, call, batch };
}
