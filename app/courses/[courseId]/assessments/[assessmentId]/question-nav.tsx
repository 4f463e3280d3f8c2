"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useRef } from "react";
import { typingText } from "../../../../_components/study/use-choice-keys";
import type { QuestionSummary } from "./types";

/**
 * A question's state as its button and the summary show it: right or not where the review options
 * say so. A question once answered right reads as right even when a later try was wrong (homework
 * keeps the best try), late or not.
 */
export function stateOf(question: QuestionSummary): "unanswered" | "answered" | "done" | "correct" | "incorrect" {
  if (question.anyCorrect === true) return "correct";
  if (question.lastCorrect === false) return "incorrect";
  return question.status;
}

const tone = {
  unanswered: "border-slate-300 bg-white text-slate-800",
  answered: "border-brand-300 bg-brand-50 text-brand-800",
  done: "border-slate-400 bg-slate-200 text-slate-800",
  correct: "border-emerald-300 bg-emerald-50 text-emerald-900",
  incorrect: "border-rose-300 bg-rose-50 text-rose-900",
} as const;

const mark = { unanswered: "", answered: "•", done: "•", correct: "✓", incorrect: "✗" } as const;

/**
 * The attempt's questions as numbered buttons, each naming its state; the one shown is
 * aria-current. One button is in the tab order (the current one); the arrow keys, Home and End
 * move between them (WAI-ARIA APG toolbar), and [ and ] go back and forth from anywhere but a
 * text field.
 */
export function QuestionNav({ questions, current, onSelect }: { questions: QuestionSummary[]; current: number; onSelect: (position: number) => void }) {
  const t = useTranslations("takeAssessment");
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const index = questions.findIndex((question) => question.position === current);
  const latest = useRef({ questions, index, onSelect });
  useEffect(() => {
    latest.current = { questions, index, onSelect };
  });

  function go(target: number, focus: boolean) {
    const question = latest.current.questions[target];
    if (!question) return;
    latest.current.onSelect(question.position);
    if (focus) buttons.current.get(question.position)?.focus();
  }

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || typingText(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key !== "[" && event.key !== "]") return;
      event.preventDefault();
      go(latest.current.index + (event.key === "]" ? 1 : -1), false);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const last = questions.length - 1;
    const target =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? Math.min(last, index + 1)
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? Math.max(0, index - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    go(target, true);
  }

  return (
    <nav aria-label={t("navLabel")} aria-describedby="question-nav-help" data-testid="question-nav">
      <ol className="flex flex-wrap gap-2" onKeyDown={onKeyDown}>
        {questions.map((question) => {
          const state = stateOf(question);
          const isCurrent = question.position === current;
          const number = question.position + 1;
          return (
            <li key={question.position}>
              <button
                type="button"
                ref={(element) => {
                  if (element) buttons.current.set(question.position, element);
                  else buttons.current.delete(question.position);
                }}
                tabIndex={isCurrent ? 0 : -1}
                aria-current={isCurrent ? "step" : undefined}
                aria-label={t("questionButton", { number, state: t(`state.${state}`) })}
                onClick={() => onSelect(question.position)}
                data-testid="question-button"
                data-state={state}
                className={`relative grid h-11 min-w-11 place-items-center rounded-lg border px-2 font-semibold tabular-nums focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${tone[state]} ${isCurrent ? "ring-2 ring-brand-600 ring-offset-1" : ""}`}
              >
                {number}
                {mark[state] && (
                  <span aria-hidden="true" className="absolute -right-1 -top-1 rounded-full bg-white px-1 text-xs leading-4 shadow-sm">
                    {mark[state]}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <p id="question-nav-help" className="mt-2 text-xs text-slate-600">
        {t("navHelp")}
      </p>
    </nav>
  );
}
