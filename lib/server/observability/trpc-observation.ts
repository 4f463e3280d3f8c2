/**
 * The tRPC middleware that measures every procedure call (lib/server/trpc.ts puts it first, so it
 * sees rate-limit and validation refusals too): its latency and outcome, its error code, and
 * graded answers by correctness (./metrics.ts). The request's log line is written once per HTTP
 * request by ./http-observation.ts; a system error is logged there with its stack.
 */
import { experimental_standaloneMiddleware } from "@trpc/server";
import { getMetrics } from "./metrics";

/** A graded answer, as review.submit answers it (lib/server/reviews/submit-answer.ts). */
function gradedCorrectness(data: unknown): boolean | null {
  if (!data || typeof data !== "object") return null;
  const { status, correct } = data as { status?: unknown; correct?: unknown };
  return status === "graded" && typeof correct === "boolean" ? correct : null;
}

export const observeProcedureCall = experimental_standaloneMiddleware<{ ctx: object }>().create(async ({ path, type, next }) => {
  const metrics = getMetrics();
  const stop = metrics.trpcDuration.startTimer({ procedure: path, type });
  const result = await next();
  if (result.ok) {
    stop({ status: "ok" });
    const correct = gradedCorrectness(result.data);
    if (correct !== null) metrics.gradedAnswers.inc({ correct: String(correct) });
  } else {
    stop({ status: result.error.code });
    metrics.trpcErrors.inc({ procedure: path, code: result.error.code });
  }
  return result;
});
