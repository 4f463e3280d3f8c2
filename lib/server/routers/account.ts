import { z } from "zod";
import { createRouter, learnerProcedure } from "../trpc";
import { langSchema } from "./problems";

export const accountRouter = createRouter({
  me: learnerProcedure.query(({ ctx }) => ctx.user),
  /** The language of the interface and of every problem issued from now on. */
  setLocale: learnerProcedure.input(z.object({ locale: langSchema })).mutation(async ({ ctx, input }) => {
    await ctx.db.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
    return { locale: input.locale };
  }),
});
