import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { topicTitle } from "@/lib/problems";
import { dayKeyOf } from "@/lib/srs/days";
import { getServices } from "@/lib/server/services";
import { createCaller } from "@/lib/server/root";
import { getSessionUser } from "@/lib/server/session";
import { createContext } from "@/lib/server/trpc";
import { HistoryTable } from "./history-table";
import { ForecastChart, MasteryChart, RetentionChart } from "./progress-charts";
import { ReviewHeatmap } from "./review-heatmap";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/progress");
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const now = new Date();
  const caller = createCaller(createContext({ db: getServices().db, user, now: () => now }));
  const progress = await caller.progress.get({ page });
  const { cards, totals, streak, retention, desiredRetention } = progress;
  const when = (date: Date) => (date <= now ? t("dueNow") : format.relativeTime(date, now));
  // Times in the learner's zone, the one their days are counted in.
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: progress.timeZone });
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent" }));
  const topicLabel = (topic: string) => topicTitle(topic)[locale];
  const forecast = progress.forecast.map((due, offset) => ({ day: dayKeyOf(progress.today + offset), due }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
          <p className="mt-1 text-sm text-slate-600" data-testid="day-zone">
            {t.rich("dayZone", { zone: progress.timeZone, settings: (chunks) => <Link href="/settings" className="font-medium text-brand-700 underline">{chunks}</Link> })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("export")}>
          <a
            href="/api/progress/export?format=csv"
            download
            className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            data-testid="export-csv"
          >
            {t("exportCsv")}
          </a>
          <a
            href="/api/progress/export?format=json"
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50"
            data-testid="export-json"
          >
            {t("exportJson")}
          </a>
        </div>
      </div>

      <section className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={t("reviews")} value={format.number(totals.reviews)} testId="stat-reviews" />
        <Stat label={t("accuracy")} value={percent(totals.accuracy)} testId="stat-accuracy" />
        <Stat label={t("streak")} value={t("streakDays", { count: streak.current })} note={t("longestStreak", { count: streak.longest })} testId="stat-streak" />
        <Stat label={t("trueRetention")} value={percent(retention.rate)} note={t("retentionTarget", { target: desiredRetention })} testId="stat-retention" />
        <Stat label={t("dueToday")} value={format.number(totals.dueToday)} testId="stat-due" />
        <Stat label={t("skills")} value={format.number(totals.skillsStarted)} note={t("skillsStarted", { started: totals.skillsStarted, total: totals.skillsTotal })} testId="stat-skills" />
      </section>

      <ReviewHeatmap days={progress.heatmap} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RetentionChart data={retention.perDay} desired={desiredRetention} />
        <ForecastChart data={forecast} />
      </div>
      <MasteryChart data={progress.mastery.map((entry) => ({ ...entry, label: topicLabel(entry.topic) }))} />

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
                  <th className="px-4 py-2 sm:px-6 font-medium">{t("skill")}</th>
                  <th className="px-3 py-2 font-medium">{t("state")}</th>
                  <th className="px-3 py-2 font-medium">{t("due")}</th>
                  <th className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("repetitions")}</th>
                  <th className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("lapses")}</th>
                  <th className="px-4 py-2 sm:px-6">
                    <span className="sr-only">{t("practise")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr key={card.id} className="border-t border-slate-100">
                    <td className="px-4 py-3 sm:px-6 font-medium">{card.title[locale]}</td>
                    <td className="whitespace-nowrap px-3 py-3">{t(`states.${card.state as 0 | 1 | 2 | 3}`)}</td>
                    <td className="whitespace-nowrap px-3 py-3" data-testid="card-due" title={dateTime(card.due)}>
                      {when(card.due)}
                    </td>
                    <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell">{card.reps}</td>
                    <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell">{card.lapses}</td>
                    <td className="px-4 py-3 sm:px-6 text-right">
                      <Link
                        href={`/review?skill=${encodeURIComponent(card.templateId)}`}
                        className="whitespace-nowrap rounded-md border border-brand-100 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
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

      <div id="history">
        <HistoryTable rows={progress.history} page={progress.historyPage.page} pages={progress.historyPage.pages} timeZone={progress.timeZone} />
      </div>
    </div>
  );
}

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
      {note && <div className="mt-0.5 text-xs text-slate-600">{note}</div>}
    </div>
  );
}
