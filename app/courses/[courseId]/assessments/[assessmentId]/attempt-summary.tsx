"use client";

import { useFormatter, useTranslations } from "next-intl";
import { stateOf } from "./question-nav";
import type { Attempt } from "./types";

/**
 * After the attempt ends: how it ended (finished, or closed by the clock), the total and each
 * question's points and result as far as the review options show them; each row opens its
 * question, read-only, below.
 */
export function AttemptSummary({ attempt, onOpen }: { attempt: Attempt; onOpen: (position: number) => void }) {
  const t = useTranslations("takeAssessment");
  const format = useFormatter();
  const timeUp = attempt.finishedBy === "time";
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="summary-heading" className="space-y-4" data-testid="attempt-summary" data-finished-by={attempt.finishedBy ?? ""}>
      <div role="status" className={`rounded-xl border p-5 ${timeUp ? "border-amber-200 bg-amber-50" : "border-emerald-200 bg-emerald-50"}`} data-testid="attempt-closed">
        <p className="text-lg font-semibold">{timeUp ? t("timeUp") : t("finished")}</p>
        <p className="mt-1 text-slate-800">{timeUp ? t("timeUpBody") : t("finishedBody")}</p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="summary-heading" className="text-lg font-semibold">
          {t("summary")}
        </h2>
        {attempt.total ? (
          <p className="mt-1 text-slate-900" data-testid="attempt-total">
            {t("total", { awarded: number(attempt.total.awarded), possible: number(attempt.total.possible), percent: attempt.total.percent / 100 })}
            {attempt.total.overridden && <span className="block text-sm text-slate-600">{t("totalOverridden")}</span>}
          </p>
        ) : (
          <p className="mt-1 text-slate-700" data-testid="attempt-total-hidden">
            {t("totalHidden")}
          </p>
        )}
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t("summaryQuestion")}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t("summaryTries")}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t("summaryPoints")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("summaryResult")}
                </th>
              </tr>
            </thead>
            <tbody>
              {attempt.questions.map((question) => (
                <tr key={question.position} className="border-t border-slate-100" data-testid="summary-row">
                  <td className="py-1.5 pr-4">
                    <button type="button" onClick={() => onOpen(question.position)} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                      {t("questionButton", { number: question.position + 1, state: t(`state.${question.status}`) })}
                    </button>
                  </td>
                  <td className="py-1.5 pr-4 tabular-nums">{question.tries}</td>
                  <td className="py-1.5 pr-4 tabular-nums" data-testid="summary-points">
                    {question.awarded === null ? t("hidden") : t("pointsOf", { awarded: number(question.awarded), points: question.points })}
                  </td>
                  <td className="py-1.5" data-testid="summary-result">
                    {question.tries === 0 ? t("state.unanswered") : question.lastCorrect === null ? t("hidden") : stateOf(question) === "correct" ? t("correct") : t("incorrect")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
