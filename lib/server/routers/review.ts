import { z } from "zod";
import { issueVariant } from "../reviews/issue-variant";
import { submitAnswer } from "../reviews/submit-answer";
import { createRouter, learnerProcedure } from "../trpc";

/** Longer than any answer a problem asks for, short enough that nobody stores a novel. */
export const MAX_ANSWER_LENGTH = 1000;

export const nextInput = z
  .object({
    practice: z.boolean().default(false),
    /** A skill (template id) to practise now. */
    template: z.string().min(1).max(200).optional(),
  })
  .default({ practice: false });

export const submitInput = z.object({
  variantId: z.string().uuid("must be the id of a problem issued to you"),
  answer: z
    .string()
    .max(MAX_ANSWER_LENGTH, `an answer is at most ${MAX_ANSWER_LENGTH} characters`)
    .refine((answer) => answer.trim().length > 0, "type an answer before submitting"),
});

export const reviewRouter = createRouter({
  next: learnerProcedure.input(nextInput).mutation(({ ctx, input }) =>
    issueVariant({ db: ctx.db, userId: ctx.user.id, lang: ctx.user.locale, now: ctx.now(), practice: input.practice, template: input.template }),
  ),
  submit: learnerProcedure.input(submitInput).mutation(({ ctx, input }) =>
    submitAnswer({ db: ctx.db, userId: ctx.user.id, variantId: input.variantId, answer: input.answer, now: ctx.now() }),
  ),
});
