import { z } from "zod";
import { answerQuestion } from "../assessments/answer-question";
import { archiveAssessment, reorderAssessments } from "../assessments/arrange-assessments";
import { attemptQuestion } from "../assessments/attempt-question";
import { finishAttempt, getAttempt } from "../assessments/get-attempt";
import { getAssessment, learnerAssessments, listAssessments } from "../assessments/list-assessments";
import { previewRegrade } from "../assessments/regrade-assessment";
import { regradeCandidates } from "../assessments/regrade-candidates";
import { regradeHistory } from "../assessments/regrade-history";
import { regradeJobStatus, requestRegrade } from "../assessments/regrade-request";
import { reportTryMismatch, reportTryMismatchInput } from "../assessments/report-try-mismatch";
import { saveAssessment } from "../assessments/save-assessment";
import { answerInput, assessmentId, attemptId, courseId, questionInput, regradeInput, saveAssessmentInput, startInput } from "../assessments/schemas";
import { startAttempt } from "../assessments/start-attempt";
import { findJobQueue } from "../jobs/job-queue";
import { createRouter, instructorProcedure, learnerProcedure } from "../trpc";

/**
 * Quizzes and exams (issue 14). Instructors build them from their banks and the built-in skills;
 * learners take their own attempt, graded on the server's clock by the assessment's rules.
 */
export const assessmentsRouter = createRouter({
  // ---- instructors ----
  list: instructorProcedure.input(z.object({ courseId })).query(({ ctx, input }) => listAssessments({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
  get: instructorProcedure.input(z.object({ assessmentId })).query(({ ctx, input }) => getAssessment({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId })),
  save: instructorProcedure.input(saveAssessmentInput).mutation(({ ctx, input }) => saveAssessment({ db: ctx.db, userId: ctx.user.id, input, now: ctx.now() })),
  reorder: instructorProcedure
    .input(z.object({ courseId, assessmentIds: z.array(assessmentId).max(500) }))
    .mutation(({ ctx, input }) => reorderAssessments({ db: ctx.db, userId: ctx.user.id, ...input })),
  archive: instructorProcedure.input(z.object({ assessmentId })).mutation(({ ctx, input }) => archiveAssessment({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId, now: ctx.now() })),
  /** The course questions whose attempts hold a version other than the published one. */
  regradeCandidates: instructorProcedure.input(z.object({ assessmentId })).query(({ ctx, input }) => regradeCandidates({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId })),
  /** What regrading a question's stored answers against its published version would change (writes nothing). */
  regradePreview: instructorProcedure.meta({ cost: 10 }).input(regradeInput).query(({ ctx, input }) => previewRegrade({ db: ctx.db, userId: ctx.user.id, ...input })),
  /** Enqueues the regrade (a background job) and answers its job; a second apply answers the same job. */
  regradeApply: instructorProcedure.meta({ cost: 10 }).input(regradeInput).mutation(({ ctx, input }) => requestRegrade({ db: ctx.db, queue: findJobQueue(), userId: ctx.user.id, ...input })),
  /** The question's latest regrade job: queued, running, done with its counts, or failed with a reason. */
  regradeJob: instructorProcedure
    .input(regradeInput.pick({ assessmentId: true, questionId: true }))
    .query(({ ctx, input }) => regradeJobStatus({ db: ctx.db, queue: findJobQueue(), userId: ctx.user.id, ...input })),
  /** The regrades applied to the assessment, newest first, each with its changes. */
  regradeHistory: instructorProcedure.input(z.object({ assessmentId })).query(({ ctx, input }) => regradeHistory({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId })),

  // ---- learners ----
  forCourse: learnerProcedure.input(z.object({ courseId })).query(({ ctx, input }) => learnerAssessments({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId, now: ctx.now() })),
  attempt: learnerProcedure.input(z.object({ assessmentId })).query(({ ctx, input }) => getAttempt({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId, now: ctx.now() })),
  start: learnerProcedure
    .input(startInput)
    .mutation(({ ctx, input }) => startAttempt({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId, pledge: input.pledge, now: ctx.now(), randomSeed: ctx.randomSeed })),
  question: learnerProcedure
    .input(questionInput)
    .query(({ ctx, input }) => attemptQuestion({ db: ctx.db, userId: ctx.user.id, attemptId: input.attemptId, position: input.position, lang: ctx.user.locale, now: ctx.now() })),
  answer: learnerProcedure
    .input(answerInput)
    .mutation(({ ctx, input }) => answerQuestion({ db: ctx.db, userId: ctx.user.id, ...input, lang: ctx.user.locale, now: ctx.now(), fuzz: ctx.schedulerFuzz })),
  finish: learnerProcedure.input(z.object({ attemptId })).mutation(({ ctx, input }) => finishAttempt({ db: ctx.db, userId: ctx.user.id, attemptId: input.attemptId, now: ctx.now() })),
  /** The browser re-ran the check of a graded try whose key it was shown and got a different key. */
  reportMismatch: learnerProcedure
    .input(reportTryMismatchInput)
    .mutation(({ ctx, input }) => reportTryMismatch({ db: ctx.db, userId: ctx.user.id, ...input, now: ctx.now() })),
});
