/**
 * Stride's tRPC setup, read top to bottom: the context every procedure sees, the initialisation
 * (with the error formatter that turns validation errors into messages naming the field), then
 * the procedure builders routers use.
 */
import { initTRPC } from "@trpc/server";
import { dateTransformer } from "@/lib/api/date-transformer";
import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { guardRawInput, type InputLimits } from "./edge/input-guard";
import { AppError, toTrpcError } from "./errors";
import { observeProcedureCall } from "./observability/trpc-observation";
import type { RequestLimiter } from "./rate-limit/request-limiter";
import { randomSeed, type SeedSource } from "./reviews/random-seed";

// ---- context ----

export type Role = "learner" | "instructor" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Lang;
  /**
   * The zone pages format times in, from the session (up to a minute old after a change); null
   * until the learner has one. Days are counted from the database's copy (the learner snapshot).
   */
  timeZone?: string | null;
  /**
   * When the request's session was opened (better-auth's session `createdAt`: a sign-in, or a
   * launch from an LMS): what deleting an account without a password checks is recent
   * (lib/server/account/fresh-session.ts). Absent for in-process callers that read no session.
   */
  sessionCreatedAt?: Date;
}

export interface Context {
  db: PrismaClient;
  user: SessionUser | null;
  /** The clock, injected so that tests can review a card "tomorrow". */
  now: () => Date;
  /** Whether FSRS fuzzes intervals: on in the app, off in tests so that due dates are exact. */
  schedulerFuzz: boolean;
  /** Who sent the request, for per-IP limits; null for in-process callers (pages, tests). */
  ip: string | null;
  /** Names the request in logs and in the `x-request-id` response header. */
  requestId: string;
  /** Counts calls per user and address (HTTP requests); null for in-process callers and tests. */
  limiter: RequestLimiter | null;
  /**
   * Signs the request's browser out once the call has answered (the account was deleted): the
   * HTTP edge expires the session cookies on the response. A no-op for in-process callers.
   */
  endSession: () => void;
  /** Seeds of new review variants; tests inject a source that repeats. */
  randomSeed: SeedSource;
}

export interface ContextOptions {
  db: PrismaClient;
  user: SessionUser | null;
  now?: () => Date;
  schedulerFuzz?: boolean;
  ip?: string | null;
  requestId?: string;
  limiter?: RequestLimiter | null;
  endSession?: () => void;
  randomSeed?: SeedSource;
}

export function createContext(options: ContextOptions): Context {
  return {
    db: options.db,
    user: options.user,
    now: options.now ?? (() => new Date()),
    schedulerFuzz: options.schedulerFuzz ?? false,
    ip: options.ip ?? null,
    requestId: options.requestId ?? crypto.randomUUID(),
    limiter: options.limiter ?? null,
    endSession: options.endSession ?? (() => undefined),
    randomSeed: options.randomSeed ?? randomSeed,
  };
}

/** What a procedure may declare about itself with `.meta({...})`. */
export interface ProcedureMeta {
  /** Rate-limit points a call costs (default 1): heavy procedures cost more. */
  cost?: number;
  /** Raises the input guard's limits for this procedure (a bundle is a 5 MB string). */
  inputLimits?: Partial<InputLimits>;
  /** The largest request body (bytes) the HTTP edge accepts for this procedure. */
  maxBodyBytes?: number;
}

// ---- initialisation ----

interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

function validationIssues(cause: unknown): ValidationIssue[] | null {
  if (cause && typeof cause === "object" && "issues" in cause && Array.isArray(cause.issues)) {
    return cause.issues as ValidationIssue[];
  }
  return null;
}

function describeIssue(issue: ValidationIssue): string {
  const field = issue.path.map(String).join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: dateTransformer,
  // Stack traces are for our logs, never for a learner's browser.
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues = error.code === "BAD_REQUEST" ? validationIssues(error.cause) : null;
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side."
        : issues
          ? issues.map(describeIssue).join("; ")
          : shape.message;
    const appField = error.cause instanceof AppError ? error.cause.field : undefined;
    const fieldErrors = issues
      ? Object.fromEntries(issues.map((issue) => [issue.path.map(String).join(".") || "input", issue.message]))
      : appField
        ? { [appField]: message }
        : null;
    // Only what a client needs; never the stack.
    const { code, httpStatus, path } = shape.data;
    const appError = error.cause instanceof AppError ? error.cause : null;
    const retryAfterSeconds = appError?.retryAfterSeconds ?? null;
    // What was refused, as an id a page words in its own language (app/_components/server-message.ts).
    const reason = appError?.reason ?? null;
    const params = reason ? (appError?.params ?? null) : null;
    const fieldReasons = appError?.fieldReasons ?? null;
    return { ...shape, message, data: { code, httpStatus, path, fieldErrors, retryAfterSeconds, reason, params, fieldReasons } };
  },
});

// ---- procedures ----

async function accountExists(db: PrismaClient, userId: string): Promise<boolean> {
  try {
    return (await db.user.count({ where: { id: userId } })) > 0;
  } catch {
    // The database itself failing is the error to report, not a missing account.
    return true;
  }
}

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Operations throw AppError; this turns it into the matching tRPC error (and HTTP status). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
  return result;
});

/** Every call counts against its caller's limits (lib/server/rate-limit), heavy ones more. */
const requestLimits = t.middleware(async ({ ctx, meta, next }) => {
  await ctx.limiter?.charge({ userId: ctx.user?.id ?? null, ip: ctx.ip, cost: meta?.cost ?? 1 });
  return next();
});

/** NUL bytes, depth, size: refused with a 400 naming the field before zod sees the input (lib/server/edge). */
const inputGuard = t.middleware(async ({ getRawInput, meta, next }) => {
  await guardRawInput(getRawInput, meta?.inputLimits);
  return next();
});

const baseProcedure = t.procedure.use(observeProcedureCall).use(appErrors).use(requestLimits);

const signedIn = baseProcedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw toTrpcError(new AppError("UNAUTHORIZED", "Sign in to continue.", { reason: "auth.signIn" }));
  const result = await next({ ctx: { ...ctx, user: ctx.user } });
  // A deleted account's other devices keep the signed copy of its session for up to a minute
  // (the cookie cache): whatever they ask then finds no user row and fails on a missing row or
  // key. Only such a failure pays for the look-up; the procedures stay free of the check.
  // An AppError is an answer the procedure chose (appErrors, further out, gives it its status).
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && !(result.error.cause instanceof AppError) && !(await accountExists(ctx.db, ctx.user.id))) {
    throw toTrpcError(new AppError("UNAUTHORIZED", "This account no longer exists. Sign in again.", { reason: "auth.accountGone" }));
  }
  return result;
});

const instructorsOnly = signedIn.use(({ ctx, next }) => {
  if (ctx.user.role !== "instructor" && ctx.user.role !== "admin") {
    throw toTrpcError(new AppError("FORBIDDEN", "Only instructors can do this.", { reason: "auth.instructorsOnly" }));
  }
  return next({ ctx });
});

// The input guard comes after who-may-call: a visitor is told to sign in before any of their
// input is parsed, however large.
export const publicProcedure = baseProcedure.use(inputGuard);
export const learnerProcedure = signedIn.use(inputGuard);
export const instructorProcedure = instructorsOnly.use(inputGuard);
