import { type Answer, type Lang, type Problem, type VariantMisconception } from "../problems";
import type { Bank } from "./bundle";
import { keyCustomVariant } from "./custom-question";
import { QuestionError } from "./errors";
import { compileFormula } from "./formula";
import { sampleQuestion } from "./sample-question";
import type { CustomQuestion, QuestionDefinition, Variable } from "./schema";
import { allAssignments, assignmentOfSeed, countAssignments } from "./variable-space";
import { textIn } from "./variant";

/**
 * What the Moodle XML and GIFT writers write, format-neutral: each bank question becomes one item
 * (a fixed question, or a custom one Moodle can compute as a calculated question) or a fixed
 * sample of its variants, one item each. Texts are still markdown with KaTeX.
 */
export type ExportItem = { name: string; text: string; feedback: string } & (
  | {
      type: "numerical";
      value: number;
      /** absolute, as Moodle's and GIFT's tolerances are */
      tolerance: number;
      /** A named mistake's wrong value, worth 0, with the feedback that names it. */
      mistakes: { value: number; feedback: string }[];
    }
  | { type: "multichoice"; single: boolean; options: { text: string; fraction: number; /** the mistake this option encodes */ feedback?: string }[] }
  | { type: "truefalse"; value: boolean; /** said to whoever answers the other way, when a mistake is named for it */ wrongFeedback?: string }
  | { type: "shortanswer"; answers: string[]; mistakes: { answers: string[]; feedback: string }[] }
  | {
      type: "calculated";
      /** Moodle's syntax: `{k}` for a variable, `pow(a, b)`. */
      formula: string;
      tolerance: number;
      toleranceType: "relative" | "nominal";
      decimals: number;
      /** One dataset per variable; item i of every dataset together is one variant. */
      datasets: { name: string; min: number; max: number; values: number[] }[];
    }
);

export interface ExportOptions {
  /** The language of the texts (default `en`; a missing Chinese text falls back to the English). */
  lang?: Lang;
  /** How many variants stand for a question Moodle cannot compute itself (default 5). */
  variantsPerQuestion?: number;
  /** How many dataset items a calculated question carries (default 20; Moodle allows 100). */
  datasetItems?: number;
  /** Whether calculated questions may be written (GIFT has none). */
  calculated?: boolean;
}

/**
 * The items of a bank's questions, in bank order. Each question is exported at its latest
 * published version; a question never published is left out, as learners never saw it.
 */
export function planExport(bank: Bank, options: ExportOptions = {}): ExportItem[] {
  return bank.questions.flatMap((question) => {
    const published = question.versions.filter((version) => version.published).at(-1);
    return published ? itemsOf(published.definition, question.key, options) : [];
  });
}

function itemsOf(definition: QuestionDefinition, key: string, options: ExportOptions): ExportItem[] {
  const lang = options.lang ?? "en";
  const name = textIn(definition.title, lang).text;
  if (definition.kind === "custom" && options.calculated !== false) {
    const calculated = calculatedItem(definition, name, lang, options.datasetItems ?? 20);
    if (calculated) return [calculated];
  }
  const count = definition.kind === "fixed" ? 1 : (options.variantsPerQuestion ?? 5);
  const seen = new Set<string>();
  const items: ExportItem[] = [];
  for (let seed = 0; seed < count * 4 && items.length < count; seed += 1) {
    let problem: Problem;
    let misconceptions: VariantMisconception[];
    try {
      ({ problem, misconceptions } = sampleQuestion(definition, { templateId: `question:${key}`, seed, lang }));
    } catch (error) {
      // A variant that fails to build is the validation run's to report; the export skips it.
      if (error instanceof QuestionError) continue;
      throw error;
    }
    if (seen.has(problem.prompt)) continue;
    seen.add(problem.prompt);
    const item = itemOfProblem(problem, count === 1 ? name : `${name} (${items.length + 1})`, mistakesOf(misconceptions, problem.answer, lang));
    if (item) items.push(item);
  }
  return items;
}

/**
 * A variant's named mistakes in the export's language. A rule whose wrong answer is this variant's
 * key names no mistake here (stride 1 makes "ignored the stride" right); of two with one wrong
 * answer the first is kept, as grading matches them in order.
 */
function mistakesOf(misconceptions: readonly VariantMisconception[], key: Answer, lang: Lang): { answer: Answer; feedback: string }[] {
  const seen = new Set<string>([JSON.stringify(key.value)]);
  return misconceptions.flatMap((misconception) => {
    const value = JSON.stringify(misconception.wrongAnswer.value);
    if (seen.has(value)) return [];
    seen.add(value);
    return [{ answer: misconception.wrongAnswer, feedback: misconception.feedback[lang] }];
  });
}

