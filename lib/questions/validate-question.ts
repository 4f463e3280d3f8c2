import { type Answer, LANGS, ProblemError } from "../problems";
import { sampleBuiltinQuestion } from "./builtin-question";
import { keyCustomVariant, renderCustomVariant } from "./custom-question";
import { QuestionError, type QuestionErrorCode } from "./errors";
import { sampleFixedQuestion } from "./fixed-question";
import type { CustomQuestion, QuestionDefinition } from "./schema";
import { type Assignment, allAssignments, assignmentOfSeed, countAssignments } from "./variable-space";
import type { QuestionVariant } from "./variant";

/** A variant that could not be built, with what identifies it: its variables, or its seed. */
export interface ValidationFailure {
  code: QuestionErrorCode;
  message: string;
  variables?: Assignment;
  seed?: number;
}

/** Different variants (other variables, or other catalog seeds) that a learner cannot tell apart. */
export interface DuplicateVariants {
  prompt: string;
  key: Answer["value"];
  variants: { variables?: Assignment; seed?: number }[];
}

export interface ValidationReport {
  /** How many variants were built. */
  checked: number;
  /** Whether `checked` is the whole variable space (else seeds 0 … samples − 1 were drawn). */
  exhaustive: boolean;
  failures: ValidationFailure[];
  duplicates: DuplicateVariants[];
  /** No failures (duplicates are reported, and do not block publishing by themselves). */
  ok: boolean;
}

export interface ValidationOptions {
  /** The whole space is checked up to this many combinations (default 1,000). */
  exhaustiveLimit?: number;
  /** Seeds sampled past that, or for a built-in question (default 1,000; built-in: 100). */
  samples?: number;
  /** The caller's template id for the variants built (default `question:preview`). */
  templateId?: string;
}

/**
 * The validation run before publishing: every variant built in both languages over the whole
 * variable space when it is small, else over sampled seeds; every failure to build, every key the
 * engine refuses (with its message and the variables), and every group of duplicates.
 */
export function validateQuestion(definition: QuestionDefinition, options: ValidationOptions = {}): ValidationReport {
  const templateId = options.templateId ?? "question:preview";
  if (definition.kind === "custom") return validateCustom(definition, options, templateId);
  const samples = definition.kind === "fixed" ? 1 : (options.samples ?? 100);
  const failures: ValidationFailure[] = [];
  const groups = new DuplicateGroups();
  for (let seed = 0; seed < samples; seed += 1) {
    const outcome = attempt(() =>
      LANGS.map((lang) => (definition.kind === "fixed" ? sampleFixedQuestion(definition, { templateId, seed, lang }) : sampleBuiltinQuestion(definition, { templateId, seed, lang }))),
    );
    if ("failure" in outcome) failures.push({ ...outcome.failure, seed });
    else groups.add(outcome.value[0] as QuestionVariant, { seed: (outcome.value[0] as QuestionVariant).source?.seed ?? seed });
  }
  return report(samples, definition.kind === "fixed", failures, groups);
}

function validateCustom(question: CustomQuestion, options: ValidationOptions, templateId: string): ValidationReport {
  const limit = options.exhaustiveLimit ?? 1000;
  const exhaustive = countAssignments(question.variables) <= limit;
  const samples = options.samples ?? 1000;
  const failures: ValidationFailure[] = [];
  const groups = new DuplicateGroups();
  let checked = 0;
  const visit = (variables: Assignment, seed?: number) => {
    checked += 1;
    const outcome = attempt(() => {
      const key = keyCustomVariant(question, variables);
      return LANGS.map((lang) => renderCustomVariant(question, variables, { templateId, seed: seed ?? 0, lang }, key));
    });
    const where = seed === undefined ? { variables } : { variables, seed };
    if ("failure" in outcome) failures.push({ ...outcome.failure, ...where });
    else groups.add(outcome.value[0] as QuestionVariant, { variables });
  };
  if (exhaustive) for (const variables of allAssignments(question.variables)) visit(variables);
  else for (let seed = 0; seed < samples; seed += 1) visit(assignmentOfSeed(question.variables, seed), seed);
  return report(checked, exhaustive, failures, groups);
}

function attempt<T>(build: () => T): { value: T } | { failure: { code: QuestionErrorCode; message: string } } {
  try {
    return { value: build() };
  } catch (error) {
    if (error instanceof QuestionError) return { failure: { code: error.code, message: error.message } };
    if (error instanceof ProblemError) return { failure: { code: "invalid-variant", message: error.message } };
    throw error;
  }
}

/**
 * Variants grouped by what a learner sees and must answer: the English prompt and the key. The
 * same variables drawn by two seeds are one variant, not a duplicate: only different variables
 * (or catalog seeds) behind the same prompt and key are, e.g. a variable the prompt never shows.
 */
class DuplicateGroups {
  private readonly groups = new Map<string, DuplicateVariants>();
  private readonly seen = new Set<string>();

  add(variant: QuestionVariant, identity: { variables?: Assignment; seed?: number }): void {
    const id = JSON.stringify(identity);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const key = variant.problem.answer.value;
    const text = JSON.stringify([variant.problem.prompt, key]);
    const group = this.groups.get(text) ?? { prompt: variant.problem.prompt, key, variants: [] };
    group.variants.push(identity);
    this.groups.set(text, group);
  }

  duplicates(): DuplicateVariants[] {
    return [...this.groups.values()].filter((group) => group.variants.length > 1);
  }
}

function report(checked: number, exhaustive: boolean, failures: ValidationFailure[], groups: DuplicateGroups): ValidationReport {
  return { checked, exhaustive, failures, duplicates: groups.duplicates(), ok: failures.length === 0 };
}
