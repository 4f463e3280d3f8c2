import { sampleBuiltinQuestion } from "./builtin-question";
import { sampleCustomQuestion } from "./custom-question";
import { sampleFixedQuestion } from "./fixed-question";
import type { QuestionDefinition } from "./schema";
import type { QuestionVariant, VariantRequest } from "./variant";

/**
 * The variant of a question for `(templateId, seed, lang)`, a pure function of them and the
 * definition (parse it first with `parseQuestionDefinition`). Throws a `QuestionError`
 * ("invalid-variant", "engine-error", "no-seed") when this variant cannot be built, or a
 * `ProblemError` for a bad seed or language.
 */
export function sampleQuestion(definition: QuestionDefinition, request: VariantRequest): QuestionVariant {
  switch (definition.kind) {
    case "builtin":
      return sampleBuiltinQuestion(definition, request);
    case "custom":
      return sampleCustomQuestion(definition, request);
    case "fixed":
      return sampleFixedQuestion(definition, request);
  }
}
