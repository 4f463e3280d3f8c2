import { z } from "zod";
import { addCoOwner } from "../courses/add-co-owner";
import { createCourse } from "../courses/create-course";
import { getCourse } from "../courses/get-course";
import { joinCourse } from "../courses/join-course";
import { leaveCourse } from "../courses/leave-course";
import { listMyCourses } from "../courses/list-my-courses";
import { regenerateJoinCode } from "../courses/regenerate-join-code";
import { addOwnerInput, courseId, createCourseInput, joinInput, updateCourseInput } from "../courses/schemas";
import { updateCourse } from "../courses/update-course";
import { createRouter, instructorProcedure, learnerProcedure } from "../trpc";

const byCourse = z.object({ courseId });

/** Courses: instructors create and run them; anyone signed in joins one with its code. */
export const coursesRouter = createRouter({
  create: instructorProcedure.input(createCourseInput).mutation(({ ctx, input }) => createCourse({ db: ctx.db, userId: ctx.user.id, ...input })),
  list: learnerProcedure.query(({ ctx }) => listMyCourses({ db: ctx.db, userId: ctx.user.id })),
  get: learnerProcedure.input(byCourse).query(({ ctx, input }) => getCourse({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
  update: instructorProcedure.input(updateCourseInput).mutation(({ ctx, input }) => updateCourse({ db: ctx.db, userId: ctx.user.id, ...input })),
  addOwner: instructorProcedure.input(addOwnerInput).mutation(({ ctx, input }) => addCoOwner({ db: ctx.db, userId: ctx.user.id, ...input })),
  regenerateCode: instructorProcedure.input(byCourse).mutation(({ ctx, input }) => regenerateJoinCode({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
  join: learnerProcedure.input(joinInput).mutation(({ ctx, input }) => joinCourse({ db: ctx.db, userId: ctx.user.id, code: input.code })),
  leave: learnerProcedure.input(byCourse).mutation(({ ctx, input }) => leaveCourse({ db: ctx.db, userId: ctx.user.id, courseId: input.courseId })),
});
