import { gradeAnswer } from "@/lib/grading";
import { type Lang, listTemplates, MAX_SEED, type Problem, sampleProblem } from "@/lib/problems";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import type { ProblemView } from "../../_components/study/problem-panel";
import type { GradedView } from "../../_components/study/result-panel";

/**
 * Offline practice's problems, made and graded in the browser: a problem is a pure function of
 * its template and seed (lib/problems), and grading a pure function of the problem and the typed
 * answer (lib/grading), so the browser computes exactly what the server would. That is why it
 * is practice only: the key is in the browser before the answer, and the server grades every
 * answer again when it syncs (lib/server/reviews/sync-offline-practice.ts).
 */

/** A problem of a random built-in skill (of one topic, or any), with a random seed. */
export function drawOfflineProblem({ topic, lang, random }: { topic: string | null; lang: Lang; random: () => number }): Problem {
  const candidates = listTemplates().filter((entry) => !topic || entry.topic === topic);
  const pick = candidates[Math.min(candidates.length - 1, Math.floor(random() * candidates.length))];
  if (!pick) throw new Error(`no skill in topic ${topic}`);
  const seed = Math.min(MAX_SEED, Math.floor(random() * (MAX_SEED + 1)));
  return sampleProblem({ template: pick.template, seed, lang });
}

/** What the answer form shows, typeset here as the server would typeset it. */
export function offlineProblemView(problem: Problem): ProblemView {
  return {
    template: problem.template,
    topic: problem.topic,
    difficulty: problem.difficulty,
    prompt: problem.prompt,
    promptHtml: renderMarkdown(problem.prompt),
    answerKind: problem.answer.kind,
    options: problem.options?.map((option) => ({ ...option, html: renderMarkdown(option.text) })) ?? null,
  };
}

const renderLocalized = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).map(([lang, markdown]) => [lang, renderMarkdown(markdown)]));

export type OfflineGrade =
  | { status: "format-error"; formatErrorHtml: Record<string, string> }
  | { status: "graded"; graded: GradedView };

/** The grade of an answer, shaped as the result panel shows a server's; `id` is the queued item's. */
export function gradeOffline({ id, problem, answer }: { id: string; problem: Problem; answer: string }): OfflineGrade {
  const grade = gradeAnswer({ problem, answer });
  if (!grade.gradable) return { status: "format-error", formatErrorHtml: renderLocalized(grade.formatError) };
  return {
    status: "graded",
    graded: {
      reviewId: id,
      score: grade.score,
      correct: grade.correct,
      feedback: grade.feedback,
      feedbackHtml: renderLocalized(grade.feedback),
      mistake: grade.mistake ?? null,
      expected: problem.answer,
      solution: problem.solution,
      solutionHtml: renderMarkdown(problem.solution),
      figure: problem.figure ?? null,
      check: problem.check,
    },
  };
}
