"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

/** Nothing is due: when the next review is, why no new skill came (the daily limit), and what to do now. */
export function CaughtUp({
  nextDue,
  newToday,
  dailyNewLimit,
  unstarted,
  today,
}: {
  nextDue: Date | null;
  newToday: number;
  dailyNewLimit: number;
  unstarted: number;
  today: { reviewed: number };
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="notice">
      <h1 className="text-2xl font-semibold">{t("caughtUpTitle")}</h1>
      <p className="mt-2 text-slate-600">{nextDue ? t("caughtUpBody", { when: format.relativeTime(new Date(nextDue), new Date()) }) : t("caughtUpNoCards")}</p>
      <p className="mt-2 text-sm text-slate-600" data-testid="session-count">
        {t("reviewedToday", { count: today.reviewed })}
      </p>
      {unstarted > 0 && newToday >= dailyNewLimit && <p className="mt-2 text-sm text-slate-600">{t("newLimitReached", { count: dailyNewLimit, unstarted })}</p>}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/practice" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("practice")}
        </Link>
        <Link href="/progress" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-700 hover:bg-slate-50">
          {t("seeProgress")}
        </Link>
        <Link href="/settings" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-700 hover:bg-slate-50">
          {t("changeSettings")}
        </Link>
      </div>
    </div>
  );
}
