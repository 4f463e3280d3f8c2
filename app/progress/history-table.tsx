import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { misconceptionName } from "@/lib/problems";
import { HistoryPrompt } from "./history-prompt";

interface HistoryRow {
  id: string;
  title: { en: string; "zh-CN": string };
  mode: string;
  /** Practised in the browser while offline, synced later. */
  offline: boolean;
  prompt: string | null;
  answer: string;
  score: number;
  correct: boolean;
  rating: number;
  undone: boolean;
  mistake: string | null;
  reviewedAt: Date;
}

/** One page of the learner's answers, newest first, each with the problem as it was asked. */
export async function HistoryTable({ rows, page, pages, timeZone }: { rows: HistoryRow[]; page: number; pages: number; timeZone: string }) {
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  // In the learner's zone: a review at 07:30 in Shanghai is not shown as 23:30 the day before.
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  // A course author's own rule ids are words the author chose, not names for a learner: only the
  // catalogue's named misconceptions are listed (the feedback the learner read named them all).
  const mistakeName = (id: string | null) => (id === null ? null : (misconceptionName(id)?.[locale] ?? null));

  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 className="border-b border-slate-100 px-4 py-4 font-semibold sm:px-6">{t("historyTitle")}</h2>
      {rows.length === 0 ? (
        <p className="px-6 py-8 text-center text-slate-600">{t("noHistory")}</p>
      ) : (
        <>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="history">
              <thead className="text-slate-600">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-6">{t("when")}</th>
                  <th className="px-3 py-2 font-medium">{t("skill")}</th>
                  <th className="px-3 py-2 font-medium">{t("answer")}</th>
                  <th className="px-4 py-2 font-medium sm:px-6">{t("result")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((review) => (
                  <tr key={review.id} className={`border-t border-slate-100 align-top ${review.undone ? "text-slate-500" : ""}`} data-testid="history-row">
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600 sm:px-6">{dateTime(review.reviewedAt)}</td>
                    <td className="min-w-[10rem] px-3 py-3">
                      <div className="font-medium">{review.title[locale]}</div>
                      <div className="mt-0.5 text-xs text-slate-600">{t(`modes.${review.mode !== "practice" ? "review" : review.offline ? "offlinePractice" : "practice"}`)}</div>
                      {review.prompt && <HistoryPrompt reviewId={review.id} />}
                    </td>
                    <td className="max-w-[12rem] break-words px-3 py-3 font-mono" title={review.answer}>
                      {review.answer}
                    </td>
                    <td className="px-4 py-3 sm:px-6">
                      <div className="flex flex-wrap items-center gap-1.5">
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-medium ${review.correct ? "bg-emerald-100 text-emerald-800" : review.score > 0 ? "bg-amber-100 text-amber-800" : "bg-rose-100 text-rose-800"}`}
                        >
                          {review.correct ? t("correct") : review.score > 0 ? t("partial", { score: review.score }) : t("incorrect")}
                        </span>
                        <span className="text-xs text-slate-600">{t(`ratings.${review.rating as 1 | 2 | 3 | 4}`)}</span>
                        {review.undone && (
                          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" data-testid="undone-badge">
                            {t("undoneBadge")}
                          </span>
                        )}
                      </div>
                      {mistakeName(review.mistake) && <div className="mt-1 text-xs text-slate-600" data-testid="history-mistake">{t("mistake", { name: mistakeName(review.mistake)! })}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label={t("historyPagination")} className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm sm:px-6">
              {page > 1 ? (
                <Link href={`/progress?page=${page - 1}#history`} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50">
                  {t("newer")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600" data-testid="history-page">{t("pageOf", { page, pages })}</span>
              {page < pages ? (
                <Link href={`/progress?page=${page + 1}#history`} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50">
                  {t("older")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
