import { TRPCClientError } from "@trpc/client";

/**
 * Whether a failed API call never got an answer from Stride: the request did not leave the device,
 * the connection dropped, or something in between (a proxy, the service worker while offline)
 * answered with a page that is not the API's. The API's own errors always carry their shape
 * (`data`), so they are never mistaken for a lost connection and are never retried.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return error instanceof TypeError;
  return (error as { data?: unknown }).data == null;
}

/** What the learner is told about an answer on its way: nothing, kept until the connection returns, being tried again, or not sent. */
export type SubmitNotice = "waiting" | "retrying" | "failed" | null;

export function submitNotice({
  isPaused,
  isPending,
  failureCount,
  error,
}: {
  /** TanStack Query pauses a mutation while the browser says it is offline. */
  isPaused: boolean;
  isPending: boolean;
  failureCount: number;
  error: unknown;
}): SubmitNotice {
  if (isPending && isPaused) return "waiting";
  if (isPending && failureCount > 0) return "retrying";
  if (!isPending && error && isConnectionFailure(error)) return "failed";
  return null;
}

/** Tries of one submission while the connection keeps failing (time offline does not count: the mutation is paused then). */
export const MAX_SUBMIT_TRIES = 8;

/** 1 s, 2 s, 4 s, … up to 15 s between tries. */
export function submitRetryDelay(failureCount: number): number {
  return Math.min(1000 * 2 ** failureCount, 15_000);
}
