import { analyze, EngineError, selectPath } from "../engine";
import { ProblemError } from "./errors";
import { createRng, type Rng } from "./rng";
import {
  type Answer,
  type AnswerKind,
  type Check,
  type Difficulty,
  type Lang,
  LANGS,
  type Localized,
  type Problem,
  type TemplateInfo,
} from "./types";

/** A known wrong rule: the answer a learner following it would give, and what to tell them. */
export interface Misconception<P> {
  /** Stable id, recorded with the review (`Review.mistake`): kebab-case. */
  id: string;
  wrongAnswer(params: P): Answer["value"];
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
  check(params: P): NonNullable<Check>;
  /** Prompt and worked solution; throw a `ProblemError` "invalid-variant" if the working disagrees with `key`. */
  render(params: P, key: Answer, lang: Lang): { prompt: string; solution: string };
  /** Wrong rules, in the order grading tries them. */
  misconceptions: readonly Misconception<P>[];
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
        answer = keyFromEngine(template.id, template.answerKind, check);
      } catch (error) {
        // The engine refusing a template's own spec is a question error: the template's bug.
        if (!(error instanceof EngineError)) throw error;
        throw new ProblemError("invalid-variant", `${template.id}, seed ${seed}: invalid variant: ${error.message}`);
      }
      const { prompt, solution } = template.render(params, answer, lang);
      return { template: template.id, seed, lang, topic: template.topic, prompt, answer, check, solution };
    },
    misconceptions(seed) {
      const params = variant(seed);
      return template.misconceptions.map((misconception) => ({
        id: misconception.id,
        wrongAnswer: toAnswer(template.id, template.answerKind, misconception.wrongAnswer(params)),
        feedback: Object.fromEntries(LANGS.map((lang) => [lang, misconception.feedback(params, lang)])) as Localized,
      }));
    },
  };
}

/** The key, as the engine computes it from the check: the template has no say in it. */
function keyFromEngine(templateId: string, kind: AnswerKind, check: NonNullable<Check>): Answer {
  if (check.mode !== "analyze") {
    throw new ProblemError("invalid-variant", `${templateId}: check mode "${check.mode}" is not supported yet`);
  }
  return toAnswer(templateId, kind, selectPath(analyze(check.spec), check.select));
}

function toAnswer(templateId: string, kind: AnswerKind, value: unknown): Answer {
  const isInteger = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
  if (kind === "shape" && Array.isArray(value) && value.every(isInteger)) return { kind, value: [...value] };
  if (kind === "integer" && isInteger(value)) return { kind, value };
  throw new ProblemError(
    "invalid-variant",
    `${templateId}: ${JSON.stringify(value)} is not an answer of kind "${kind}"`,
  );
}
