import { z } from "zod";
import { deleteAccount } from "../account/delete-account";
import { planAccountDeletion } from "../account/deletion-plan";
import { exportAccount } from "../account/export-account";
import { signInMethodsOf } from "../account/sign-in-methods";
import { findJobQueue } from "../jobs/job-queue";
import { createRouter, learnerProcedure } from "../trpc";
import { langSchema } from "./problems";

export const deleteAccountInput = z.object({
  /**
   * The current password, checked as sign-in checks it. Optional here only because an account an
   * LMS made has none (it proves itself with a fresh session instead); the server decides by the
   * account which it needs, and refuses an account with a password that sent none.
   */
  password: z.string().min(1, "enter your current password").max(128, "is at most 128 characters").optional(),
  /** The account's e-mail, typed out to confirm. */
  confirmation: z.string().min(1, "type your account's e-mail address to confirm").max(320, "is at most 320 characters"),
});

export const accountRouter = createRouter({
  me: learnerProcedure.query(({ ctx }) => ctx.user),
  /** The language of the interface and of every problem issued from now on. */
  setLocale: learnerProcedure.input(z.object({ locale: langSchema })).mutation(async ({ ctx, input }) => {
    await ctx.db.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
    return { locale: input.locale };
  }),
  /** Everything the signed-in person owns or did, as a JSON file (lib/server/account/export-account.ts). */
  export: learnerProcedure.meta({ cost: 10 }).query(({ ctx }) => exportAccount({ db: ctx.db, userId: ctx.user.id, now: ctx.now() })),
  /** Whether the account has a password, and the LMSs it came from (lib/server/account/sign-in-methods.ts). */
  signInMethods: learnerProcedure.query(({ ctx }) => signInMethodsOf(ctx.db, ctx.user.id)),
  /** What deleting the account would delete, and the courses that keep it from being deleted yet. */
  deletionPlan: learnerProcedure.meta({ cost: 2 }).query(({ ctx }) => planAccountDeletion(ctx.db, ctx.user.id)),
  /**
   * Deletes the account and its data (lib/server/account/delete-account.ts), then signs this
   * browser out. Costly in request-limit points, so a stolen session cannot try many passwords.
   * An account without a password needs a session opened in the last ten minutes instead.
   */
  delete: learnerProcedure
    .meta({ cost: 30 })
    .input(deleteAccountInput)
    .mutation(async ({ ctx, input }) => {
      const deleted = await deleteAccount({
        db: ctx.db,
        userId: ctx.user.id,
        ...input,
        sessionCreatedAt: ctx.user.sessionCreatedAt,
        now: ctx.now(),
        queue: findJobQueue(),
      });
      ctx.endSession();
      return deleted;
    }),
});
