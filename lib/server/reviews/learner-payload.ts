import type { Problem } from "@/lib/problems";
import { typesetPendingMath } from "../markdown/math-in-browser";
import { renderDocuments, renderDocumentsMathInBrowser } from "../markdown/render-off-thread";

/**
 * Where the prompt's formulas are typeset: on the server, or in the learner's browser
 * (math-in-browser.ts), for the calls only a browser makes, whose answer the page typesets.
 */
export type MathTypesetting = "server" | "browser";

/**
 * What a learner's browser may see before answering: an allow-list, so that a field added to
 * Problem later (a key, a hint) is never sent by accident. The seed stays on the server too:
 * problems are public functions of their seed, so the seed alone would give the key away.
 */
export async function learnerPayload(problem: Problem, math: MathTypesetting = "server") {
  const options = problem.options ?? null;
  // The prompt and its options rendered together; what is typeset whole goes off the request thread (render-off-thread.ts).
  const render = math === "browser" ? renderDocumentsMathInBrowser : renderDocuments;
  const [promptHtml, ...optionsHtml] = await render([problem.prompt, ...(options ?? []).map((option) => option.text)]);
  return {
    template: problem.template,
    topic: problem.topic,
    difficulty: problem.difficulty,
    lang: problem.lang,
    prompt: problem.prompt,
    /** The prompt rendered on the server (render-markdown.ts; cached, cache.ts), its formulas typeset there or left to the page (`math`). */
    promptHtml: promptHtml!,
    answerKind: problem.answer.kind,
    options: options?.map((option, i) => ({ ...option, html: optionsHtml[i]! })) ?? null,
    /** A block's diagram drawn before answering, where it gives nothing of the key away (template.ts `promptFigure`). */
    promptFigure: problem.promptFigure ? { svg: problem.promptFigure.svg, alt: problem.promptFigure.alt } : null,
  };
}

export type LearnerPayload = Awaited<ReturnType<typeof learnerPayload>>;

/** The payload with any formula left for the browser typeset here: for a page that arrives with its problem, painted before its script runs. */
export function withMathTypeset(payload: LearnerPayload): LearnerPayload {
  return {
    ...payload,
    promptHtml: typesetPendingMath(payload.promptHtml),
    options: payload.options?.map((option) => ({ ...option, html: typesetPendingMath(option.html) })) ?? null,
  };
}
