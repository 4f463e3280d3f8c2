/**
 * Applying a regrade as a background job: the request checks who asks and whether anything is left
 * to move, then enqueues the job (lib/server/jobs/regrade-assessment-job.ts), whose worker grades
 * the stored answers again and writes the result atomically (./regrade-assessment.ts). The
 * regrade page follows the job by its assessment and question until it is done or failed.
 */
import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import type { JobQueue, JobState } from "../jobs/job-queue";
import { REGRADE_ASSESSMENT_JOB, regradeJobKey, type RegradeAssessmentOutput } from "../jobs/regrade-assessment-job";
import { questionTemplateId } from "../questions/template-id";
import { requireAssessmentOwner } from "./regrade-assessment";

/** What the regrade page shows of a question's latest regrade job (no stack, no internals). */
export type RegradeJobView = {
  /** Null when nothing was left to move, so no job was needed. */
  jobId: string | null;
  state: JobState;
  requestedAt: Date | null;
  finishedAt: Date | null;
  /** The counts, once done. */
  result: RegradeAssessmentOutput | null;
  /**
   * Why a failed job failed, when it was our expected error (an AppError: its English message and
   * its reason id, which the page words in its language); else null ("something went wrong").
   */
  error: RegradeJobError | null;
};

export type RegradeJobError = { message: string; reason: string | null; params: Record<string, string | number> | null };

type FailedOutput = { name?: unknown; message?: unknown; reason?: unknown; params?: unknown };

/** Only strings and finite numbers pass on as a reason's values, as the error formatter does. */
function reasonParams(params: unknown): Record<string, string | number> | null {
  if (!params || typeof params !== "object") return null;
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | number] => typeof entry[1] === "string" || (typeof entry[1] === "number" && Number.isFinite(entry[1]))));
}

/** A job's failure as the page may see it: an AppError (serialised by pg-boss) says why; anything else is ours. */
function failureOf(output: FailedOutput | null): RegradeJobError | null {
  if (output?.name !== "AppError" || typeof output.message !== "string") return null;
  return { message: output.message, reason: typeof output.reason === "string" ? output.reason : null, params: reasonParams(output.params) };
}

type Target = { assessmentId: string; questionId: string };

/** The latest regrade job of this assessment's question, as the page may see it. */
export async function regradeJobOf({ queue, assessmentId, questionId }: Target & { queue: JobQueue }): Promise<RegradeJobView | null> {
  const job = await queue.latestJob<RegradeAssessmentOutput & FailedOutput>(REGRADE_ASSESSMENT_JOB, regradeJobKey(assessmentId, questionId));
  if (!job) return null;
  const output = job.output;
  const result =
    job.state === "done" && output && typeof output.affected === "number"
      ? { regradeId: output.regradeId, toVersion: output.toVersion, affected: output.affected, changed: output.changed }
      : null;
  // An AppError's message is written for the instructor; anything else is a system error, logged
  // by the worker. Either way the transaction wrote nothing.
  const error = job.state === "failed" ? failureOf(output) : null;
  return { jobId: job.id, state: job.state, requestedAt: job.createdAt, finishedAt: job.finishedAt, result, error };
}

/**
 * The question's published version and how many attempt questions still hold another one: a cheap
 * count, no grading, so a repeated apply answers "nothing to change" without a job.
 */
async function staleCount(db: PrismaClient, { assessmentId, questionId }: Target) {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { publishedVersion: true } });
  const target = question?.publishedVersion ? await db.questionVersion.findUnique({ where: { questionId_version: { questionId, version: question.publishedVersion } }, select: { id: true, version: true } }) : null;
  if (!target) throw new AppError("BAD_INPUT", "questionId: this question has no published version to regrade against", { field: "questionId", reason: "regrade.noPublishedVersion" });
  const stale = await db.attemptQuestion.count({ where: { templateId: questionTemplateId(questionId), attempt: { assessmentId }, NOT: { questionVersionId: target.id } } });
  return { toVersion: target.version, stale };
}

/**
 * "Apply regrade": enqueues the regrade of one question of an assessment and answers its job.
 * Idempotent: while a job for this question waits or runs, a second apply (a double click, a
 * second instructor, another instance) answers that job rather than enqueuing another (pg-boss's
 * singleton key covers two applies in the same instant); once it has run, an apply finds nothing
 * on an older version and answers "done, nothing changed" without a job. A job waiting with the
 * other `allowLower` is answered as it is: it decides.
 */
export async function requestRegrade({
  db,
  queue,
  userId,
  assessmentId,
  questionId,
  allowLower,
}: Target & {
  db: PrismaClient;
  /** The process's queue; undefined when none was started (a server not started by `npm start`). */
  queue: JobQueue | undefined;
  userId: string;
  allowLower: boolean;
}): Promise<RegradeJobView> {
  await requireAssessmentOwner(db, assessmentId, userId);
  const current = queue ? await regradeJobOf({ queue, assessmentId, questionId }) : null;
  if (current && (current.state === "queued" || current.state === "running")) return current;
  const { toVersion, stale } = await staleCount(db, { assessmentId, questionId });
  if (stale === 0) {
    return { jobId: null, state: "done", requestedAt: null, finishedAt: null, result: { regradeId: null, toVersion, affected: 0, changed: 0 }, error: null };
  }
  if (!queue) throw new AppError("UNAVAILABLE", "Regrading is not available right now; try again later.", { reason: "regrade.unavailable" });
  await queue.send(REGRADE_ASSESSMENT_JOB, { userId, assessmentId, questionId, allowLower }, { singletonKey: regradeJobKey(assessmentId, questionId) });
  const queued = await regradeJobOf({ queue, assessmentId, questionId });
  if (!queued) throw new Error("the regrade job was sent but cannot be found");
  return queued;
}

/** The question's latest regrade job, for the page to follow; null when there is none (or no queue). */
export async function regradeJobStatus({ db, queue, userId, assessmentId, questionId }: Target & { db: PrismaClient; queue: JobQueue | undefined; userId: string }) {
  await requireAssessmentOwner(db, assessmentId, userId);
  return queue ? regradeJobOf({ queue, assessmentId, questionId }) : null;
}
