import type { ArchitectureSpec } from "../engine";

/** The languages every person-visible string exists in (DESIGN.md). */
export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

/** One string per language. */
export type Localized = Record<Lang, string>;

export type AnswerKind = "integer" | "number" | "shape" | "matrix" | "choice" | "choices" | "boolean";

/**
 * The key of a problem (DESIGN.md, "Problems"). `tolerance` is relative (with an absolute floor of
 * the same size near zero) for `number`, and per entry for a `matrix` of computed values; choice
 * keys are option ids (`"A"`, `"B"`, …) of the problem's `options`.
 */
export type Answer =
  | { kind: "integer"; value: number }
  | { kind: "number"; value: number; tolerance: number }
  | { kind: "shape"; value: number[] }
  | { kind: "matrix"; value: number[][]; tolerance?: number }
  | { kind: "choice"; value: string }
  | { kind: "choices"; value: string[] }
  | { kind: "boolean"; value: boolean };

/** One option of a choice question, in the problem's language; `id` is the letter shown. */
export interface ChoiceOption {
  id: string;
  text: string;
}

/**
 * How the engine produced the key: `select` is a dotted path into the engine's answer. Only
 * concept questions have no check (`null`).
 */
export type Check =
  | { mode: "analyze"; spec: ArchitectureSpec; select: string }
  | { mode: "run"; op: Record<string, unknown>; select: string }
  | null;

/** A problem variant, a pure function of `(template, seed, lang)`; the field order is the JSON contract's. */
export interface Problem {
  template: string;
  seed: number;
  lang: Lang;
  topic: string;
  /** Markdown with KaTeX (`$…$`, `$$…$$`). */
  prompt: string;
  answer: Answer;
  check: Check;
  /** Worked steps in markdown with KaTeX. */
  solution: string;
  /** The options of a `choice` or `choices` question, in order; absent for other kinds. */
  options?: ChoiceOption[];
}

/** What a learner's browser receives before answering: no key, no check, no solution. */
export type LearnerProblem = Omit<Problem, "answer" | "check" | "solution">;

export type Difficulty = "easy" | "medium" | "hard";

/** A template as `listTemplates()` describes it. */
export interface TemplateInfo {
  template: string;
  topic: string;
  title: Localized;
  answerKind: AnswerKind;
  /** The difficulties its seeds are spread over. */
  difficulties: readonly Difficulty[];
}
