"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../../../../../_components/trpc";
import type { RegradeHistoryEntry } from "./regrade-types";

/**
 * The regrades applied to this assessment, newest first: when, by whom, which question from which
 * version to which, whether scores could go down, and the counts. Each opens (a native
 * <details>, so Enter and Space toggle it) to its changes: who, which question, points before →
 * after. Dates are the course's wall clock, the same on the server's render and the browser's.
 */
export function RegradeHistory({ assessmentId, timeZone, initialHistory }: { assessmentId: string; timeZone: string; initialHistory: RegradeHistoryEntry[] }) {
  const t = useTranslations("teachRegrade");
  const locale = useLocale();
  const trpc = useTRPC();
  const history = useQuery(trpc.assessments.regradeHistory.queryOptions({ assessmentId }, { initialData: initialHistory }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  function state(before: number, after: number) {
    if (after === before) return { label: t("unchanged"), badge: "bg-slate-100 text-slate-700", key: "unchanged" };
    if (after < before) return { label: t("lowered"), badge: "bg-red-100 text-red-800", key: "lowered" };
    return { label: t("changed"), badge: "bg-amber-100 text-amber-900", key: "changed" };
  }

  return (
    <section aria-labelledby="history-heading" className="space-y-3" data-testid="regrade-history">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("historyHeading")}
      </h2>
      {history.data.length === 0 ? (
        <p className="text-slate-600" data-testid="regrade-history-empty">
          {t("historyEmpty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {history.data.map((regrade) => {
            const captionId = `regrade-changes-${regrade.id}`;
            return (
              <li key={regrade.id} className="rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="regrade-history-item" data-regrade-id={regrade.id}>
                <details className="group">
                  <summary className="cursor-pointer list-none rounded-xl px-4 py-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-300 sm:px-6 [&::-webkit-details-marker]:hidden">
                    <span className="flex items-start gap-2">
                      <span aria-hidden="true" className="mt-0.5 inline-block text-slate-500 transition-transform group-open:rotate-90">
                        ▸
                      </span>
                      <span className="min-w-0 space-y-1">
                        <span className="block font-semibold text-slate-900" data-testid="history-title">
                          {t("historyItem", {
                            when: when.format(new Date(regrade.appliedAt)),
                            title: regrade.questionTitle ?? t("historyQuestionUnknown"),
                            from: regrade.fromVersion ?? "—",
                            to: regrade.toVersion ?? "—",
                          })}
                        </span>
                        <span className="block text-sm text-slate-700" data-testid="history-by">
                          {regrade.by ? t("historyBy", { name: regrade.by.name }) : t("historyByUnknown")}
                        </span>
                        <span className="block text-sm text-slate-700" data-testid="history-counts">
                          {t("historyCounts", { affected: regrade.affected, changed: regrade.changed })}
                        </span>
                        <span
                          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${regrade.allowLower ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}
                          data-testid="history-lowering"
                        >
                          {regrade.allowLower ? t("historyLowerAllowed") : t("historyNeverLower")}
                        </span>
                      </span>
                    </span>
                  </summary>
                  <div className="border-t border-slate-100 px-4 pb-4 pt-3 sm:px-6">
                    <div className="overflow-x-auto rounded-lg border border-slate-200" role="region" aria-labelledby={captionId} tabIndex={0}>
                      <table className="w-full min-w-[20rem] text-left text-sm" data-testid="history-changes">
                        <caption id={captionId} className="sr-only">
                          {t("historyChangesCaption")}
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
                              {t("points")}
                            </th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {regrade.changes.map((change) => {
                            const shown = state(change.before, change.after);
                            return (
                              <tr key={change.id} data-testid="history-change" data-state={shown.key}>
                                <th scope="row" className="px-3 py-2 align-top font-normal">
                                  <span className="block font-medium text-slate-900">{change.learner.name}</span>
                                  <span className="block break-all text-xs text-slate-600">{change.learner.email}</span>
                                </th>
                                <td className="whitespace-nowrap px-3 py-2 align-top">{t("questionNumber", { number: change.position + 1 })}</td>
                                <td className="px-3 py-2 align-top">
                                  <span className="block whitespace-nowrap font-semibold text-slate-900" data-testid="history-points">
                                    {t("pointsChange", { before: points.format(change.before), after: points.format(change.after) })}
                                  </span>
                                  <span className={`mt-1 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${shown.badge}`}>{shown.label}</span>
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
