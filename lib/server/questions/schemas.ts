import { z } from "zod";
import { jsonLength } from "./json-length";
import { definitionNestingIssue } from "./question-content";

/** Inputs of the question procedures, shared by the router and the operations. */
export const questionId = z.string().uuid("must be the id of a question");
export const bankId = z.string().uuid("must be the id of a bank");
const MAX_DEFINITION_LENGTH = 200_000;

/**
 * A definition is checked by lib/questions' schema (through question-content.ts); here only its
 * nesting and its size, without recursion: an engine spec nested past the engine's cap is named
 * with its cap and path first (a spec of 10,000 levels is also over the size, but the nesting is
 * the mistake to name), then the size is counted.
 */
const definition = z.unknown().superRefine((value, context) => {
  const nested = value === undefined ? null : definitionNestingIssue(value);
  if (nested) context.addIssue({ code: "custom", path: nested.path.split("."), message: nested.message });
  else if (value === undefined || jsonLength(value, MAX_DEFINITION_LENGTH) > MAX_DEFINITION_LENGTH) {
    context.addIssue({ code: "custom", message: "give a definition of at most 200,000 characters" });
  }
});

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
