"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { answerDistance, type EngineInfo, type GradientAnswer, type OpAnswer, randomOps, runAsync } from "@/lib/engine";
import { prepareBrowserEngine } from "@/lib/engine/backend-browser";
import { useTRPC } from "../_components/trpc";
import { checkSlices, MAX_CHECK_LENGTH } from "./check-slices";

/** An answer passes when it is within this of the server's (`answerDistance`: relative, absolute below 1). */
const TOLERANCE = 1e-4;

interface Mismatch {
  index: number;
  op: string;
  /** The distance, or the message when one side refused the op. */
  detail: { distance: number } | { message: string };
}

interface Outcome {
  server: EngineInfo;
  passed: number;
  failed: number;
  maxError: number;
  browserMs: number;
  mismatches: Mismatch[];
}

export function EngineCheck() {
  const t = useTranslations("engine");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [engine, setEngine] = useState<EngineInfo | null>(null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [seed, setSeed] = useState(1);
  const [count, setCount] = useState(200);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);

  useEffect(() => {
    prepareBrowserEngine().then(setEngine, (error: unknown) => setEngineError(String(error)));
  }, []);

  async function onRun(event: FormEvent) {
    event.preventDefault();
    if (!engine || progress) return;
    setOutcome(null);
    setCheckError(null);
    setProgress({ done: 0, total: count });
    try {
      // One call a slice; the batch link sends them together, at most ten calls a request.
      const slices = await Promise.all(
        checkSlices(count).map((slice) => queryClient.fetchQuery(trpc.engine.check.queryOptions({ seed, ...slice }, { staleTime: 0 }))),
      );
      const server = { engine: slices[0]!.engine, answers: slices.flatMap((slice) => slice.answers) };
      const ops = randomOps(seed, count);
      const mismatches: Mismatch[] = [];
      let maxError = 0;
      let browserMs = 0;
      for (const [index, op] of ops.entries()) {
        const started = performance.now();
        let mine: OpAnswer | GradientAnswer | { error: string };
        try {
          mine = await runAsync(op);
        } catch (error) {
          mine = { error: error instanceof Error ? error.message : String(error) };
        }
        browserMs += performance.now() - started;
        const theirs = server.answers[index]!;
        if ("error" in mine || "error" in theirs) {
          const message = "error" in mine ? mine.error : (theirs as { error: string }).error;
          mismatches.push({ index, op: op.op, detail: { message } });
        } else {
          const distance = answerDistance(mine, theirs);
          maxError = Math.max(maxError, distance);
          if (!(distance <= TOLERANCE)) mismatches.push({ index, op: op.op, detail: { distance } });
        }
        if (index % 20 === 19) setProgress({ done: index + 1, total: count });
      }
      setOutcome({
        server: server.engine,
        passed: ops.length - mismatches.length,
        failed: mismatches.length,
        maxError,
        browserMs,
        mismatches,
      });
    } catch (error) {
      setCheckError(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
    }
  }

  const scientific = (value: number) => (value === 0 ? "0" : Number.isFinite(value) ? value.toExponential(2) : "∞");

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("backendLabel")}</dt>
            <dd className="mt-1 font-mono text-lg font-semibold" data-testid="engine-backend">
              {engine ? engine.backend : engineError ? t("backendFailed", { message: engineError }) : t("backendLoading")}
            </dd>
          </div>
          {outcome && (
            <div>
              <dt className="text-sm text-slate-500">{t("serverLabel")}</dt>
              <dd className="mt-1 font-mono text-lg" data-testid="server-backend">
                {t("serverValue", { backend: outcome.server.backend, version: outcome.server.tfjsVersion })}
              </dd>
            </div>
          )}
        </dl>

        <form onSubmit={onRun} className="mt-6 flex flex-wrap items-end gap-4">
          <label className="block text-sm font-medium text-slate-700">
            {t("seedLabel")}
            <input
              type="number"
              min={0}
              max={2147483647}
              value={seed}
              onChange={(event) => setSeed(Math.max(0, Math.trunc(Number(event.target.value) || 0)))}
              className="mt-1 block w-32 rounded-lg border border-slate-300 px-3 py-2 font-mono focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t("countLabel")}
            <input
              type="number"
              min={1}
              max={MAX_CHECK_LENGTH}
              value={count}
              onChange={(event) => setCount(Math.min(MAX_CHECK_LENGTH, Math.max(1, Math.trunc(Number(event.target.value) || 1))))}
              className="mt-1 block w-32 rounded-lg border border-slate-300 px-3 py-2 font-mono focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
          </label>
          <button
            type="submit"
            disabled={!engine || progress !== null}
            className="rounded-lg bg-brand-600 px-5 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {t("run")}
          </button>
          {progress && (
            <span className="animate-pulse text-sm text-slate-500" role="status">
              {t("running", { done: progress.done, total: progress.total })}
            </span>
          )}
        </form>
        {checkError && (
          <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {t("checkFailed", { message: checkError })}
          </p>
        )}
      </section>

      {outcome && (
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="engine-outcome">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat label={t("passed")} value={format.number(outcome.passed)} testId="engine-passed" tone="good" />
            <Stat label={t("failed")} value={format.number(outcome.failed)} testId="engine-failed" tone={outcome.failed ? "bad" : "plain"} />
            <Stat label={t("maxError")} value={scientific(outcome.maxError)} testId="engine-max-error" tone="plain" />
            <Stat label={t("browserTime")} value={t("milliseconds", { ms: Math.round(outcome.browserMs) })} testId="engine-browser-ms" tone="plain" />
          </dl>
          <p className="text-sm text-slate-500">{t("tolerance")}</p>
          {outcome.failed === 0 ? (
            <p className="font-medium text-emerald-700">{t("allPassed")}</p>
          ) : (
            <div>
              <h2 className="font-semibold text-red-800">{t("mismatches")}</h2>
              <ul className="mt-2 space-y-1 font-mono text-sm text-red-800" data-testid="engine-mismatches">
                {outcome.mismatches.slice(0, 20).map((mismatch) => (
                  <li key={mismatch.index}>
                    {"distance" in mismatch.detail
                      ? t("mismatch", { index: mismatch.index, op: mismatch.op, error: scientific(mismatch.detail.distance) })
                      : t("opError", { index: mismatch.index, op: mismatch.op, message: mismatch.detail.message })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone: "good" | "bad" | "plain" }) {
  const color = tone === "good" ? "text-emerald-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className={`mt-1 font-mono text-2xl font-semibold ${color}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
