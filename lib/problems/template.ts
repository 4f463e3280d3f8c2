import { analyze, EngineError, run, selectPath } from "../engine";
import { checkConstraints, type DesignConstraint } from "./design/constraints";
import { ProblemError } from "./errors";
import { createRng, type Rng } from "./rng";
import { resolveCitations } from "./sources";
import {
  type Answer,
  type AnswerKind,
  type Check,
  type ChoiceOption,
  type Difficulty,
  type Lang,
  LANGS,
  type Localized,
  type Problem,
  type ProblemFigure,
  type TemplateInfo,
} from "./types";

/** A known wrong rule: the answer a learner following it would give, and what to tell them. */
export interface Misconception<P> {
  /** Stable id, recorded with the review (`Review.mistake`): kebab-case. */
  id: string;
  /** The wrong answer; `null` when the rule does not apply to this variant (a concept item without that distractor). */
  wrongAnswer(params: P): Answer["value"] | null;
  feedback(params: P, lang: Lang): string;
}

/**
 * A problem template: `P` holds the random choices of one variant. A template never computes
 * its key: it says how the engine computes it (`check`), and renders prompt and solution around
 * the engine's key.
 */
export interface ProblemTemplate<P> {
  id: string;
  topic: string;
  answerKind: AnswerKind;
  difficulties: readonly Difficulty[];
  title(lang: Lang): string;
  /** The variant's choices, drawn from the seeded generator. */
  generate(rng: Rng): P;
  /** How the engine computes the key; `null` only for concept questions, which give `conceptKey`. */
  check(params: P): Check;
  /** The key of a concept question (check `null`): a fact from the book, not a computation. */
  conceptKey?(params: P): Answer;
  /**
   * A design problem's constraints (answer kind `spec`): its key. Its check is `analyze` of a
   * reference spec, which the engine must find meeting every constraint, or the variant is invalid.
   */
  designConstraints?(params: P): DesignConstraint[];
  /** Relative tolerance of a `number` key or of each entry of a computed `matrix` key. */
  tolerance?: number;
  /** The options of a `choice`/`choices` question, ids `A`, `B`, … in display order. */
  options?(params: P, lang: Lang): ChoiceOption[];
  /** Prompt and worked solution; throw a `ProblemError` "invalid-variant" if the working disagrees with `key`. */
  render(params: P, key: Answer, lang: Lang): { prompt: string; solution: string };
  /** Wrong rules, in the order grading tries them. */
  misconceptions: readonly Misconception<P>[];
  /**
   * The variant's difficulty, one of `difficulties`. Without it, the `difficulty` field of the
   * params is read, or a template with a single difficulty has that one.
   */
  difficultyOf?(params: P): Difficulty;
  /** A figure for the solution, in `lang`; `null` (or no function) where no picture helps. */
  figure?(params: P, key: Answer, lang: Lang): ProblemFigure | null;
  /**
   * A figure shown with the prompt, before the learner answers: a long description of a block
   * (residual, Inception) read as a diagram. Only where the diagram gives nothing of the key away
   * (a template whose key is a shape draws its shapes, so it has none); it takes no key, so it
   * cannot draw one by mistake.
   */
  promptFigure?(params: P, lang: Lang): ProblemFigure | null;
}

/** A misconception resolved for one variant. */
export interface VariantMisconception {
  id: string;
  wrongAnswer: Answer;
  feedback: Localized;
}

/** A template as the registry holds it: its description, its variant type hidden behind seed-taking functions. */
export interface RegisteredTemplate extends TemplateInfo {
  /** The problem for a seed already checked (`parseSeed`); `sampleProblem` is the checked entry. */
  sample(seed: number, lang: Lang): Problem;
  /** The difficulty of a seed's variant, without rendering it. */
  difficultyOf(seed: number): Difficulty;
  misconceptions(seed: number): VariantMisconception[];
}

