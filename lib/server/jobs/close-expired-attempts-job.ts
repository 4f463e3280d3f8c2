/**
 * The minute's sweep that closes attempts past their deadline which nobody read
 * (lib/server/assessments/close-expired-attempts.ts): a scheduled job, so one instance runs it
 * each minute however many are up (pg-boss's cron sends one job a minute per queue), and a sweep
 * that overlaps a reader or another sweep changes nothing twice.
 */
import type { PrismaClient } from "@/lib/db";
import { closeExpiredAttempts } from "../assessments/close-expired-attempts";
import type { Logger } from "../observability/logger";
import type { JobQueue } from "./job-queue";

export const CLOSE_EXPIRED_ATTEMPTS_JOB = "close-expired-attempts";
/** Every minute (cron, UTC): an attempt nobody opens ends at most a minute after its deadline, as of its deadline. */
export const CLOSE_EXPIRED_ATTEMPTS_CRON = "* * * * *";

export function closeExpiredAttemptsHandler({ db, now }: { db: PrismaClient; now: () => Date }) {
  return async () => closeExpiredAttempts({ db, now: now() });
}

/** Works this process's share of the sweeps and (idempotently) schedules them. */
export async function startClosingExpiredAttempts({ queue, db, logger, now }: { queue: JobQueue; db: PrismaClient; logger: Pick<Logger, "info" | "error">; now: () => Date }) {
  const sweep = closeExpiredAttemptsHandler({ db, now });
  await queue.work(CLOSE_EXPIRED_ATTEMPTS_JOB, async (_data, job) => {
    try {
      const result = await sweep();
      // A quiet minute is not worth a log line.
      if (result.closed > 0) logger.info({ job: CLOSE_EXPIRED_ATTEMPTS_JOB, jobId: job.id, closed: result.closed }, "job done");
      return result;
    } catch (error) {
      logger.error({ job: CLOSE_EXPIRED_ATTEMPTS_JOB, jobId: job.id, err: error }, "job failed");
      throw error;
    }
  });
  await queue.schedule(CLOSE_EXPIRED_ATTEMPTS_JOB, CLOSE_EXPIRED_ATTEMPTS_CRON);
}
