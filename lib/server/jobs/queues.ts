/**
 * Every queue Stride runs, with its retry policy, and the workers that serve them. A new kind of
 * background job (grade passback, regrading) adds its queue here and its handler beside
 * ./optimize-parameters-job.ts.
 */
import type { PrismaClient } from "@/lib/db";
import type { Logger } from "../observability/logger";
import { CLOSE_EXPIRED_ATTEMPTS_JOB, startClosingExpiredAttempts } from "./close-expired-attempts-job";
import type { JobQueue } from "./job-queue";
import { LTI_ROSTER_SYNC_JOB, startLtiRosterSyncs } from "./lti-roster-sync-job";
import { LTI_SCORE_SYNC_JOB, LTI_SCORE_SYNC_RETRY_DELAY_SECONDS, LTI_SCORE_SYNC_SWEEP_JOB, startLtiScoreSyncs } from "./lti-score-sync-job";
import { MAX_SCORE_SYNC_TRIES } from "../lti/score-sync";
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
  // Grade passback: an LMS that is down or throttling (5xx, 429, network) is tried again after
  // 15 s, 30 s, 1 min, … (pg-boss's exponential backoff), MAX_SCORE_SYNC_TRIES sends in all; the
  // handler marks the sync failed on the last one or on a permanent 4xx.
  [LTI_SCORE_SYNC_JOB]: { retryLimit: MAX_SCORE_SYNC_TRIES - 1, retryDelay: LTI_SCORE_SYNC_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 120 },
  // No retry: the next sweep (every minute) does whatever a lost or failed one left.
  [LTI_SCORE_SYNC_SWEEP_JOB]: { retryLimit: 0, expireInSeconds: 300 },
  // A roster read is idempotent: retried three times, 30 s, 1 min, 2 min apart.
  [LTI_ROSTER_SYNC_JOB]: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
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
  await startLtiScoreSyncs({ queue, db, logger, now });
  await startLtiRosterSyncs({ queue, db, logger, now });
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
