import type { Problem } from "@/lib/problems";

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
    answerKind: problem.answer.kind,
    options: problem.options ?? null,
  };
}

export type LearnerPayload = ReturnType<typeof learnerPayload>;
