import { z } from "zod";
import { archiveQuestion } from "../questions/archive-question";
import { createQuestion } from "../questions/create-question";
import { listQuestions } from "../questions/list-questions";
import { previewQuestion } from "../questions/preview-question";
import { publishQuestion } from "../questions/publish-question";
import { reorderQuestions } from "../questions/reorder-questions";
import { runQuestionValidation } from "../questions/run-question-validation";
import { bankId, createQuestionInput, previewQuestionInput, questionId, reorderQuestionsInput, updateQuestionInput } from "../questions/schemas";
import { updateQuestion } from "../questions/update-question";
import { createRouter, instructorProcedure } from "../trpc";

const byQuestion = z.object({ questionId });

/** Authoring a bank's questions: versions, preview, validation, publishing; owners only. */
export const questionsRouter = createRouter({
  list: instructorProcedure
    .input(z.object({ bankId, archived: z.boolean().default(false) }))
    .query(({ ctx, input }) => listQuestions({ db: ctx.db, userId: ctx.user.id, ...input })),
  create: instructorProcedure.input(createQuestionInput).mutation(({ ctx, input }) => createQuestion({ db: ctx.db, userId: ctx.user.id, ...input })),
  update: instructorProcedure.input(updateQuestionInput).mutation(({ ctx, input }) => updateQuestion({ db: ctx.db, userId: ctx.user.id, ...input })),
  preview: instructorProcedure.meta({ cost: 2 }).input(previewQuestionInput).query(({ ctx, input }) => previewQuestion({ db: ctx.db, userId: ctx.user.id, ...input })),
  /** Up to 1,000 variants built and checked, on a worker thread. */
  validate: instructorProcedure.meta({ cost: 20 }).input(byQuestion).mutation(({ ctx, input }) => runQuestionValidation({ db: ctx.db, userId: ctx.user.id, questionId: input.questionId, now: ctx.now() })),
  publish: instructorProcedure.input(byQuestion).mutation(({ ctx, input }) => publishQuestion({ db: ctx.db, userId: ctx.user.id, questionId: input.questionId, now: ctx.now() })),
  reorder: instructorProcedure.input(reorderQuestionsInput).mutation(({ ctx, input }) => reorderQuestions({ db: ctx.db, userId: ctx.user.id, ...input })),
  archive: instructorProcedure.input(byQuestion).mutation(({ ctx, input }) => archiveQuestion({ db: ctx.db, userId: ctx.user.id, questionId: input.questionId, now: ctx.now() })),
});
