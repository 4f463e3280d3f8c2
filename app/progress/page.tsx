import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getServices } from "@/lib/server/services";
import { createCaller } from "@/lib/server/root";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

export default async function ProgressPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/progress");
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const caller = createCaller(createContext({ db: getServices().db, user }));
  const { cards, history, totals } = await caller.progress.get();
  const now = new Date();
  const when = (date: Date) => (date <= now ? t("dueNow") : format.relativeTime(date, now));
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <section className="grid grid-cols-3 gap-4">
        <Stat label={t("reviews")} value={format.number(totals.reviews)} testId="stat-reviews" />
        <Stat label={t("accuracy")} value={totals.accuracy === null ? "—" : format.number(totals.accuracy, { style: "percent" })} testId="stat-accuracy" />
        <Stat label={t("skills")} value={format.number(cards.length)} testId="stat-skills" />
      </section>

      <section className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-100 px-6 py-4 font-semibold">{t("cardsTitle")}</h2>
        {cards.length === 0 ? (
          <div className="px-6 py-8 text-center text-slate-500">
            <p>{t("noCards")}</p>
            <Link href="/review" className="mt-3 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              {t("startReviewing")}
            </Link>
          </div>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="cards">
              <thead className="text-slate-500">
                <tr>
                  <th className="px-6 py-2 font-medium">{t("skill")}</th>
                  <th className="px-3 py-2 font-medium">{t("state")}</th>
                  <th className="px-3 py-2 font-medium">{t("due")}</th>
                  <th className="px-3 py-2 text-right font-medium">{t("repetitions")}</th>
                  <th className="px-3 py-2 text-right font-medium">{t("lapses")}</th>
                  <th className="px-6 py-2">
                    <span className="sr-only">{t("practise")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr key={card.id} className="border-t border-slate-100">
                    <td className="px-6 py-3 font-medium">{card.title[locale]}</td>
                    <td className="px-3 py-3">{t(`states.${card.state as 0 | 1 | 2 | 3}`)}</td>
                    <td className="px-3 py-3" data-testid="card-due" title={dateTime(card.due)}>
                      {when(card.due)}
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums">{card.reps}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{card.lapses}</td>
                    <td className="px-6 py-3 text-right">
                      <Link
                        href={`/review?skill=${encodeURIComponent(card.templateId)}`}
                        className="rounded-md border border-brand-100 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
                        data-testid="practise-skill"
                      >
                        {t("practise")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-100 px-6 py-4 font-semibold">{t("historyTitle")}</h2>
        {history.length === 0 ? (
          <p className="px-6 py-8 text-center text-slate-500">{t("noHistory")}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="history">
              <thead className="text-slate-500">
                <tr>
                  <th className="px-6 py-2 font-medium">{t("when")}</th>
                  <th className="px-3 py-2 font-medium">{t("skill")}</th>
                  <th className="px-3 py-2 font-medium">{t("answer")}</th>
                  <th className="px-6 py-2 font-medium">{t("result")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((review) => (
                  <tr key={review.id} className="border-t border-slate-100" data-testid="history-row">
                    <td className="whitespace-nowrap px-6 py-3 text-slate-600">{dateTime(review.reviewedAt)}</td>
                    <td className="px-3 py-3">{review.title[locale]}</td>
                    <td className="max-w-[16rem] truncate px-3 py-3 font-mono" title={review.answer}>
                      {review.answer}
                    </td>
                    <td className="px-6 py-3">
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${review.correct ? "bg-emerald-100 text-emerald-800" : review.score > 0 ? "bg-amber-100 text-amber-800" : "bg-rose-100 text-rose-800"}`}
                      >
                        {review.correct ? t("correct") : review.score > 0 ? t("partial", { score: review.score }) : t("incorrect")}
                      </span>
                      <span className="ml-2 text-xs text-slate-500">{t(`ratings.${review.rating as 1 | 2 | 3 | 4}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-sm text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
