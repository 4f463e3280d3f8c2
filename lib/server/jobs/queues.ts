/**
 * Every queue Stride runs, with its retry policy, and the workers that serve them. A new kind of
 * background job (grade passback, regrading) adds its queue here and its handler beside
 * ./optimize-parameters-job.ts.
 */
import type { PrismaClient } from "@/lib/db";
import type { Logger } from "../observability/logger";
import { CLOSE_EXPIRED_ATTEMPTS_JOB, startClosingExpiredAttempts } from "./close-expired-attempts-job";
import type { JobQueue } from "./job-queue";
import { OPTIMIZE_PARAMETERS_JOB, optimizeParametersHandler } from "./optimize-parameters-job";
import type { QueueDefinition } from "./pg-boss-queue";
import { REGRADE_ASSESSMENT_JOB, type RegradeAssessmentData, regradeAssessmentHandler } from "./regrade-assessment-job";

export const QUEUES: Record<string, QueueDefinition> = {
  // One retry: a run lost with its process is worth repeating; a run that threw will throw again.
  // The optimizer takes seconds on a few thousand reviews; ten minutes means the process died.
  [OPTIMIZE_PARAMETERS_JOB]: { retryLimit: 1, expireInSeconds: 600 },
  // No retry: the next minute's sweep does whatever a lost or failed one left.
  [CLOSE_EXPIRED_ATTEMPTS_JOB]: { retryLimit: 0, expireInSeconds: 300 },
  // A regrade writes in one transaction, so a retry after a lost run starts clean; its grading
  // runs on the worker pool in batches, and its transaction is allowed a minute.
  [REGRADE_ASSESSMENT_JOB]: { retryLimit: 1, expireInSeconds: 300 },
};

export type StartJobWorkersOptions = {
  queue: JobQueue;
  db: PrismaClient;
  logger: Pick<Logger, "info" | "error">;
  now?: () => Date;
};

/** Starts this process's workers: each job runs here, off any request, one at a time per queue. */
export async function startJobWorkers({ queue, db, logger, now = () => new Date() }: StartJobWorkersOptions): Promise<void> {
  await startClosingExpiredAttempts({ queue, db, logger, now });
  const optimize = optimizeParametersHandler({ db, now });
  await queue.work<{ userId: string }>(OPTIMIZE_PARAMETERS_JOB, async (data, job) => {
    const started = Date.now();
    try {
      const result = await optimize(data);
      logger.info({ job: OPTIMIZE_PARAMETERS_JOB, jobId: job.id, userId: data.userId, durationMs: Date.now() - started, applied: result.applied }, "job done");
      return result;
    } catch (error) {
      logger.error({ job: OPTIMIZE_PARAMETERS_JOB, jobId: job.id, userId: data.userId, err: error }, "job failed");
      throw error;
    }
  });
  const regrade = regradeAssessmentHandler({ db, now });
  await queue.work<RegradeAssessmentData>(REGRADE_ASSESSMENT_JOB, async (data, job) => {
    const started = Date.now();
    try {
      const result = await regrade(data);
      logger.info({ job: REGRADE_ASSESSMENT_JOB, jobId: job.id, assessmentId: data.assessmentId, questionId: data.questionId, durationMs: Date.now() - started, affected: result.affected, changed: result.changed }, "job done");
      return result;
    } catch (error) {
      logger.error({ job: REGRADE_ASSESSMENT_JOB, jobId: job.id, assessmentId: data.assessmentId, questionId: data.questionId, err: error }, "job failed");
      throw error;
    }
  });
}
