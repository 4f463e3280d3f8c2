import { z } from "zod";
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "@/lib/srs";
import { MIN_REVIEWS_TO_OPTIMIZE } from "@/lib/srs/optimizer/optimize-parameters";
import { findJobQueue } from "../jobs/job-queue";
import { getLearnerSettings, reportBrowserTimeZone, updateLearnerSettings } from "../settings/learner-settings";
import { resetLearnerParameters } from "../settings/optimize-learner-parameters";
import { requestParameterOptimization } from "../settings/request-parameter-optimization";
import { timeZoneSchema } from "../settings/time-zone-schema";
import { createRouter, learnerProcedure } from "../trpc";
import { langSchema } from "./problems";

export const updateSettingsInput = z
  .object({
    desiredRetention: z
      .number()
      .min(MIN_DESIRED_RETENTION, `must be at least ${MIN_DESIRED_RETENTION}`)
      .max(MAX_DESIRED_RETENTION, `must be at most ${MAX_DESIRED_RETENTION}`)
      .optional(),
    dailyNewLimit: z.number().int("must be a whole number").min(0, "must be at least 0").max(100, "must be at most 100").optional(),
    locale: langSchema.optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), "change at least one setting");

export const settingsRouter = createRouter({
  get: learnerProcedure.query(({ ctx }) =>
    getLearnerSettings({ db: ctx.db, userId: ctx.user.id, minReviewsToOptimize: MIN_REVIEWS_TO_OPTIMIZE, queue: findJobQueue() }),
  ),
  update: learnerProcedure
    .input(updateSettingsInput)
    .mutation(({ ctx, input }) => updateLearnerSettings({ db: ctx.db, userId: ctx.user.id, changes: input })),
  /** Enqueue fitting FSRS to the learner's own history (from MIN_REVIEWS_TO_OPTIMIZE reviews); `get` follows the job. */
  optimize: learnerProcedure.meta({ cost: 20 }).mutation(({ ctx }) => requestParameterOptimization({ db: ctx.db, queue: findJobQueue(), userId: ctx.user.id })),
  /** The browser's zone, kept only while the learner has none (see reportBrowserTimeZone). */
  reportTimeZone: learnerProcedure
    .input(z.object({ timeZone: timeZoneSchema }))
    .mutation(({ ctx, input }) => reportBrowserTimeZone({ db: ctx.db, userId: ctx.user.id, timeZone: input.timeZone })),
  resetParameters: learnerProcedure.mutation(({ ctx }) => resetLearnerParameters({ db: ctx.db, userId: ctx.user.id })),
});
