"use client";

import { useLocale, useTranslations } from "next-intl";
import type { RegradeChange, RegradePreview } from "./regrade-types";

/**
 * The preview as a table: each attempt question the regrade moves, with the learner, every answer
 * as typed with its score under the old key and the fixed one, and the question's points before
 * and after. A row whose points change says so in words as well as colour.
 */
export function RegradePreviewTable({ preview }: { preview: RegradePreview }) {
  const t = useTranslations("teachRegrade");
  const locale = useLocale();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  function state(change: RegradeChange) {
    if (!change.changed) return { label: t("unchanged"), row: "", badge: "bg-slate-100 text-slate-700", key: "unchanged" };
    if (change.after < change.before) return { label: t("lowered"), row: "bg-red-50", badge: "bg-red-100 text-red-800", key: "lowered" };
    return { label: t("changed"), row: "bg-amber-50", badge: "bg-amber-100 text-amber-900", key: "changed" };
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby="regrade-caption" tabIndex={0}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="regrade-table">
        <caption id="regrade-caption" className="sr-only">
          {t("tableCaption")}
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("learner")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("question")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("answers")}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              {t("points")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.changes.map((change) => {
            const shown = state(change);
            return (
              <tr key={`${change.attemptId}:${change.position}`} className={shown.row} data-testid="regrade-row" data-state={shown.key}>
                <th scope="row" className="px-3 py-2 align-top font-normal">
                  <span className="block font-medium text-slate-900" data-testid="regrade-learner">
                    {change.learner.name}
                  </span>
                  <span className="block break-all text-xs text-slate-600">{change.learner.email}</span>
                </th>
                <td className="px-3 py-2 align-top whitespace-nowrap">{t("questionNumber", { number: change.position + 1 })}</td>
                <td className="px-3 py-2 align-top">
                  {change.answers.length === 0 ? (
                    <span className="text-slate-600">{t("noAnswers")}</span>
                  ) : (
                    <ol className="space-y-1">
                      {change.answers.map((answer, at) => (
                        <li key={at} className="flex flex-wrap items-baseline gap-x-2" data-testid="regrade-answer">
                          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">{answer.answer}</code>
                          <span className={answer.after !== answer.before ? "font-semibold text-slate-900" : "text-slate-600"}>
                            {t("answerScore", { before: percent.format(answer.before), after: percent.format(answer.after) })}
                          </span>
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
                <td className="px-3 py-2 align-top">
                  <span className="block whitespace-nowrap font-semibold text-slate-900" data-testid="regrade-points">
                    {t("pointsChange", { before: points.format(change.before), after: points.format(change.after) })}
                  </span>
                  <span className={`mt-1 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${shown.badge}`}>{shown.label}</span>
                  {change.regraded !== change.after && <span className="mt-1 block text-xs text-slate-700">{t("kept", { regraded: points.format(change.regraded), after: points.format(change.after) })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
