import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * Errors Stride raises on purpose, each with a code a client can act on and a message a person
 * can read. Anything else that escapes an operation is a system error: logged, and shown as
 * "something went wrong" (STYLE.md §4: never blame the learner for our bug).
 */
export type AppErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_INPUT"
  | "CONFLICT"
  | "UNAVAILABLE"
  /** Too many requests from one user or address; `retryAfterSeconds` says when to try again. */
  | "RATE_LIMITED"
  /** Work that ran past its time limit (a worker task), stopped rather than left to hang. */
  | "TIMEOUT";

export interface AppErrorOptions {
  /** Sent as the Retry-After header (RFC 9110 §10.2.3) with a 429 or a 503. */
  retryAfterSeconds?: number;
  /**
   * The input field at fault (a wrong current password): a client finds it in `fieldErrors`, as
   * for a validation error. The message still starts with the field's name, as every message does.
   */
  field?: string;
  /**
   * A stable id for what was refused ("attempt.timeUp"), so that a page can say it in the
   * learner's language from its `serverErrors` catalogue; the English message stays for API
   * clients and logs. A page that does not know the id shows the message.
   */
  reason?: string;
  /** The values the reason's sentence names (a question's number, a score's bound). */
  params?: ReasonParams;
  /**
   * One reason per field for a refusal that names several (an assessment's broken rules), so a
   * form can word each beside its field; the message still lists them all in English.
   */
  fieldReasons?: readonly FieldReason[];
}

export interface FieldReason {
  field: string;
  reason: string;
  params?: ReasonParams;
}

/** Values a reason's sentence names: plain strings and numbers, safe to send to any browser. */
export type ReasonParams = Readonly<Record<string, string | number>>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;
  readonly fieldReasons: readonly FieldReason[] | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
    this.reason = options.reason;
    this.params = options.params;
    this.fieldReasons = options.fieldReasons;
  }
}

const trpcCodes: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  TIMEOUT: "TIMEOUT",
};

/** The one place where Stride's errors become tRPC errors (and so HTTP statuses). */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AppError) {
    return new TRPCError({ code: trpcCodes[error.code], message: error.message, cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side.", cause: error });
}
