/**
 * Applying a regrade as a background job: the request enqueues it
 * (lib/server/assessments/regrade-request.ts) and a worker grades the question's stored answers
 * again on the worker-thread pool and writes every change in one transaction
 * (lib/server/assessments/regrade-assessment.ts). The regrade page follows the job.
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { applyRegrade } from "../assessments/regrade-assessment";
import { requestRegradeScoreSyncs } from "../lti/score-sync";

export const REGRADE_ASSESSMENT_JOB = "regrade-assessment";

/** One job at a time waits per question of an assessment (the queue's singleton key). */
export function regradeJobKey(assessmentId: string, questionId: string): string {
  return `${assessmentId}:${questionId}`;
}

const dataSchema = z.object({ userId: z.string().min(1), assessmentId: z.string().min(1), questionId: z.string().min(1), allowLower: z.boolean() });

export type RegradeAssessmentData = z.infer<typeof dataSchema>;

export type RegradeAssessmentOutput = { regradeId: string | null; toVersion: number; affected: number; changed: number };

export function regradeAssessmentHandler({ db, now }: { db: PrismaClient; now: () => Date }) {
  return async (data: unknown): Promise<RegradeAssessmentOutput> => {
    const { userId, assessmentId, questionId, allowLower } = dataSchema.parse(data);
    // The instructor's ownership is checked again: they may have left the course since asking.
    const result = await applyRegrade({ db, userId, assessmentId, questionId, allowLower, now: now() });
    // Grade passback to the LMS: the attempts whose points the regrade changed send their new score.
    if (result.regradeId && result.changed > 0) await requestRegradeScoreSyncs(db, result.regradeId, now());
    return result;
  };
}
