/**
 * A Node.js HTTP request as the web `Request` the API's handlers take, and their `Response`
 * written back to Node's `ServerResponse`: what Next.js does for a route handler, without its
 * router around it (./api-server.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { constants, gzip, gzipSync } from "node:zlib";

const gzipAsync = promisify(gzip);

/**
 * Bodies up to this size are compressed on the request thread at level 1: an API answer (a typeset
 * prompt, tens of KB of repetitive markup) takes about 50 µs that way, where handing it to libuv's
 * thread pool cost the request thread more than that in set-up and callbacks (issue 11's profile:
 * about 0.2 ms a response) and the machine four times the CPU. Larger bodies still go to the pool.
 */
export const SYNC_GZIP_MAX_BYTES = 256 * 1024;

/** Bodies smaller than this go uncompressed: the `compression` package's default, which Next.js uses. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Whether the client accepts gzip (`Accept-Encoding: gzip`, not with q=0). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  return value.split(",").some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(";");
    if (coding?.trim() !== "gzip" && coding?.trim() !== "*") return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The body as a web stream. Cancelling it (a body over the edge's ceiling, lib/server/edge/
 * read-body.ts) stops reading and discards the rest instead of destroying the request: the socket
 * stays open so that the client receives the 413.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (!cancelled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      req.on("end", () => {
        if (!cancelled) controller.close();
      });
      req.on("error", (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    cancel() {
      cancelled = true;
      req.resume();
    },
  });
}

/** The request as Next.js would hand it to a route: the URL on the Host it was sent to, every header, the body as a stream. */
export function webRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: bodyOf(req), duplex: "half" } : {}),
  } as RequestInit);
}

export interface SendOptions {
  /** Headers every answer carries (next.config.js's list), before the response's own. */
  headers?: readonly { key: string; value: string }[];
  /** The request's Accept-Encoding: a JSON body of 1 KB or more goes gzipped when it allows, as Next.js sends it. */
  acceptEncoding?: string | string[] | undefined;
}

/**
 * Writes `response` to `res`: status, headers (each Set-Cookie on its own line), the body in one
 * piece, gzipped when the client accepts it (see SYNC_GZIP_MAX_BYTES).
 */
export async function sendWebResponse(res: ServerResponse, response: Response, { headers = [], acceptEncoding }: SendOptions = {}): Promise<void> {
  res.statusCode = response.status;
  for (const { key, value } of headers) res.setHeader(key, value);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  let body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  const json = (response.headers.get("content-type") ?? "").startsWith("application/json");
  if (json) res.setHeader("vary", [response.headers.get("vary"), "Accept-Encoding"].filter(Boolean).join(", "));
  if (body && json && body.length >= MIN_COMPRESSED_BYTES && !response.headers.has("content-encoding") && acceptsGzip(acceptEncoding)) {
    body = body.length <= SYNC_GZIP_MAX_BYTES ? gzipSync(body, { level: constants.Z_BEST_SPEED }) : await gzipAsync(body);
    res.setHeader("content-encoding", "gzip");
  }
  res.end(body);
}
