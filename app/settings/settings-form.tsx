"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Loading } from "../_components/loading";
import { useTRPC } from "../_components/trpc";
import { useServerMessage } from "../_components/use-server-message";
import { isKnownTimeZone, TimeZoneField } from "./time-zone-field";

const card = "rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const button = "rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";

type Settings = NonNullable<ReturnType<typeof useSettingsQuery>["data"]>;

/** While the optimizer's job waits or runs, how often the page asks how it is going. */
const JOB_POLL_MS = 1_000;

function useSettingsQuery() {
  const trpc = useTRPC();
  return useQuery(
    trpc.settings.get.queryOptions(undefined, {
      refetchInterval: (query) => {
        const state = query.state.data?.optimizer.job?.state;
        return state === "queued" || state === "running" ? JOB_POLL_MS : false;
      },
    }),
  );
}

/** Desired retention, daily new skills, language, time zone, and the FSRS optimizer on the learner's history. */
export function SettingsForm() {
  const t = useTranslations("settings");
  const refusal = useServerMessage();
  const settings = useSettingsQuery();
  if (settings.isError) return <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">{refusal(settings.error)}</p>;
  if (!settings.data) return <Loading label={t("loading")} />;
  return <SettingsFields initial={settings.data} />;
}

function SettingsFields({ initial }: { initial: Settings }) {
  const t = useTranslations("settings");
  const refusal = useServerMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const update = useMutation(trpc.settings.update.mutationOptions());
  const optimize = useMutation(trpc.settings.optimize.mutationOptions());
  const reset = useMutation(trpc.settings.resetParameters.mutationOptions());
  const [retention, setRetention] = useState(initial.desiredRetention);
  const [newLimit, setNewLimit] = useState(String(initial.dailyNewLimit));
  const [locale, setLocale] = useState<string>(initial.locale);
  // No zone yet counts as UTC; saving other settings leaves it unset, so the browser may still report one.
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? "UTC");
  const [zoneChecked, setZoneChecked] = useState(false);
  const [saved, setSaved] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });

  function onSave(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setZoneChecked(true);
    if (!isKnownTimeZone(timeZone)) return;
    const languageChanged = locale !== initial.locale;
    const zoneChanged = initial.timeZone !== null || timeZone.trim() !== "UTC";
    update.mutate(
      {
        desiredRetention: Math.round(retention * 100) / 100,
        dailyNewLimit: Number(newLimit),
        locale: locale as "en" | "zh-CN",
        ...(zoneChanged ? { timeZone: timeZone.trim() } : {}),
      },
      {
        onSuccess: async () => {
          setSaved(true);
          await refresh();
          if (languageChanged) {
            // The interface language lives in a cookie too: the switcher's job, repeated here.
            document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=31536000; samesite=lax`;
            router.refresh();
          }
        },
      },
    );
  }

  const { optimizer } = initial;
  const percent = Math.round(retention * 100);
  const jobActive = optimizer.job?.state === "queued" || optimizer.job?.state === "running";

  return (
    <div className="space-y-6">
      <form onSubmit={onSave} className={`${card} space-y-6`} noValidate>
        <div>
          <label htmlFor="retention" className="flex items-baseline justify-between font-semibold">
            {t("retention")}
            <output htmlFor="retention" className="text-2xl font-semibold text-brand-700" data-testid="retention-value">
              {percent} %
            </output>
          </label>
          <input
            id="retention"
            type="range"
            min={0.7}
            max={0.97}
            step={0.01}
            value={retention}
            onChange={(event) => setRetention(Number(event.target.value))}
            className="mt-2 w-full accent-brand-600"
            aria-describedby="retention-help"
          />
          <div className="flex justify-between text-xs text-slate-600" aria-hidden="true">
            <span>70 %</span>
            <span>97 %</span>
          </div>
          <p id="retention-help" className="mt-2 text-sm text-slate-600">
            {t("retentionHelp", { percent })}
          </p>
        </div>
        <div>
          <label htmlFor="new-limit" className="font-semibold">
            {t("newLimit")}
          </label>
          <input
            id="new-limit"
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={newLimit}
            onChange={(event) => setNewLimit(event.target.value)}
            className="mt-2 block w-32 rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            aria-describedby="new-limit-help"
          />
          <p id="new-limit-help" className="mt-2 text-sm text-slate-600">
            {t("newLimitHelp")}
          </p>
        </div>
        <div>
          <label htmlFor="locale" className="font-semibold">
            {t("language")}
          </label>
          <select
            id="locale"
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
            className="mt-2 block rounded-lg border border-slate-300 bg-white px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
          >
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </div>
        <TimeZoneField
          id="time-zone"
          label={t("timeZone")}
          help={(time) => t("timeZoneHelp", { time })}
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            setZoneChecked(false);
          }}
          invalid={zoneChecked && !isKnownTimeZone(timeZone)}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={button} disabled={update.isPending} data-testid="save-settings">
            {update.isPending ? t("saving") : t("save")}
          </button>
          {saved && !update.isPending && <span role="status" className="text-sm text-emerald-700">{t("saved")}</span>}
          {update.isError && <span role="alert" className="text-sm text-red-700">{refusal(update.error)}</span>}
        </div>
      </form>

      <section className={card} aria-labelledby="optimizer-title" data-testid="optimizer">
        <h2 id="optimizer-title" className="font-semibold">
          {t("optimizer.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("optimizer.lead")}</p>
        <div className="mt-4 h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={optimizer.minReviews} aria-valuenow={Math.min(optimizer.reviews, optimizer.minReviews)} aria-label={t("optimizer.progressLabel")}>
          <div className="h-full bg-brand-500" style={{ width: `${Math.min(100, (100 * optimizer.reviews) / optimizer.minReviews)}%` }} />
        </div>
        <p className="mt-2 text-sm text-slate-700" data-testid="optimizer-reviews">
          {optimizer.available ? t("optimizer.ready", { reviews: optimizer.reviews }) : t("optimizer.notYet", { reviews: optimizer.reviews, needed: optimizer.minReviews })}
        </p>
        {optimizer.optimizedAt && optimizer.logLossBefore !== null && optimizer.logLossAfter !== null && (
          <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:max-w-md" data-testid="log-loss">
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-slate-600">{t("optimizer.before")}</dt>
              <dd className="text-lg font-semibold">{format.number(optimizer.logLossBefore, { maximumFractionDigits: 4 })}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-slate-600">{t("optimizer.after")}</dt>
              <dd className="text-lg font-semibold">{format.number(optimizer.logLossAfter, { maximumFractionDigits: 4 })}</dd>
            </div>
            <p className="col-span-2 text-xs text-slate-600">
              {optimizer.usingOwnParameters
                ? t("optimizer.using", { when: format.dateTime(new Date(optimizer.optimizedAt), { dateStyle: "medium", timeZone: initial.timeZone ?? "UTC" }) })
                : t("optimizer.keptDefaults")}
            </p>
          </dl>
        )}
        {optimizer.job && (
          <p role="status" className={`mt-4 text-sm ${optimizer.job.state === "failed" ? "text-red-700" : "text-slate-700"}`} data-testid="optimizer-job" data-state={optimizer.job.state}>
            {optimizer.job.state === "done" && optimizer.job.finishedAt
              ? t("optimizer.job.done", { when: format.dateTime(new Date(optimizer.job.finishedAt), { dateStyle: "medium", timeStyle: "short", timeZone: initial.timeZone ?? "UTC" }) })
              : optimizer.job.state === "failed"
                ? optimizer.job.error
                  ? t("optimizer.job.failed", { reason: optimizer.job.error })
                  : t("optimizer.job.failedUnknown")
                : t(`optimizer.job.${optimizer.job.state === "running" ? "running" : "queued"}`)}
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" className={button} disabled={!optimizer.available || optimize.isPending || jobActive} onClick={() => optimize.mutate(undefined, { onSuccess: refresh })} data-testid="optimize">
            {optimize.isPending || jobActive ? t("optimizer.running") : t("optimizer.run")}
          </button>
          {optimizer.usingOwnParameters && (
            <button type="button" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-700 hover:bg-slate-50" disabled={reset.isPending} onClick={() => reset.mutate(undefined, { onSuccess: refresh })}>
              {t("optimizer.reset")}
            </button>
          )}
        </div>
        {optimize.isError && <p role="alert" className="mt-2 text-sm text-red-700">{refusal(optimize.error)}</p>}
      </section>
    </div>
  );
}
