/**
 * Instructor-authored questions, pure: definitions (built-in narrowed, custom parametrised, fixed)
 * checked with zod, their variants as the same `Problem` the catalog produces, the validation run
 * before publishing, and the exchange formats (JSON bundle, Moodle XML, GIFT). No IO: the database
 * stores the definitions as JSON, and grading takes a variant's misconceptions as an argument:
 *
 *     const definition = parseQuestionDefinition(json);                  // QuestionError "invalid-definition"
 *     const { problem, misconceptions } = sampleQuestion(definition, { templateId: "question:42@3", seed, lang });
 *     gradeAnswer({ problem, answer, misconceptions });                  // from lib/grading
 */
export { QuestionError, type QuestionErrorCode, type QuestionIssue } from "./errors";
export {
  type BuiltinQuestion,
  type Constraint,
  type CustomQuestion,
  type DerivedVariable,
  type EngineAnswerTemplate,
  type FixedQuestion,
  type LocalizedText,
  type MisconceptionRule,
  type QuestionDefinition,
  questionDefinitionSchema,
  type Variable,
} from "./schema";
export { checkQuestionDefinition, parseQuestionDefinition } from "./parse-definition";
export { sampleQuestion } from "./sample-question";
export type { QuestionVariant, VariantRequest } from "./variant";
export { catalogSeedOf, checkNumbers, MAX_CANDIDATE_SEEDS } from "./builtin-question";
export { countAssignments } from "./variable-space";
export { ALLOWED_IN_FORMULAS } from "./formula";
export { MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING } from "./formula-limits";
export { definitionNestingIssue } from "./nesting";
export { type FailureGroup, groupFailures } from "./group-failures";
export { type DuplicateVariants, validateQuestion, type ValidationFailure, type ValidationOptions, type ValidationReport } from "./validate-question";
export { type Bank, type BankQuestion, BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema, exportBundle, importBundle, type QuestionVersion } from "./bundle";
export type { ExportOptions } from "./export-plan";
export { exportMoodleXml } from "./moodle-xml";
export { exportGift } from "./gift";
