import { runValidation, type ValidationSummary } from "../../questions/question-content";

export interface ValidateQuestionInput {
  /** The version's definition as stored (JSON). */
  definition: unknown;
  templateId: string;
  /** ISO time the run is stamped with (the caller's clock). */
  now: string;
}

/** A question version's validation run: every variant (or 1,000 seeds) built and checked. */
export function validateQuestion({ definition, templateId, now }: ValidateQuestionInput): ValidationSummary {
  return runValidation(definition, { templateId, now: new Date(now) });
}
