import { z } from "zod";
import { courseId } from "../courses/schemas";
import { exportStatisticsCsv } from "../statistics/export-statistics-csv";
import { getCourseStatistics } from "../statistics/get-course-statistics";
import { createRouter, instructorProcedure } from "../trpc";

/** A course's item and learner statistics, and their CSV files; owners only. */
export const statisticsRouter = createRouter({
  course: instructorProcedure.meta({ cost: 5 }).input(z.object({ courseId })).query(({ ctx, input }) => getCourseStatistics({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId, now: ctx.now() })),
  csv: instructorProcedure
    .meta({ cost: 5 })
    .input(z.object({ courseId, what: z.enum(["grades", "items"]) }))
    .query(({ ctx, input }) => exportStatisticsCsv({ db: ctx.db, userId: ctx.user.id, ...input })),
});
