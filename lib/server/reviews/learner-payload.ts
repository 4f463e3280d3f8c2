import type { Problem } from "@/lib/problems";
import { renderMarkdownCached as renderMarkdown } from "../markdown/cache";

/**
 * What a learner's browser may see before answering: an allow-list, so that a field added to
 * Problem later (a key, a hint) is never sent by accident. The seed stays on the server too:
 * problems are public functions of their seed, so the seed alone would give the key away.
 */
export function learnerPayload(problem: Problem) {
  return {
    template: problem.template,
    topic: problem.topic,
    difficulty: problem.difficulty,
    lang: problem.lang,
    prompt: problem.prompt,
    /** The prompt typeset on the server (see render-markdown.ts; cached, see cache.ts). */
    promptHtml: renderMarkdown(problem.prompt),
    answerKind: problem.answer.kind,
    options: problem.options?.map((option) => ({ ...option, html: renderMarkdown(option.text) })) ?? null,
  };
}

export type LearnerPayload = ReturnType<typeof learnerPayload>;
