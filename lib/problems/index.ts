/** Problem templates: variants as pure functions of (template, seed, lang), keys from the engine. */
export { ProblemError, type ProblemErrorCode } from "./errors";
export { checkConstraints, type ConstraintOutcome, type DesignConstraint, type DesignConstraintKind } from "./design/constraints";
export { constraintName, constraintRequirement, outcomeLine } from "./design/constraints.messages";
export { createTranslators, type Catalogue } from "./messages";
export { getTemplate, listTemplates, requireTemplate, unknownTemplateMessage } from "./registry";
export { nearestNames } from "./nearest-names";
export { createRng, type Rng } from "./rng";
export { sampleProblem, toLearnerView } from "./sample-problem";
export { cite, type D2lKey, type NndlKey, resolveCitations, SOURCES, type SourceKey, sectionNumber } from "./sources";
export { TOPICS, type TopicId, topicTitle } from "./topics";
export { misconceptionLabel, misconceptionName } from "./misconception-names.messages";
export { MAX_SEED, parseLang, parseSeed, requireSeed } from "./seed";
export type { Misconception, ProblemTemplate, RegisteredTemplate, VariantMisconception } from "./template";
export {
  type Answer,
  type AnswerKind,
  type Check,
  type ChoiceOption,
  type Difficulty,
  type Lang,
  LANGS,
  type LearnerProblem,
  type Localized,
  type Problem,
  type TemplateInfo,
} from "./types";
