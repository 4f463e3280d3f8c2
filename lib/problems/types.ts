import type { ArchitectureSpec } from "../engine";
import type { DesignConstraint } from "./design/constraints";

/** The languages every person-visible string exists in (DESIGN.md). */
export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

/** One string per language. */
export type Localized = Record<Lang, string>;

export type AnswerKind = "integer" | "number" | "shape" | "matrix" | "choice" | "choices" | "boolean" | "spec";

/**
 * The key of a problem (DESIGN.md, "Problems"). `tolerance` is relative (with an absolute floor of
 * the same size near zero) for `number`, and per entry for a `matrix` of computed values; choice
 * keys are option ids (`"A"`, `"B"`, …) of the problem's `options`. A `spec` key (a design
 * problem) is the list of constraints a learner's layer stack must meet; the engine analyses the
 * learner's own spec to check them, and the check's spec is a reference that meets them all.
 */
export type Answer =
  | { kind: "integer"; value: number }
  | { kind: "number"; value: number; tolerance: number }
  | { kind: "shape"; value: number[] }
  | { kind: "matrix"; value: number[][]; tolerance?: number }
  | { kind: "choice"; value: string }
  | { kind: "choices"; value: string[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "spec"; value: DesignConstraint[] };

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

/**
 * A picture that helps with the solution (the input grid with the window, a block diagram): a
 * self-contained SVG document, and the text a screen reader says in its place.
 */
export interface ProblemFigure {
  svg: string;
  alt: string;
}

/**
 * A problem variant, a pure function of `(template, seed, lang)`; the field order is the JSON
 * contract's, `difficulty` and `figure` are additions to it.
 */
export interface Problem {
  template: string;
  seed: number;
  lang: Lang;
  topic: string;
  difficulty: Difficulty;
  /** Markdown with KaTeX (`$…$`, `$$…$$`). */
  prompt: string;
  answer: Answer;
  check: Check;
  /** Worked steps in markdown with KaTeX. */
  solution: string;
  /** The options of a `choice` or `choices` question, in order; absent for other kinds. */
  options?: ChoiceOption[];
  /** Shown with the solution, so it may give the answer away; absent where no picture helps. */
  figure?: ProblemFigure;
  /** Shown with the prompt, before answering: a diagram that gives nothing of the key away. */
  promptFigure?: ProblemFigure;
}

/** What a learner's browser receives before answering: no key, no check, no solution, no figure. */
export type LearnerProblem = Omit<Problem, "answer" | "check" | "solution" | "figure">;

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
