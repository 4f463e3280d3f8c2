/**
 * What a worker thread runs for each task: it looks the task up by name, runs it, and answers
 * a tagged reply rather than throwing, because a thrown error crosses threads as a structured
 * clone that keeps neither its class nor its `code`. The pool turns an `appError` reply back into
 * the AppError it was (a question author's mistake stays a 400), and a `failure` into a system
 * error (a 500, logged with the worker's stack).
 */
import { threadId } from "node:worker_threads";
import type { AppErrorCode, ReasonParams } from "../errors";

export interface TaskRequest {
  name: string;
  input: unknown;
}

export type TaskReply =
  | { ok: true; threadId: number; output: unknown }
  | { ok: false; threadId: number; appError: CrossThreadAppError }
  | { ok: false; threadId: number; failure: { name: string; message: string; stack?: string } };

/** What an AppError keeps on its way back: the code, the English message, and what lets a page word it in the learner's language. */
export interface CrossThreadAppError {
  code: AppErrorCode;
  message: string;
  retryAfterSeconds?: number;
  reason?: string;
  params?: ReasonParams;
}

export type TaskHandlers = Record<string, (input: never) => unknown>;

/**
 * An AppError, recognised by its name and code rather than `instanceof`: the worker loads our
 * modules through tsx, sometimes as CommonJS and sometimes as ESM, so one file may be two classes.
 */
function asAppError(error: unknown): CrossThreadAppError | null {
  if (!(error instanceof Error) || error.name !== "AppError" || !("code" in error) || typeof error.code !== "string") return null;
  const retryAfterSeconds = "retryAfterSeconds" in error && typeof error.retryAfterSeconds === "number" ? error.retryAfterSeconds : undefined;
  const reason = "reason" in error && typeof error.reason === "string" ? error.reason : undefined;
  const params = "params" in error && error.params && typeof error.params === "object" ? (error.params as ReasonParams) : undefined;
  return { code: error.code as AppErrorCode, message: error.message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}), ...(reason ? { reason } : {}), ...(params ? { params } : {}) };
}

export function createTaskDispatcher(handlers: TaskHandlers) {
  return async function dispatch({ name, input }: TaskRequest): Promise<TaskReply> {
    try {
      if (!Object.hasOwn(handlers, name)) throw new Error(`no worker task is named "${name}"`);
      return { ok: true, threadId, output: await handlers[name]!(input as never) };
    } catch (error) {
      const appError = asAppError(error);
      if (appError) return { ok: false, threadId, appError };
      const { name: errorName = "Error", message = String(error), stack } = error instanceof Error ? error : {};
      return { ok: false, threadId, failure: { name: errorName, message, stack } };
    }
  };
}
