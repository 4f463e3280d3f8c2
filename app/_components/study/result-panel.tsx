"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { calculatorHref } from "../../calc/calculator-link";
import { answerText } from "../answer-text";
import { Html } from "../html";
import { ProblemFigure } from "../problem-figure";
import type { ChoiceOptionView } from "./answer-input";
import { AnswerLines } from "./answer-lines";
import { BrowserVerification } from "./browser-verification";
import { pick } from "./problem-panel";

export interface GradedView {
  reviewId: string;
  score: number;
  correct: boolean;
  feedback: Record<string, string> | null;
  feedbackHtml: Record<string, string> | null;
  mistake: string | null;
  expected: { kind: string; value: unknown };
  solution: string;
  solutionHtml: string;
  figure: { svg: string; alt: string } | null;
  check: Parameters<typeof BrowserVerification>[0]["check"];
  /** Where the key comes from when there is no check: the books or the question's author. */
  keySource?: "engine" | "book" | "author";
}

/**
 * After grading: the verdict and score, the feedback (naming the mistake when one matched), the
 * answer next to the key, the worked solution with its figure, and the key re-checked in the
 * browser. `children` holds what comes next (rating, undo, next).
 */
export function ResultPanel({
  graded,
  answer,
  options,
  children,
}: {
  graded: GradedView;
  answer: string;
  options: ChoiceOptionView[] | null;
  children?: React.ReactNode;
}) {
  const t = useTranslations("review");
  const locale = useLocale();
  const title = useRef<HTMLHeadingElement>(null);
  // A new result takes the focus: a screen reader reads the verdict next, and the keys (1–4,
  // Space) work without leaving the answer field first.
  useEffect(() => {
    title.current?.focus();
  }, [graded.reviewId]);
  const verdict = graded.correct ? "correct" : graded.score > 0 ? "partial" : "incorrect";
  const tone =
    verdict === "correct" ? "border-emerald-200 bg-emerald-50" : verdict === "partial" ? "border-amber-200 bg-amber-50" : "border-rose-200 bg-rose-50";
  const feedback = pick(graded.feedbackHtml, locale);
  const choiceKey = graded.expected.kind === "choice" || graded.expected.kind === "choices";
  const calcHref = calculatorHref(graded.check);

  return (
    <section data-testid="result" data-verdict={verdict} data-mistake={graded.mistake ?? ""} className={`rounded-xl border p-6 shadow-sm ${tone}`} aria-labelledby="result-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="result-title" ref={title} className="text-xl font-semibold focus:outline-none" tabIndex={-1}>
          {t(verdict)}
        </h2>
        <span className="text-sm text-slate-700">{t("score", { score: graded.score })}</span>
      </div>
      {feedback && (
        <div className="mt-2 text-slate-800" data-testid="feedback">
          {graded.mistake && <p className="text-xs font-semibold uppercase tracking-wide text-rose-800">{t("mistakeNamed")}</p>}
          <Html compact html={feedback} />
        </div>
      )}
      <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-600" id="your-answer-label">
            {t("yourAnswer")}
          </dt>
          <dd>
            <AnswerLines text={answer} labelledBy="your-answer-label" />
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600" id="expected-label">
            {t("expected")}
          </dt>
          <dd data-testid="expected">
            {choiceKey ? (
              // Options may hold maths: typeset them as the options above are.
              <div className="space-y-1 font-sans">
                {(Array.isArray(graded.expected.value) ? (graded.expected.value as string[]) : [String(graded.expected.value)]).map((id) => (
                  <div key={id} className="flex gap-1.5">
                    <span className="font-semibold">{id}.</span>
                    <Html compact html={options?.find((option) => option.id === id)?.html ?? ""} />
                  </div>
                ))}
              </div>
            ) : (
              <AnswerLines text={answerText(graded.expected, locale, options)} labelledBy="expected-label" testId="expected-lines" />
            )}
          </dd>
        </div>
      </dl>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        {/* A design key is its constraints, not a value the check selects: the server's engine graded the learner's own network. */}
        {graded.expected.kind !== "spec" && (
          <BrowserVerification reviewId={graded.reviewId} check={graded.check} expected={graded.expected.value} keySource={graded.keySource ?? "book"} />
        )}
        {calcHref && (
          // A new tab: the result, its rating and the next problem stay where they are.
          <a href={calcHref} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 underline hover:text-brand-800" data-testid="open-in-calculator">
            {t("openInCalculator")}
            <span className="sr-only"> {t("opensInNewTab")}</span>
          </a>
        )}
      </div>
      <div className="mt-4 rounded-lg bg-white/80 p-4" data-testid="solution">
        <h3 className="font-semibold">{t("solution")}</h3>
        <Html html={graded.solutionHtml} />
        {graded.figure && <ProblemFigure figure={graded.figure} />}
      </div>
      {children}
    </section>
  );
}
