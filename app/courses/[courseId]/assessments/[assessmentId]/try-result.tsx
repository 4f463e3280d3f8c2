"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { answerText } from "../../../../_components/answer-text";
import { Html } from "../../../../_components/html";
import { ProblemFigure } from "../../../../_components/problem-figure";
import type { ChoiceOptionView } from "../../../../_components/study/answer-input";
import { AnswerLines } from "../../../../_components/study/answer-lines";
import { BrowserVerification } from "../../../../_components/study/browser-verification";
import { pick } from "../../../../_components/study/problem-panel";
import type { GradedTry } from "./types";

export type Revealed = NonNullable<GradedTry["solution"]>;

/**
 * A try's outcome as far as the review options show it: right or not, the points it earned, the
 * feedback, and the key with its worked solution (re-checked by the engine in this browser, a
 * different key reported for that try) only when the server sent them. With nothing to show yet,
 * it says the answer is saved and when results come.
 */
export function TryResult({
  focusKey,
  answer,
  correct,
  earned,
  late,
  feedbackHtml,
  mistake,
  solution,
  options,
  template,
  note,
}: {
  /** A new value moves the focus to the verdict, so a screen reader reads it next; null for a result the learner opened (the focus stays where they navigate). */
  focusKey: string | null;
  answer: string;
  correct: boolean | null;
  earned: number | null;
  late: boolean;
  feedbackHtml: Record<string, string> | null;
  mistake: string | null;
  solution: Revealed | null;
  options: ChoiceOptionView[] | null;
  template: string;
  /** Why less is shown (results after finishing, the key once the question is done), or null. */
  note: string | null;
}) {
  const t = useTranslations("takeAssessment");
  const tr = useTranslations("review");
  const locale = useLocale();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey !== null) title.current?.focus();
  }, [focusKey]);

  const verdict = correct === null ? "saved" : correct ? "correct" : earned !== null && earned > 0 ? "partial" : "incorrect";
  const tone =
    verdict === "correct"
      ? "border-emerald-200 bg-emerald-50"
      : verdict === "partial"
        ? "border-amber-200 bg-amber-50"
        : verdict === "incorrect"
          ? "border-rose-200 bg-rose-50"
          : "border-slate-200 bg-white";
  const feedback = pick(feedbackHtml, locale);
  const choiceKey = solution?.expected.kind === "choice" || solution?.expected.kind === "choices";

  return (
    <section data-testid="try-result" data-verdict={verdict} className={`rounded-xl border p-5 shadow-sm sm:p-6 ${tone}`} aria-labelledby="try-result-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="try-result-title" ref={title} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {verdict === "saved" ? t("answerSaved") : t(verdict)}
        </h2>
        {earned !== null && (
          <span className="text-sm text-slate-800" data-testid="try-earned">
            {t("earned", { earned: Math.round(earned * 100) / 100 })}
          </span>
        )}
      </div>
      {late && <p className="mt-1 text-sm font-medium text-amber-900">{t("lateCredit")}</p>}
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      {feedback && (
        <div className="mt-2 text-slate-800" data-testid="try-feedback">
          {mistake && <p className="text-xs font-semibold uppercase tracking-wide text-rose-800">{tr("mistakeNamed")}</p>}
          <Html compact html={feedback} />
        </div>
      )}
      <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-600" id="try-answer-label">
            {tr("yourAnswer")}
          </dt>
          <dd>
            <AnswerLines text={answer} labelledBy="try-answer-label" />
          </dd>
        </div>
        {solution && (
          <div className="min-w-0">
            <dt className="text-slate-600" id="try-expected-label">
              {tr("expected")}
            </dt>
            <dd data-testid="try-expected">
              {choiceKey ? (
                <div className="space-y-1">
                  {(Array.isArray(solution.expected.value) ? (solution.expected.value as string[]) : [String(solution.expected.value)]).map((id) => (
                    <div key={id} className="flex gap-1.5">
                      <span className="font-semibold">{id}.</span>
                      <Html compact html={options?.find((option) => option.id === id)?.html ?? ""} />
                    </div>
                  ))}
                </div>
              ) : (
                <AnswerLines text={answerText(solution.expected, locale, options)} labelledBy="try-expected-label" />
              )}
            </dd>
          </div>
        )}
      </dl>
      {solution && (
        <>
          {solution.expected.kind !== "spec" && (
            <div className="mt-2">
              <BrowserVerification
                reviewId={null}
                attemptTry={solution.tryRef}
                check={solution.check as Parameters<typeof BrowserVerification>[0]["check"]}
                expected={solution.expected.value}
                keySource={template.startsWith("question:") ? "author" : "book"}
              />
            </div>
          )}
          <div className="mt-4 rounded-lg bg-white/80 p-4" data-testid="try-solution">
            <h3 className="font-semibold">{tr("solution")}</h3>
            <Html html={solution.solutionHtml} />
            {solution.figure && <ProblemFigure figure={solution.figure} />}
          </div>
        </>
      )}
    </section>
  );
}
