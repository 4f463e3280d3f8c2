/**
 * The file downloads (app/api/progress/export, app/api/account/export,
 * app/api/courses/[courseId]/export): plain GET
 * routes a browser follows from a link, answered by the same tRPC procedures as every other
 * caller, so the same owners-only rules, input guard and request limits apply (the context
 * carries the client's address and the limiter). Their query parameters get the input guard's
 * first look too, and an expected error is its status with a JSON message (Retry-After on a 429).
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import type { RequestLimiter } from "../rate-limit/request-limiter";
import { createCaller } from "../root";
import { createContext, type SessionUser } from "../trpc";
import { describeInputIssue, findInputIssue, findParamsIssue } from "./input-guard";

export interface DownloadContext {
  db: PrismaClient;
  user: SessionUser | null;
  ip: string | null;
  limiter: RequestLimiter | null;
}

interface DownloadFile {
  body: string;
  contentType: string;
  filename: string;
}

function fileResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}

/** A call's expected error as a JSON answer; a system error is rethrown (Next.js answers 500 and logs it). */
function errorResponse(error: unknown, messages: { unauthorized?: string } = {}): Response {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") throw error;
  const status = getHTTPStatusCodeFromError(error);
  const message = error.code === "UNAUTHORIZED" && messages.unauthorized ? messages.unauthorized : error.message;
  const retryAfter = error.cause instanceof AppError ? error.cause.retryAfterSeconds : undefined;
  return Response.json({ error: message }, { status, headers: retryAfter ? { "retry-after": String(retryAfter) } : {} });
}

/** A 400 naming the first parameter (or path segment) with a NUL byte or past the size limits. */
function refusedParameters(request: Request, path: Record<string, string> = {}): Response | null {
  const issue = findInputIssue(path) ?? findParamsIssue(new URL(request.url).searchParams);
  return issue ? Response.json({ error: describeInputIssue(issue) }, { status: 400 }) : null;
}

function callerOf(context: DownloadContext) {
  return createCaller(createContext({ db: context.db, user: context.user, ip: context.ip, limiter: context.limiter }));
}

/**
 * The signed-in learner's history as a download: `?format=csv` (the default) or `?format=json`.
 * It exports the session's own history only; without a session it answers 401.
 */
export async function progressDownload(request: Request, context: DownloadContext): Promise<Response> {
  const refused = refusedParameters(request);
  if (refused) return refused;
  const format = new URL(request.url).searchParams.get("format") === "json" ? "json" : "csv";
  try {
    return fileResponse(await callerOf(context).progress.export({ format }));
  } catch (error) {
    return errorResponse(error, { unauthorized: "Sign in to export your history." });
  }
}

/**
 * Everything the signed-in person owns or did, as one JSON file ("download my data" in Settings,
 * lib/server/account/export-account.ts); without a session it answers 401.
 */
export async function accountDownload(request: Request, context: DownloadContext): Promise<Response> {
  const refused = refusedParameters(request);
  if (refused) return refused;
  try {
    return fileResponse(await callerOf(context).account.export());
  } catch (error) {
    return errorResponse(error, { unauthorized: "Sign in to download your data." });
  }
}

const STATISTICS = new Set(["grades", "items"]);
const BANK_FORMATS = new Set(["bundle", "moodle", "gift"]);

/**
 * A course's files: `?what=grades` or `?what=items` (CSV), or
 * `?what=bundle|moodle|gift&bank=<id>[&lang=zh-CN]` for one of the course's banks; owners only.
 */
export async function courseDownload(request: Request, courseId: string, context: DownloadContext): Promise<Response> {
  const refused = refusedParameters(request, { courseId });
  if (refused) return refused;
  const search = new URL(request.url).searchParams;
  const what = search.get("what") ?? "";
  const caller = callerOf(context);
  try {
    if (STATISTICS.has(what)) return fileResponse(await caller.statistics.csv({ courseId, what: what as "grades" | "items" }));
    if (!BANK_FORMATS.has(what)) return Response.json({ error: "Ask for what=grades, items, bundle, moodle or gift." }, { status: 400 });
    const bankId = search.get("bank") ?? "";
    // The bank must be one of this course's, so the address says what it downloads.
    if (!(await caller.banks.list({ courseId })).some((bank) => bank.id === bankId)) {
      return Response.json({ error: "This course has no such bank." }, { status: 404 });
    }
    const lang = search.get("lang") === "zh-CN" ? "zh-CN" : "en";
    return fileResponse(await caller.banks.export({ bankId, format: what as "bundle" | "moodle" | "gift", lang }));
  } catch (error) {
    return errorResponse(error);
  }
}

const GRADEBOOK_FORMATS = new Set(["canvas", "moodle"]);

/**
 * A course's gradebook of assessments as a CSV another gradebook imports: `?format=canvas` or
 * `?format=moodle` (docs/GRADEBOOK.md); owners only, through `gradebook.csv`.
 */
export async function gradebookDownload(request: Request, courseId: string, context: DownloadContext): Promise<Response> {
  const refused = refusedParameters(request, { courseId });
  if (refused) return refused;
  const format = new URL(request.url).searchParams.get("format") ?? "";
  if (!GRADEBOOK_FORMATS.has(format)) return Response.json({ error: "format: ask for canvas or moodle" }, { status: 400 });
  try {
    return fileResponse(await callerOf(context).gradebook.csv({ courseId, format: format as "canvas" | "moodle" }));
  } catch (error) {
    return errorResponse(error);
  }
}
