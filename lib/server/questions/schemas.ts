import { z } from "zod";

/** Inputs of the question procedures, shared by the router and the operations. */
export const questionId = z.string().uuid("must be the id of a question");
export const bankId = z.string().uuid("must be the id of a bank");
/** A definition is checked by lib/questions' schema (through question-content.ts); here only its size. */
const definition = z.unknown().refine((value) => value !== undefined && JSON.stringify(value).length <= 200_000, "give a definition of at most 200,000 characters");

export const createQuestionInput = z.object({ bankId, definition });
export const updateQuestionInput = z.object({ questionId, definition });
export const previewQuestionInput = z.object({
  questionId,
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  lang: z.enum(["en", "zh-CN"]).default("en"),
  /** Default: the latest version (the draft being edited). */
  version: z.number().int().positive().optional(),
});
export const reorderQuestionsInput = z.object({ bankId, questionIds: z.array(questionId).max(2000) });
