import type { z } from "zod";
import { QuestionError, type QuestionIssue } from "./errors";
import { type QuestionDefinition, questionDefinitionSchema } from "./schema";

/** A zod error's issues with their paths dotted (`variables.1.max`), prefixed by `at` when given. */
export function issuesOf(error: z.ZodError, at = ""): QuestionIssue[] {
  return error.issues.map((issue) => ({
    path: [at, ...issue.path.map(String)].filter((part) => part !== "").join("."),
    message: issue.message,
  }));
}

/** The issues as one message, one `path: message` a line. */
export function describeIssues(issues: readonly QuestionIssue[]): string {
  return issues.map((issue) => `${issue.path || "(document)"}: ${issue.message}`).join("\n");
}

/** Checks a definition for the editor: the parsed definition, or every issue with its field path. */
export function checkQuestionDefinition(input: unknown): { ok: true; definition: QuestionDefinition } | { ok: false; issues: QuestionIssue[] } {
  const parsed = questionDefinitionSchema.safeParse(input);
  return parsed.success ? { ok: true, definition: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** A definition, or a `QuestionError` "invalid-definition" listing every issue with its path. */
export function parseQuestionDefinition(input: unknown): QuestionDefinition {
  const checked = checkQuestionDefinition(input);
  if (!checked.ok) throw new QuestionError("invalid-definition", `invalid question:\n${describeIssues(checked.issues)}`, checked.issues);
  return checked.definition;
}
