"use client";

import { useLocale, useTranslations } from "next-intl";
import { Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { Lang, Problem } from "@/lib/problems";
import { lazyWithPreload } from "../../_components/lazy-with-preload";
import { Loading } from "../../_components/loading";
import { ProblemPanel } from "../../_components/study/problem-panel";
import type { GradedView } from "../../_components/study/result-panel";
import { useStudyKeys } from "../../_components/study/use-study-keys";
import { drawOfflineProblem, gradeOffline, offlineProblemView } from "./offline-problem";
import { queueAnswer } from "./offline-queue";
import { useOfflineSync } from "./use-offline-sync";

const ResultPanel = lazyWithPreload(() => import("../../_components/study/result-panel").then((module) => module.ResultPanel));

/**
 * Practice with or without a connection: a problem of the chosen topic is made in the browser,
 * the answer graded there and kept on the device (IndexedDB), and sent to the history when the
 * connection allows (the server grades it again).
 */
export function OfflinePractice({ topics, owner }: { topics: { id: string; title: string }[]; owner: string | null }) {
  const t = useTranslations("practice.offline");
  const tr = useTranslations("review");
  const lang = useLocale() as Lang;
  const [topic, setTopic] = useState<string>("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [shownAt, setShownAt] = useState(0);
  const [answer, setAnswer] = useState("");
  // Once the learner starts answering, the result panel is fetched (lazy-with-preload.tsx).
  useEffect(() => {
    if (answer) ResultPanel.preload();
  }, [answer]);
  const [formatError, setFormatError] = useState<Record<string, string> | null>(null);
  const [graded, setGraded] = useState<GradedView | null>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const { waiting, state, sync, refresh, online } = useOfflineSync(owner);

  const draw = (chosen: string) => {
    setProblem(drawOfflineProblem({ topic: chosen || null, lang, random: Math.random }));
    setShownAt(Date.now());
    setAnswer("");
    setFormatError(null);
    setGraded(null);
  };

  useEffect(() => {
    // The first problem is drawn in the browser (random seeds differ from the server's render).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a random draw cannot happen during rendering
    draw("");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);

  useEffect(() => {
    if (problem && !graded) inputRef.current?.focus();
  }, [problem, graded]);

  const view = useMemo(() => (problem ? offlineProblemView(problem) : null), [problem]);

  const onSubmit = async () => {
    if (!problem) return;
    const id = crypto.randomUUID();
    const result = gradeOffline({ id, problem, answer });
    if (result.status === "format-error") {
      setFormatError(result.formatErrorHtml);
      return;
    }
    setFormatError(null);
    setGraded(result.graded);
    await queueAnswer({ id, template: problem.template, seed: problem.seed, lang: problem.lang as Lang, answer, answeredAt: new Date(), elapsedMs: Date.now() - shownAt, owner });
    await refresh();
    if (navigator.onLine) void sync();
  };

  useStudyKeys({ active: Boolean(graded), onNext: () => draw(topic) });

  const syncLine =
    state === "syncing" ? t("syncing") : state === "signed-out" ? t("signedOut") : state === "failed" ? t("failed") : waiting > 0 ? t("waiting", { count: waiting }) : state === "synced" ? t("synced") : null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
        <p className="text-sm text-slate-600">{t("reviewsNote")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-700">
          {t("topic")}
          <select
            value={topic}
            onChange={(event) => {
              setTopic(event.target.value);
              draw(event.target.value);
            }}
            className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
            data-testid="offline-topic"
          >
            <option value="">{t("anyTopic")}</option>
            {topics.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => draw(topic)} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          {t("newProblem")}
        </button>
      </div>
      <div className="space-y-2" aria-live="polite">
        {!online && <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="offline-now">{t("offlineNow")}</p>}
        {syncLine && (
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700" data-testid="offline-sync" data-state={state} data-waiting={waiting}>
            {syncLine}
            {online && waiting > 0 && state !== "syncing" && (
              <button type="button" onClick={() => void sync()} className="rounded-lg border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-50">
                {t("syncNow")}
              </button>
            )}
          </p>
        )}
      </div>
      {!problem || !view ? (
        <Loading label={tr("loading")} />
      ) : (
        <>
          <ProblemPanel
            problem={view}
            answer={answer}
            onAnswer={(value) => {
              setAnswer(value);
              setFormatError(null);
            }}
            onSubmit={() => void onSubmit()}
            locked={Boolean(graded)}
            pending={false}
            formatError={formatError}
            error={null}
            inputRef={inputRef}
            badge={
              <span className="rounded-full bg-violet-50 px-2.5 py-1 font-medium text-violet-800" data-testid="card-badge">
                {t("badge")}
              </span>
            }
          />
          {graded && (
            <Suspense fallback={<Loading label={tr("checking")} />}>
              <ResultPanel graded={graded} answer={answer} options={view.options}>
                <div className="mt-4 flex justify-end">
                  <button type="button" onClick={() => draw(topic)} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700" data-testid="next">
                    {t("next")} <kbd className="ml-1 rounded border border-white/40 px-1.5 text-xs font-normal">{tr("spaceKey")}</kbd>
                  </button>
                </div>
              </ResultPanel>
            </Suspense>
          )}
        </>
      )}
    </div>
  );
}