export function registerTemplate<P>(template: ProblemTemplate<P>): RegisteredTemplate {
  const variant = (seed: number) => template.generate(createRng(seed));
  return {
    template: template.id,
    topic: template.topic,
    title: { en: template.title("en"), "zh-CN": template.title("zh-CN") },
    answerKind: template.answerKind,
    difficulties: template.difficulties,
    sample(seed, lang) {
      const params = variant(seed);
      const check = template.check(params);
      let answer: Answer;
      try {
        answer = template.answerKind === "spec" ? designKeyOf(template, params, check) : check ? keyFromEngine(template, check) : conceptKeyOf(template, params);
      } catch (error) {
        // The engine refusing a template's own spec is a question error: the template's bug.
        if (!(error instanceof EngineError)) throw error;
        throw new ProblemError("invalid-variant", `${template.id}, seed ${seed}: invalid variant: ${error.message}`);
      }
      // Messages name their sources (`⟦d2l.padding-stride⟧`); the reader's edition supplies the number.
      const rendered = template.render(params, answer, lang);
      const prompt = resolveCitations(rendered.prompt, lang);
      const solution = resolveCitations(rendered.solution, lang);
      const difficulty = difficultyOfParams(template, params);
      const problem: Problem = { template: template.id, seed, lang, topic: template.topic, difficulty, prompt, answer, check, solution };
      if (template.options) problem.options = template.options(params, lang).map((option) => ({ ...option, text: resolveCitations(option.text, lang) }));
      const figure = template.figure?.(params, answer, lang);
      if (figure) problem.figure = figure;
      const promptFigure = template.promptFigure?.(params, lang);
      if (promptFigure) problem.promptFigure = promptFigure;
      return problem;
    },
    difficultyOf: (seed) => difficultyOfParams(template, variant(seed)),
    misconceptions(seed) {
      const params = variant(seed);
      return template.misconceptions.flatMap((misconception) => {
        const wrong = misconception.wrongAnswer(params);
        if (wrong === null) return [];
        return [
          {
            id: misconception.id,
            wrongAnswer: toAnswer(template, wrong),
            feedback: Object.fromEntries(LANGS.map((lang) => [lang, resolveCitations(misconception.feedback(params, lang), lang)])) as Localized,
          },
        ];
      });
    },
  };
}

function difficultyOfParams<P>(template: ProblemTemplate<P>, params: P): Difficulty {
  const declared = template.difficultyOf
    ? template.difficultyOf(params)
    : ((params as { difficulty?: Difficulty }).difficulty ?? (template.difficulties.length === 1 ? template.difficulties[0] : undefined));
  if (declared === undefined || !template.difficulties.includes(declared)) {
    throw new ProblemError("invalid-variant", `${template.id}: a variant of difficulty ${String(declared)}, not one of ${template.difficulties.join(", ")}`);
  }
  return declared;
}

/** The key, as the engine computes it from the check: the template has no say in it. */
function keyFromEngine<P>(template: ProblemTemplate<P>, check: NonNullable<Check>): Answer {
  const answer = check.mode === "analyze" ? analyze(check.spec) : run(check.op);
  return toAnswer(template, selectPath(answer, check.select));
}

/**
 * A design problem's key: its constraints, once the engine has analysed the reference spec (the
 * check) and found it meeting every one, so a worked solution never shows a spec that fails.
 */
function designKeyOf<P>(template: ProblemTemplate<P>, params: P, check: Check): Answer {
  if (!template.designConstraints || check?.mode !== "analyze") {
    throw new ProblemError("invalid-variant", `${template.id}: a spec template needs designConstraints and an analyze check of its reference`);
  }
  const constraints = template.designConstraints(params);
  const failed = checkConstraints(check.spec, analyze(check.spec), constraints).filter((outcome) => !outcome.met);
  if (failed.length > 0) {
    throw new ProblemError("invalid-variant", `${template.id}: the reference spec breaks ${failed.map((outcome) => outcome.constraint.kind).join(", ")}`);
  }
  return { kind: "spec", value: constraints };
}

function conceptKeyOf<P>(template: ProblemTemplate<P>, params: P): Answer {
  if (!template.conceptKey) {
    throw new ProblemError("invalid-variant", `${template.id}: a template without a check must give conceptKey`);
  }
  const key = template.conceptKey(params);
  if (key.kind !== template.answerKind) {
    throw new ProblemError("invalid-variant", `${template.id}: its concept key is a ${key.kind}, not a ${template.answerKind}`);
  }
  return key;
}

const isInteger = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
const isFinite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isMatrix = (x: unknown): x is number[][] =>
  Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row) && row.length === (x[0] as unknown[]).length && row.every(isFinite));

/** The engine's value (or a misconception's) as an answer of the template's kind. */
function toAnswer<P>(template: ProblemTemplate<P>, value: unknown): Answer {
  const kind = template.answerKind;
  if (kind === "shape" && Array.isArray(value) && value.every(isInteger)) return { kind, value: [...value] };
  if (kind === "integer" && isInteger(value)) return { kind, value };
  if (kind === "number" && isFinite(value)) return { kind, value, tolerance: template.tolerance ?? 1e-4 };
  if (kind === "matrix" && isMatrix(value)) {
    const matrix = value.map((row) => [...row]);
    return template.tolerance === undefined ? { kind, value: matrix } : { kind, value: matrix, tolerance: template.tolerance };
  }
  if (kind === "boolean" && typeof value === "boolean") return { kind, value };
  if (kind === "choice" && typeof value === "string") return { kind, value };
  if (kind === "choices" && Array.isArray(value) && value.every((x) => typeof x === "string")) return { kind, value: [...value] };
  // A design misconception's "wrong answer" is the constraints its rule breaks (grade-spec.ts).
  if (kind === "spec" && Array.isArray(value) && value.every((x) => typeof x === "object" && x !== null && "kind" in x)) return { kind, value: [...(value as DesignConstraint[])] };
  throw new ProblemError("invalid-variant", `${template.id}: ${JSON.stringify(value)} is not an answer of kind "${kind}"`);
}
