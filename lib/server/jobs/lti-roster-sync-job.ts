/**
 * The LMS roster as a background job (lib/server/lti/roster.ts): `lti-roster-sync` reads one LMS
 * course's NRPS membership container and adds its active learners to the linked Stride course.
 * Enqueued by an instructor's launch and by the course owner's "sync roster" in the gradebook;
 * one waits at a time per LMS course. A failure is retried a few times with backoff (a roster
 * read is idempotent).
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { LTI_ROSTER_SYNC_JOB, syncRoster } from "../lti/roster";
import type { Logger } from "../observability/logger";
import type { JobQueue } from "./job-queue";

export { LTI_ROSTER_SYNC_JOB };

const dataSchema = z.object({ ltiContextId: z.string().min(1) });

export async function startLtiRosterSyncs({ queue, db, logger, now }: { queue: JobQueue; db: PrismaClient; logger: Pick<Logger, "info" | "error">; now: () => Date }) {
  await queue.work<{ ltiContextId: string }>(LTI_ROSTER_SYNC_JOB, async (data, job) => {
    const { ltiContextId } = dataSchema.parse(data);
    try {
      const result = await syncRoster({ db, ltiContextId, now });
      logger.info({ job: LTI_ROSTER_SYNC_JOB, jobId: job.id, ltiContextId, ...result }, "job done");
      return result;
    } catch (error) {
      logger.error({ job: LTI_ROSTER_SYNC_JOB, jobId: job.id, ltiContextId, err: error }, "job failed");
      throw error;
    }
  });
}
