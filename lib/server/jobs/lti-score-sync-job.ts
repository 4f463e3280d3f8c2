/**
 * Grade passback as background jobs (lib/server/lti/score-sync.ts): `lti-score-sync` sends one
 * sync row's score to its LMS; a retryable failure (5xx, 429, network) throws, and pg-boss runs
 * the job again after an exponentially growing delay (queues.ts: 15 s, 30 s, 1 min, … about
 * 30 minutes in all), while a permanent one marks the row failed and ends the job. The sweep
 * `lti-score-sync-sweep` (every minute) sends the jobs of rows left pending without one (a row
 * written while no queue ran, a job lost), and releases the held scores whose learners may now see
 * them (their close has passed), sending their jobs. Every minute, so a score held until the close reaches the LMS
 * within a minute of it; both are one indexed query when there is nothing to do.
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { LTI_SCORE_SYNC_JOB, releaseHeldScoreSyncs, resendStalledScoreSyncs, runScoreSync } from "../lti/score-sync";
import type { Logger } from "../observability/logger";
import type { JobQueue } from "./job-queue";

export { LTI_SCORE_SYNC_JOB };
export const LTI_SCORE_SYNC_SWEEP_JOB = "lti-score-sync-sweep";
export const LTI_SCORE_SYNC_SWEEP_CRON = "* * * * *";

/** First retry delay in seconds; pg-boss doubles it each retry (retryBackoff). */
export const LTI_SCORE_SYNC_RETRY_DELAY_SECONDS = 15;

const dataSchema = z.object({ syncId: z.string().min(1) });

export async function startLtiScoreSyncs({ queue, db, logger, now }: { queue: JobQueue; db: PrismaClient; logger: Pick<Logger, "info" | "error">; now: () => Date }) {
  await queue.work<{ syncId: string }>(LTI_SCORE_SYNC_JOB, async (data, job) => {
    const { syncId } = dataSchema.parse(data);
    const outcome = await runScoreSync({ db, syncId, now });
    if (outcome?.retryable) throw new Error(`grade passback will be retried: ${outcome.error}`);
    if (outcome) logger.info({ job: LTI_SCORE_SYNC_JOB, jobId: job.id, syncId, status: outcome.status, tries: outcome.tries }, "job done");
    return outcome;
  });
  await queue.work(LTI_SCORE_SYNC_SWEEP_JOB, async (_data, job) => {
    // Stalled rows first: a score released here has its job sent here, and is not stalled.
    const resent = await resendStalledScoreSyncs({ db, queue, now: now() });
    const released = await releaseHeldScoreSyncs({ db, queue, now: now() });
    if (released > 0 || resent > 0) logger.info({ job: LTI_SCORE_SYNC_SWEEP_JOB, jobId: job.id, released, resent }, "job done");
    return { released, resent };
  });
  await queue.schedule(LTI_SCORE_SYNC_SWEEP_JOB, LTI_SCORE_SYNC_SWEEP_CRON);
}
