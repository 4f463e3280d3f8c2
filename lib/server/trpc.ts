/**
 * Stride's tRPC setup, read top to bottom: the context every procedure sees, the initialisation
 * (with the error formatter that turns validation errors into messages naming the field), then
 * the procedure builders routers use.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { dateTransformer } from "@/lib/api/date-transformer";
import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { AppError, toTrpcError } from "./errors";
import { observeProcedureCall } from "./observability/trpc-observation";

// ---- context ----

export type Role = "learner" | "instructor" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Lang;
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
}

export interface ContextOptions {
  db: PrismaClient;
  user: SessionUser | null;
  now?: () => Date;
  schedulerFuzz?: boolean;
  ip?: string | null;
  requestId?: string;
}

export function createContext(options: ContextOptions): Context {
  return {
    db: options.db,
    user: options.user,
    now: options.now ?? (() => new Date()),
    schedulerFuzz: options.schedulerFuzz ?? false,
    ip: options.ip ?? null,
    requestId: options.requestId ?? crypto.randomUUID(),
  };
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

const t = initTRPC.context<Context>().create({
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
    const fieldErrors = issues
      ? Object.fromEntries(issues.map((issue) => [issue.path.map(String).join(".") || "input", issue.message]))
      : null;
    // Only what a client needs; never the stack.
    const { code, httpStatus, path } = shape.data;
    return { ...shape, message, data: { code, httpStatus, path, fieldErrors } };
  },
});

// ---- procedures ----

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Operations throw AppError; this turns it into the matching tRPC error (and HTTP status). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(observeProcedureCall).use(appErrors);

export const learnerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const instructorProcedure = learnerProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "instructor" && ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only instructors can do this." });
  }
  return next({ ctx });
});
