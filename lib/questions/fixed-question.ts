import { type Answer, type ChoiceOption, parseLang, type Problem, requireSeed } from "../problems";
import type { FixedQuestion } from "./schema";
import { textIn, type QuestionVariant, type VariantRequest } from "./variant";

const DEFAULT_TOLERANCE = 1e-4;

/** Option ids as the catalog's choice questions show them: A, B, C, … in the author's order. */
export function optionId(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The key of a fixed question, the same for every seed. */
export function fixedKey(question: FixedQuestion): Answer {
  const { answer } = question;
  switch (answer.format) {
    case "choice":
      return { kind: "choice", value: optionId(answer.options.findIndex((option) => option.correct)) };
    case "choices":
      return { kind: "choices", value: answer.options.flatMap((option, index) => (option.correct ? [optionId(index)] : [])) };
    case "boolean":
      return { kind: "boolean", value: answer.value };
    case "numeric":
      return answer.integer ? { kind: "integer", value: answer.value } : { kind: "number", value: answer.value, tolerance: answer.tolerance ?? DEFAULT_TOLERANCE };
  }
}

/** A fixed question as a problem; the seed changes nothing but is kept, as every variant has one. */
export function sampleFixedQuestion(question: FixedQuestion, request: VariantRequest): QuestionVariant {
  const seed = requireSeed(request.seed);
  const lang = parseLang(request.lang ?? "en");
  const prompt = textIn(question.prompt, lang);
  const explanation = textIn(question.explanation, lang);
  const problem: Problem = {
    template: request.templateId,
    seed,
    lang,
    topic: question.topic,
    difficulty: question.difficulty,
    prompt: prompt.text,
    answer: fixedKey(question),
    check: null,
    solution: explanation.text,
  };
  let untranslated = prompt.fallback || explanation.fallback;
  const { answer } = question;
  if (answer.format === "choice" || answer.format === "choices") {
    problem.options = answer.options.map((option, index): ChoiceOption => {
      const text = textIn(option.text, lang);
      untranslated ||= text.fallback;
      return { id: optionId(index), text: text.text };
    });
  }
  return { problem, misconceptions: [], untranslated };
}
