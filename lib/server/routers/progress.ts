import { getProgress } from "../progress/get-progress";
import { createRouter, learnerProcedure } from "../trpc";

export const progressRouter = createRouter({
  get: learnerProcedure.query(({ ctx }) => getProgress({ db: ctx.db, userId: ctx.user.id })),
});