/** The variant as an item, or `null` for a design problem: only the engine can grade a network, and Moodle has none. */
function itemOfProblem(problem: Problem, name: string, mistakes: { answer: Answer; feedback: string }[]): ExportItem | null {
  const base = { name, text: problem.prompt, feedback: problem.solution };
  const key: Answer = problem.answer;
  const wrong = <K extends Answer["kind"]>(kind: K) =>
    mistakes.flatMap(({ answer, feedback }) => (answer.kind === kind ? [{ value: answer.value as Extract<Answer, { kind: K }>["value"], feedback }] : []));
  switch (key.kind) {
    case "integer":
    case "number": {
      const tolerance = key.kind === "integer" ? 0 : key.tolerance * Math.max(Math.abs(key.value), 1);
      return { ...base, type: "numerical", value: key.value, tolerance, mistakes: wrong(key.kind) };
    }
    case "boolean": {
      const named = wrong("boolean").find(({ value }) => value !== key.value);
      return named ? { ...base, type: "truefalse", value: key.value, wrongFeedback: named.feedback } : { ...base, type: "truefalse", value: key.value };
    }
    case "shape":
      return { ...base, type: "shortanswer", answers: shapeForms(key.value), mistakes: wrong("shape").map(({ value, feedback }) => ({ answers: shapeForms(value), feedback })) };
    case "matrix":
      return { ...base, type: "shortanswer", answers: matrixForms(key.value), mistakes: wrong("matrix").map(({ value, feedback }) => ({ answers: matrixForms(value), feedback })) };
    case "spec":
      return null;
    case "choice":
    case "choices": {
      const correct = key.kind === "choice" ? [key.value] : key.value;
      // Only a single wrong option names a mistake; a set of options chosen together has no one option to carry it.
      const feedbackOf = new Map(wrong("choice").map(({ value, feedback }) => [value, feedback]));
      const options = problem.options ?? [];
      const right = options.filter((option) => correct.includes(option.id)).length;
      const wrongCount = options.length - right;
      return {
        ...base,
        type: "multichoice",
        single: key.kind === "choice",
        // Multi-select: the right options share 100 %, the wrong ones take it back, so ticking all scores 0.
        options: options.map((option) => {
          const fraction = correct.includes(option.id) ? share(100, right) : key.kind === "choice" || wrongCount === 0 ? 0 : -share(100, wrongCount);
          const feedback = correct.includes(option.id) ? undefined : feedbackOf.get(option.id);
          return feedback === undefined ? { text: option.text, fraction } : { text: option.text, fraction, feedback };
        }),
      };
    }
  }
}

/** The ways a learner may write a shape that a short-answer question can match exactly. */
function shapeForms(shape: number[]): string[] {
  return [shape.join("x"), shape.join(" x "), shape.join("×"), `(${shape.join(", ")})`, `[${shape.join(", ")}]`, shape.join(", ")];
}

/**
 * A variable's range as its author declared it (`n = 20..40` is 20 and 40), not as the sampled
 * items happen to span: Moodle draws new dataset items between these bounds.
 */
function declaredRange(variable: Variable): { min: number; max: number } {
  if (variable.values) return { min: Math.min(...variable.values), max: Math.max(...variable.values) };
  return { min: variable.min ?? 0, max: variable.max ?? 0 };
}

/** The ways a learner may write a matrix that a short-answer question can match exactly. */
function matrixForms(matrix: number[][]): string[] {
  return [matrix.map((row) => row.join(" ")).join("; "), matrix.map((row) => row.join(", ")).join("; ")];
}

/** 100/n as Moodle lists its grades (five decimals: 33.33333). */
function share(total: number, parts: number): number {
  return Number((total / parts).toFixed(5));
}

/**
 * A calculated question when Moodle can compute the key itself: a formula answer (integer or
 * number) of arithmetic Moodle knows, derived variables inlined; otherwise `null`.
 */
function calculatedItem(question: CustomQuestion, name: string, lang: Lang, itemCount: number): ExportItem | null {
  const { answer } = question;
  if (answer.formula === undefined || (answer.kind !== "integer" && answer.kind !== "number")) return null;
  const derived = new Map<string, string | null>();
  const symbol = (variable: string) => (derived.has(variable) ? `(${derived.get(variable)})` : `{${variable}}`);
  for (const d of question.derived ?? []) derived.set(d.name, compileFormula(d.formula).toMoodle(symbol));
  const formula = compileFormula(answer.formula).toMoodle(symbol);
  if (formula === null || [...derived.values()].includes(null)) return null;

  const assignments =
    countAssignments(question.variables) <= itemCount
      ? [...allAssignments(question.variables)]
      : Array.from({ length: itemCount }, (_, seed) => assignmentOfSeed(question.variables, seed));
  // Only variants that build: an integer key must stay an integer for every dataset item.
  const valid = assignments.filter((assignment) => {
    try {
      keyCustomVariant(question, assignment);
      return true;
    } catch (error) {
      if (error instanceof QuestionError) return false;
      throw error;
    }
  });
  if (valid.length === 0) return null;

  const moodleText = (text: string, withAnswer: boolean) =>
    text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
      if (name === "answer" && withAnswer) return `{=${formula}}`;
      return derived.has(name) ? `{=${derived.get(name)}}` : `{${name}}`;
    });
  const solution = question.solution ? textIn(question.solution, lang).text : "";
  const integer = answer.kind === "integer";
  return {
    type: "calculated",
    name,
    text: moodleText(textIn(question.prompt, lang).text, false),
    feedback: moodleText(solution, true),
    formula,
    tolerance: integer ? 0 : (answer.tolerance ?? 1e-4),
    toleranceType: integer ? "nominal" : "relative",
    decimals: integer ? 0 : 4,
    datasets: question.variables.map((variable) => ({
      name: variable.name,
      ...declaredRange(variable),
      values: valid.map((assignment) => assignment[variable.name] as number),
    })),
  };
}
