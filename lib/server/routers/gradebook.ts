import { accommodateLearner } from "../assessments/gradebook/accommodate-learner";
import { assessmentStatistics } from "../assessments/gradebook/assessment-statistics";
import { courseGradebook } from "../assessments/gradebook/course-gradebook";
import { gradebookAttempt } from "../assessments/gradebook/gradebook-attempt";
import { gradebookCsv } from "../assessments/gradebook/gradebook-csv";
import { overrideScore } from "../assessments/gradebook/override-score";
import { accommodateInput, assessmentStatisticsInput, courseGradebookInput, gradebookAttemptInput, gradebookCsvInput, overrideScoreInput } from "../assessments/gradebook/schemas";
import { syncCourseRoster } from "../lti/roster";
import { createRouter, instructorProcedure } from "../trpc";

/**
 * The instructors' gradebook of quizzes and exams (issue 14): learners × assessments, one attempt
 * in full, manual overrides with a reason, accommodations, statistics, and the CSV files that
 * Canvas and Moodle import. Owners of the course only; anyone else's course is NOT_FOUND.
 */
export const gradebookRouter = createRouter({
  course: instructorProcedure.meta({ cost: 2 }).input(courseGradebookInput).query(({ ctx, input }) => courseGradebook({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId, now: ctx.now() })),
  attempt: instructorProcedure.input(gradebookAttemptInput).query(({ ctx, input }) => gradebookAttempt({ db: ctx.db, userId: ctx.user.id, attemptId: input.attemptId, now: ctx.now() })),
  overrideScore: instructorProcedure.input(overrideScoreInput).mutation(({ ctx, input }) => overrideScore({ db: ctx.db, userId: ctx.user.id, input, now: ctx.now() })),
  accommodate: instructorProcedure.input(accommodateInput).mutation(({ ctx, input }) => accommodateLearner({ db: ctx.db, userId: ctx.user.id, input, now: ctx.now() })),
  statistics: instructorProcedure.meta({ cost: 5 }).input(assessmentStatisticsInput).query(({ ctx, input }) => assessmentStatistics({ db: ctx.db, userId: ctx.user.id, assessmentId: input.assessmentId, now: ctx.now() })),
  /** Reads the linked LMS courses' rosters (NRPS), so learners who never launched are listed. */
  syncRoster: instructorProcedure.meta({ cost: 5 }).input(courseGradebookInput).mutation(({ ctx, input }) => syncCourseRoster({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
  csv: instructorProcedure.meta({ cost: 5 }).input(gradebookCsvInput).query(({ ctx, input }) => gradebookCsv({ db: ctx.db, userId: ctx.user.id, ...input, now: ctx.now() })),
});
