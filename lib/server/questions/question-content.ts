/**
 * The one door between the server and question content (lib/questions): parsing a definition,
 * building a variant, the validation run, and the exchange formats. Operations never import
 * lib/questions themselves, so a change there is answered here, once. An instructor's mistake in
 * a definition or a bundle becomes an AppError "BAD_INPUT" whose message names each path.
 */
import { type Lang, listTemplates } from "@/lib/problems";
import {
  type Bank,
  definitionNestingIssue,
  exportBundle,
  exportGift,
  exportMoodleXml,
  type FailureGroup,
  groupFailures,
  importBundle,
  parseQuestionDefinition,
  QuestionError,
  type QuestionDefinition,
  type QuestionVariant,
  sampleQuestion,
  validateQuestion,
} from "@/lib/questions";
import { AppError } from "../errors";

export type { Bank as BundleBank, QuestionDefinition, QuestionVariant };
/** Where a definition's engine answer nests past the engine's caps (checked without recursion), or null. */
export { definitionNestingIssue };

/** A question error (the author's mistake) as the AppError a caller sees, other errors untouched. */
function asAppError(error: unknown): unknown {
  if (error instanceof QuestionError) {
    // Issues with paths say where; a document-wide problem (not JSON at all) is said best by the message.
    const located = error.issues.some((issue) => issue.path !== "");
    const detail = located ? error.issues.map((issue) => `${issue.path || "(document)"}: ${issue.message}`).join("; ") : error.message;
    return new AppError("BAD_INPUT", detail);
  }
  return error;
}

/** A definition as authored (JSON), checked; BAD_INPUT naming each field path otherwise. */
export function parseDefinition(json: unknown): QuestionDefinition {
  try {
    return parseQuestionDefinition(json);
  } catch (error) {
    throw asAppError(error);
  }
}

/** What the questions table keeps beside the definition, for listing and statistics by topic. */
export function definitionSummary(definition: QuestionDefinition): { kind: QuestionDefinition["kind"]; title: string; topic: string } {
  const topic = definition.kind === "builtin" ? (listTemplates().find((t) => t.template === definition.template)?.topic ?? "custom") : definition.topic;
  return { kind: definition.kind, title: definition.title.en, topic };
}

/** One variant of a stored definition; BAD_INPUT when this variant cannot be built. */
export function buildVariant(definitionJson: unknown, request: { templateId: string; seed: number; lang: Lang }): QuestionVariant {
  const definition = parseDefinition(definitionJson);
  try {
    return sampleQuestion(definition, request);
  } catch (error) {
    throw asAppError(error);
  }
}

/**
 * The variables that tell one variant from another, for statistics by parameter region: a custom
 * variant's variables; for a built-in question, the numbers of its engine check at the paths the
 * instructor narrowed (`spec.layers.0.stride`), since those are the parameters they chose to vary,
 * or every number of the check when nothing was narrowed. Null when the variant cannot be rebuilt.
 */
export function variantVariables(definitionJson: unknown, request: { templateId: string; seed: number }): Record<string, number | boolean | string> | null {
  try {
    const definition = parseDefinition(definitionJson);
    const variant = buildVariant(definition, { ...request, lang: "en" });
    // Without narrowing, every number of the check (lib/questions reads them by path) may matter.
    if (definition.kind !== "builtin" || !definition.constraints?.length) return variant.variables ?? null;
    const entries = (definition.constraints ?? []).flatMap(({ path }) => {
      const value = numberAt(variant.problem.check, path);
      return value === null ? [] : [[path, value] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

/** The number at a dotted path; a `[h, w]` pair as its one number when square, else as `h×w`. */
function numberAt(root: unknown, path: string): number | string | null {
  let value = root;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "number") return value;
  if (Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === "number")) {
    const [h, w] = value as [number, number];
    return h === w ? h : `${h}×${w}`;
  }
  return null;
}

/** What is stored on a version after its validation run (the report, failures capped for size). */
export interface ValidationSummary {
  ok: boolean;
  checked: number;
  exhaustive: boolean;
  failureCount: number;
  failures: { code: string; message: string; variables?: Record<string, number | boolean>; seed?: number }[];
  /** Every failure, grouped by what it says (lib/questions' `groupFailures`); absent on runs stored before. */
  failureGroups?: FailureGroup[];
  duplicateCount: number;
  ranAt: string;
}

const STORED_FAILURES = 50;

export function runValidation(definitionJson: unknown, options: { templateId: string; now: Date }): ValidationSummary {
  const definition = parseDefinition(definitionJson);
  const report = validateQuestion(definition, { templateId: options.templateId });
  return {
    ok: report.ok,
    checked: report.checked,
    exhaustive: report.exhaustive,
    failureCount: report.failures.length,
    failures: report.failures.slice(0, STORED_FAILURES).map((failure) => ({ ...failure })),
    failureGroups: groupFailures(report.failures).slice(0, STORED_FAILURES),
    duplicateCount: report.duplicates.length,
    ranAt: options.now.toISOString(),
  };
}

/** The bank as the normalised JSON bundle text. */
export function bundleText(bank: Bank): string {
  try {
    return exportBundle(bank);
  } catch (error) {
    throw asAppError(error);
  }
}

/** A bundle file's bank; BAD_INPUT naming each bad path. */
export function readBundle(text: string): Bank {
  try {
    return importBundle(text);
  } catch (error) {
    throw asAppError(error);
  }
}

export function moodleXmlText(bank: Bank, lang: Lang): string {
  return exportMoodleXml(bank, { lang });
}

export function giftText(bank: Bank, lang: Lang): string {
  return exportGift(bank, { lang });
}
