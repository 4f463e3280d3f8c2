import { analyze, EngineError, run, selectPath } from "../engine";
import { type Answer, type Check, type Lang, parseLang, type Problem, requireSeed, type VariantMisconception } from "../problems";
import { QuestionError } from "./errors";
import { compileFormula, FormulaError, type FormulaValue } from "./formula";
import { fillPlaceholders, formatValue, PlaceholderError, substituteJson } from "./placeholders";
import type { CustomQuestion } from "./schema";
import { type Assignment, assignmentOfSeed } from "./variable-space";
import { localizedOf, type QuestionVariant, sameValue, textIn, type VariantRequest } from "./variant";

const DEFAULT_TOLERANCE = 1e-4;
/** The solution when the author wrote none. */
const DEFAULT_SOLUTION = { en: "The answer is ${{answer}}$.", "zh-CN": "答案是 ${{answer}}$。" };

/** A custom variant's numbers, before any text is rendered: what the validation run checks. */
export interface CustomKey {
  values: Record<string, FormulaValue>;
  answer: Answer;
  check: Check;
}

/**
 * The variables, derived variables and key of one assignment. A bad formula or placeholder is a
 * `QuestionError` "invalid-variant"; a spec or op the engine refuses is "engine-error" with the
 * engine's message (which names the offending layer).
 */
export function keyCustomVariant(question: CustomQuestion, assignment: Assignment): CustomKey {
  const values: Record<string, FormulaValue> = { ...assignment };
  for (const derived of question.derived ?? []) {
    values[derived.name] = guard(() => compileFormula(derived.formula).evaluate(values), `derived variable ${derived.name}`);
  }
  const { answer: spec } = question;
  if (spec.formula !== undefined) {
    const value = guard(() => compileFormula(spec.formula as string).evaluate(values), "answer formula");
    return { values, answer: toAnswer(question, value, "the answer formula"), check: null };
  }
  const engine = spec.engine as NonNullable<typeof spec.engine>;
  const built = guard(() => substituteJson(engine.mode === "analyze" ? engine.spec : engine.op, values), "answer.engine") as Record<string, unknown>;
  const check: NonNullable<Check> =
    engine.mode === "analyze" ? { mode: "analyze", spec: built as never, select: engine.select } : { mode: "run", op: built, select: engine.select };
  let keyed: unknown;
  try {
    keyed = selectPath(check.mode === "analyze" ? analyze(check.spec) : run(check.op as never), check.select);
  } catch (error) {
    if (error instanceof EngineError) throw new QuestionError("engine-error", `the engine cannot compute the key: ${error.message}`);
    throw error;
  }
  return { values, answer: toAnswer(question, keyed, "the engine's value"), check };
}

/** The variant of a custom question for a seed: same seed, same variables, same key. */
export function sampleCustomQuestion(question: CustomQuestion, request: VariantRequest): QuestionVariant {
  const seed = requireSeed(request.seed);
  return renderCustomVariant(question, assignmentOfSeed(question.variables, seed), { ...request, seed });
}

/** Prompt, solution and misconceptions of one assignment, in the asked language (`key` when already computed). */
export function renderCustomVariant(
  question: CustomQuestion,
  assignment: Assignment,
  request: VariantRequest,
  key: CustomKey = keyCustomVariant(question, assignment),
): QuestionVariant {
  const lang: Lang = parseLang(request.lang ?? "en");
  const { values, answer, check } = key;
  const withAnswer = { ...values, answer: answer.value as number };
  const prompt = textIn(question.prompt, lang);
  const solution = textIn(question.solution ?? DEFAULT_SOLUTION, lang);
  const problem: Problem = {
    template: request.templateId,
    seed: request.seed,
    lang,
    topic: question.topic,
    difficulty: question.difficulty,
    prompt: guard(() => fillPlaceholders(prompt.text, values), "prompt"),
    answer,
    check,
    solution: guard(() => fillPlaceholders(solution.text, withAnswer), "solution"),
  };
  return { problem, misconceptions: misconceptionsOf(question, values, answer), untranslated: prompt.fallback, variables: values };
}

function misconceptionsOf(question: CustomQuestion, values: Record<string, FormulaValue>, key: Answer): VariantMisconception[] {
  const scope = typeof key.value === "number" || typeof key.value === "boolean" ? { ...values, answer: key.value } : values;
  return (question.misconceptions ?? []).flatMap((rule, index) => {
    const label = `misconception ${index + 1}`;
    const raw = rule.formula !== undefined ? guard(() => compileFormula(rule.formula as string).evaluate(scope), label) : rule.value;
    const wrongAnswer = toAnswer(question, raw, label);
    // A rule that gives the right answer for this variant names no mistake here.
    if (sameValue(wrongAnswer.value, key.value)) return [];
    const fill = (text: string) => guard(() => fillPlaceholders(text, { ...scope, answer: key.value as number }), `${label} message`);
    return [{ id: rule.id ?? `rule-${index + 1}`, wrongAnswer, feedback: localizedOf(rule.message, fill) }];
  });
}

/** Runs a step, turning a formula or placeholder failure into an "invalid-variant" naming the step. */
function guard<T>(step: () => T, where: string): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof FormulaError || error instanceof PlaceholderError) throw new QuestionError("invalid-variant", `${where}: ${error.message}`);
    throw error;
  }
}

const isMatrix = (x: unknown): x is number[][] =>
  Array.isArray(x) && x.length > 0 && x.every((row) => Array.isArray(row) && row.length === (x[0] as unknown[]).length && row.every(Number.isFinite));

/** A computed value as a key of the question's kind; anything else is an "invalid-variant". */
function toAnswer(question: CustomQuestion, value: unknown, what: string): Answer {
  const { kind, tolerance = DEFAULT_TOLERANCE } = question.answer;
  if (kind === "integer" && typeof value === "number" && Number.isInteger(value)) return { kind, value };
  if (kind === "number" && typeof value === "number" && Number.isFinite(value)) return { kind, value, tolerance };
  if (kind === "boolean" && typeof value === "boolean") return { kind, value };
  if (kind === "shape" && Array.isArray(value) && value.length > 0 && value.every(Number.isInteger)) return { kind, value: [...(value as number[])] };
  if (kind === "matrix" && isMatrix(value)) return { kind, value: value.map((row) => [...row]), tolerance };
  const shown = Array.isArray(value) ? JSON.stringify(value) : typeof value === "number" ? formatValue(value) : String(value);
  throw new QuestionError("invalid-variant", `${what} is ${shown}, not ${kind === "integer" ? "an integer" : `a ${kind}`}`);
}
