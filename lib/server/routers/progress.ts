import { z } from "zod";
import { exportHistory } from "../progress/export-history";
import { getProgress } from "../progress/get-progress";
import { getReviewPrompt } from "../progress/review-prompt";
import { createRouter, learnerProcedure } from "../trpc";

export const progressRouter = createRouter({
  get: learnerProcedure
    .meta({ cost: 2 })
    .input(z.object({ page: z.number().int().min(1).max(100_000).default(1) }).default({ page: 1 }))
    .query(({ ctx, input }) => getProgress({ db: ctx.db, userId: ctx.user.id, now: ctx.now(), page: input.page })),
  prompt: learnerProcedure
    .meta({ cost: 1 })
    .input(z.object({ reviewId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getReviewPrompt({ db: ctx.db, userId: ctx.user.id, reviewId: input.reviewId })),
  export: learnerProcedure
    .meta({ cost: 5 })
    .input(z.object({ format: z.enum(["csv", "json"]) }))
    .query(({ ctx, input }) => exportHistory({ db: ctx.db, userId: ctx.user.id, format: input.format, now: ctx.now() })),
});
