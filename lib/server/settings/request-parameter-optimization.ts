import type { PrismaClient } from "@/lib/db";
import { MIN_REVIEWS_TO_OPTIMIZE } from "@/lib/srs/optimizer/optimize-parameters";
import { AppError } from "../errors";
import type { JobQueue, JobState } from "../jobs/job-queue";
import { OPTIMIZE_PARAMETERS_JOB } from "../jobs/optimize-parameters-job";
import { countOptimizableReviews } from "./learner-settings";

/** What the settings page shows of the learner's latest optimizer run. */
export type OptimizerJobView = {
  state: JobState;
  requestedAt: Date;
  finishedAt: Date | null;
  /** Why a failed run failed, when it was our expected error (too few reviews); else null. */
  error: string | null;
};

/** The learner's latest optimizer job, as the page may see it (no stack, no internals). */
export async function optimizerJobOf({ queue, userId }: { queue: JobQueue; userId: string }): Promise<OptimizerJobView | null> {
  const job = await queue.latestJob<{ message?: unknown; name?: unknown }>(OPTIMIZE_PARAMETERS_JOB, userId);
  if (!job) return null;
  // An AppError's message is written for the learner; anything else is a system error, logged
  // by the worker and shown as "something went wrong".
  const error = job.state === "failed" && job.output?.name === "AppError" && typeof job.output.message === "string" ? job.output.message : null;
  return { state: job.state, requestedAt: job.createdAt, finishedAt: job.finishedAt, error };
}

/**
 * "Optimise my parameters": checks that the learner has enough reviews and enqueues the optimizer
 * (lib/server/jobs/optimize-parameters-job.ts), which runs off the request. A run already
 * waiting or running is answered instead of a second one, so a double click (or two instances)
 * enqueues once.
 */
export async function requestParameterOptimization({
  db,
  queue,
  userId,
}: {
  db: PrismaClient;
  /** The process's queue; undefined when none was started (a server not started by `npm start`). */
  queue: JobQueue | undefined;
  userId: string;
}): Promise<OptimizerJobView> {
  const reviews = await countOptimizableReviews(db, userId);
  if (reviews < MIN_REVIEWS_TO_OPTIMIZE) {
    throw new AppError("BAD_INPUT", `optimize: it needs at least ${MIN_REVIEWS_TO_OPTIMIZE} reviews of your own; you have ${reviews}.`, { reason: "settings.tooFewReviews", params: { needed: MIN_REVIEWS_TO_OPTIMIZE, reviews } });
  }
  if (!queue) throw new AppError("UNAVAILABLE", "The optimizer is not available right now; try again later.", { reason: "settings.optimizerUnavailable" });
  const current = await optimizerJobOf({ queue, userId });
  if (current && (current.state === "queued" || current.state === "running")) return current;
  await queue.send(OPTIMIZE_PARAMETERS_JOB, { userId }, { singletonKey: userId });
  const queued = await optimizerJobOf({ queue, userId });
  if (!queued) throw new Error("the optimizer job was sent but cannot be found");
  return queued;
}
