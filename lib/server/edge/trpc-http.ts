/**
 * The API's HTTP edge: what happens to a request to /api/trpc before and after tRPC runs its
 * procedures. The route (app/api/trpc) and the HTTP tests both call `handleTrpcRequest`, so the
 * tests exercise exactly what a browser reaches.
 * - At most MAX_BATCH_SIZE calls a request (tRPC's `maxBatchSize`: a larger batch is a 400).
 * - The body is read with a ceiling (a procedure may raise it with `meta.maxBodyBytes`), so a
 *   50 MB POST is a 413 after at most that many bytes and no parsing.
 * - Inputs nested deeper than the input guard allows are refused from the raw text, before the
 *   data transformer (which recurses) parses them.
 * - A 429 or 503 carries Retry-After.
 * Refusals go through tRPC's own error path (a context that throws), so they have the same JSON
 * shape, error formatter and batch layout as every other error.
 */
import { type AnyProcedure, TRPCError } from "@trpc/server";
import { fetchRequestHandler, type FetchHandlerRequestOptions } from "@trpc/server/adapters/fetch";
import { AppError } from "../errors";
import { appRouter, type AppRouter } from "../root";
import type { Context, ProcedureMeta } from "../trpc";
import { DEFAULT_INPUT_LIMITS, InputRefusedError } from "./input-guard";
import { findDeepNesting } from "./json-nesting";
import { BodyTooLargeError, readBodyWithin } from "./read-body";

export const TRPC_ENDPOINT = "/api/trpc";

/** Calls per request. The client's batch link sends at most as many (app/_components/trpc.tsx). */
export const MAX_BATCH_SIZE = 10;

/**
 * The body ceiling for every procedure that does not raise it: twice the largest input any of
 * them accepts (a 200,000-character question definition, which UTF-8 and JSON escapes can grow
 * to about 600 KB) with room to spare.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** tRPC keeps every procedure under its full dotted path (`courses.create`) at run time. */
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure | undefined>;

function metaOf(path: string): ProcedureMeta | undefined {
  return procedures[path]?._def.meta as ProcedureMeta | undefined;
}

function pathsOf(url: URL): string[] {
  const joined = url.pathname.startsWith(`${TRPC_ENDPOINT}/`) ? url.pathname.slice(TRPC_ENDPOINT.length + 1) : "";
  return joined.split(",").map((path) => {
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  });
}

/** The largest body any of the request's procedures accepts. */
export function maxBodyBytesFor(paths: string[]): number {
  return Math.max(DEFAULT_MAX_BODY_BYTES, ...paths.map((path) => metaOf(path)?.maxBodyBytes ?? 0));
}

interface Screened {
  req: Request;
  refusal: TRPCError | null;
}

function refusedInput(issue: { path: (string | number)[]; message: string }): TRPCError {
  const cause = new InputRefusedError(issue);
  return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
}

/** The raw input text of a GET (`?input=`) or a POST body, checked for depth before anything parses it. */
function nestingRefusal(text: string, batch: boolean): TRPCError | null {
  // The envelope around each input: `{"json": …}`, and `{"0": {"json": …}}` in a batch.
  const envelope = batch ? 2 : 1;
  const { maxDepth } = DEFAULT_INPUT_LIMITS;
  const path = findDeepNesting(text, maxDepth + envelope);
  return path ? refusedInput({ path: path.slice(envelope), message: `is nested deeper than ${maxDepth} levels` }) : null;
}

async function screen(req: Request): Promise<Screened> {
  const url = new URL(req.url);
  const batch = url.searchParams.get("batch") === "1";
  // A bodiless copy for refusals: tRPC reads nothing from it once the context has thrown.
  const bodiless = () => new Request(req.url, { method: req.method, headers: req.headers });
  if (req.method === "GET" || req.method === "HEAD") {
    const refusal = nestingRefusal(url.searchParams.get("input") ?? "", batch);
    return { req, refusal };
  }
  let body: Uint8Array;
  try {
    body = await readBodyWithin(req, maxBodyBytesFor(pathsOf(url)));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return { req: bodiless(), refusal: new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: error.message }) };
  }
  const text = new TextDecoder().decode(body);
  const refusal = nestingRefusal(text, batch);
  if (refusal) return { req: bodiless(), refusal };
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  if (isJson(headers) && body.byteLength > 0) return { req: new ReadJsonRequest(req.url, { method: req.method, headers }, text), refusal: null };
  return { req: new Request(req.url, { method: req.method, headers, body: body.byteLength > 0 ? (body as BodyInit) : null }), refusal: null };
}

function isJson(headers: Headers): boolean {
  return headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

/**
 * A JSON request whose body was read already (by `screen`): tRPC's JSON handler asks for it with
 * `json()`, which here parses the text in hand instead of streaming the bytes through a second
 * body (a web stream, its reader and a decoder: 2 to 3 % of the request thread under a class's
 * load, issue 11's sixth round).
 */
class ReadJsonRequest extends Request {
  readonly #text: string;

  constructor(url: string, init: RequestInit, text: string) {
    super(url, init);
    this.#text = text;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  override json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.#text) as unknown);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/** Retry-After (seconds) when a call was refused for its rate or because the server is busy. */
function retryAfterOf(errors: TRPCError[]): number | null {
  const seconds = errors.flatMap((error) => (error.cause instanceof AppError && error.cause.retryAfterSeconds ? [error.cause.retryAfterSeconds] : []));
  return seconds.length > 0 ? Math.max(...seconds) : null;
}

export interface TrpcHttpOptions {
  req: Request;
  createContext: () => Promise<Context>;
  onError?: FetchHandlerRequestOptions<AppRouter>["onError"];
}

export async function handleTrpcRequest({ req, createContext, onError }: TrpcHttpOptions): Promise<Response> {
  const screened = await screen(req);
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: screened.req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      if (screened.refusal) throw screened.refusal;
      return createContext();
    },
    responseMeta({ errors }) {
      const retryAfter = retryAfterOf(errors);
      return retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {};
    },
    onError,
  });
}
