"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { EngineError, type EngineInfo, runAsync } from "@/lib/engine";
import { prepareBrowserEngine } from "@/lib/engine/backend-browser";
import { type MatrixText, opWindows, type OpWindows, parseMatrixText } from "@/lib/engine/windows";
import { MatrixGrid } from "./matrix-grid";
import { SANDBOX_EXAMPLES, SANDBOX_OPS, type SandboxSettings } from "./sandbox-examples";
import { buildRequest } from "./sandbox-request";
import { sandboxSettingsOf } from "./calculator-link";
import { formatSpec } from "./format-spec";
import { OpRunner } from "./op-runner";
import { WindowAnimation } from "./window-animation";

/** The engine's answer to one request (`key`: its op spec as JSON). */
type Computed =
  | { status: "done"; key: string; output: number[][]; windows: OpWindows; input: number[][] }
  | { status: "error"; key: string; message: string };

const FIELD =
  "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/**
 * The matrix sandbox: an op on a typed matrix, computed by the engine on the browser's backend,
 * then animated. `arrived`: a problem's op from "open in the calculator", put in the form when
 * the form can hold it, else shown as JSON above it.
 */
export function MatrixSandbox({ arrived }: { arrived?: Record<string, unknown> }) {
  const t = useTranslations("calc.sandbox");
  const [fromLink] = useState(() => (arrived ? { settings: sandboxSettingsOf(arrived), json: formatSpec(arrived) } : null));
  const [settings, setSettings] = useState<SandboxSettings>(fromLink?.settings ?? SANDBOX_EXAMPLES[0]!.settings);
  const [engine, setEngine] = useState<EngineInfo | null>(null);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [latest, setLatest] = useState<Computed | null>(null);

  useEffect(() => {
    prepareBrowserEngine().then(setEngine, (error: unknown) => setEngineError(error instanceof Error ? error.message : String(error)));
  }, []);

  const pooling = settings.op === "maxpool2d" || settings.op === "avgpool2d";
  const input = useMemo(() => parseMatrixText(settings.input), [settings.input]);
  const kernel = useMemo(() => parseMatrixText(settings.kernel), [settings.kernel]);
  const typingErrors = [
    matrixMessage(input, t("inputName")),
    pooling ? null : matrixMessage(kernel, t("kernelName")),
  ].filter((message): message is string => message !== null);

  function matrixMessage(parsed: MatrixText, matrix: string): string | null {
    if (parsed.ok) return null;
    if (parsed.reason === "empty") return t("inputEmpty", { matrix });
    if (parsed.reason === "not-a-number") return t("inputNotNumber", { matrix, row: parsed.row, token: parsed.token });
    return t("inputRagged", { matrix, row: parsed.row, got: parsed.got, expected: parsed.expected });
  }

  const request = useMemo(() => {
    if (!input.ok || (!pooling && !kernel.ok)) return null;
    return buildRequest(settings, input.rows, kernel.ok ? kernel.rows : []);
  }, [settings, input, kernel, pooling]);
  // An answer to an earlier request is not shown as this one's: until the engine answers, "computing".
  const computed = request && latest?.key === request.key ? latest : null;

  useEffect(() => {
    if (!engine || !request) return;
    let cancelled = false;
    const { key } = request;
    runAsync(request.spec).then(
      (answer) => {
        if (cancelled) return;
        setLatest({ status: "done", key, output: answer.output as number[][], windows: opWindows(request.windows), input: request.windows.input as number[][] });
      },
      (error: unknown) => {
        if (cancelled) return;
        // The engine's refusals are the learner's to fix; anything else is ours, said without a stack trace.
        const message = error instanceof EngineError ? error.message.replace(/^\w+: /, "") : error instanceof Error ? error.message : String(error);
        setLatest({ status: "error", key, message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [engine, request]);

  const update = (change: Partial<SandboxSettings>) => setSettings((previous) => ({ ...previous, ...change }));
  const integer = (value: string, min: number) => Math.max(min, Math.min(16, Math.trunc(Number(value) || min)));

  return (
    <section aria-labelledby="sandbox-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sandbox-heading" className="text-xl font-semibold">{t("heading")}</h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("explain")}</p>
        </div>
        <p className="flex items-center gap-2 text-sm text-slate-600">
          {t("backendLabel")}
          <span className="rounded-full bg-brand-100 px-3 py-1 font-mono text-sm font-semibold text-brand-700" data-testid="sandbox-backend">
            {engine ? engine.backend : engineError ? "—" : t("backendLoading")}
          </span>
        </p>
      </div>
      {engineError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t("backendFailed", { message: engineError })}
        </p>
      )}
      {fromLink?.settings && (
        <p className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-700" data-testid="sandbox-from-problem">
          {t("fromProblem")}
        </p>
      )}
      {fromLink && !fromLink.settings && <OpRunner initial={fromLink.json} engine={engine} />}

      <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("examplesLabel")}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {SANDBOX_EXAMPLES.map((example) => (
              <button
                key={example.id}
                type="button"
                onClick={() => setSettings(example.settings)}
                data-testid={`example-${example.id}`}
                className="rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                {t(example.label)}
              </button>
            ))}
          </div>
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-medium text-slate-700">
            {t("inputLabel")}
            <textarea
              value={settings.input}
              onChange={(event) => update({ input: event.target.value })}
              rows={5}
              spellCheck={false}
              aria-describedby="matrix-help"
              aria-invalid={!input.ok}
              className={`${FIELD} w-full`}
            />
          </label>
          {!pooling && (
            <label className="block text-sm font-medium text-slate-700">
              {t("kernelLabel")}
              <textarea
                value={settings.kernel}
                onChange={(event) => update({ kernel: event.target.value })}
                rows={5}
                spellCheck={false}
                aria-describedby="matrix-help"
                aria-invalid={!kernel.ok}
                className={`${FIELD} w-full`}
              />
            </label>
          )}
        </div>
        <p id="matrix-help" className="text-xs text-slate-500">{t("matrixHelp")}</p>

        <div className="flex flex-wrap items-end gap-4">
          <label className="block text-sm font-medium text-slate-700">
            {t("opLabel")}
            <select value={settings.op} onChange={(event) => update({ op: event.target.value as SandboxSettings["op"] })} className={`${FIELD} font-sans`}>
              {SANDBOX_OPS.map((op) => (
                <option key={op} value={op}>{t(`ops.${op}`)}</option>
              ))}
            </select>
          </label>
          {pooling && (
            <>
              <NumberField label={t("poolHeight")} value={settings.poolHeight} min={1} onChange={(value) => update({ poolHeight: integer(value, 1) })} />
              <NumberField label={t("poolWidth")} value={settings.poolWidth} min={1} onChange={(value) => update({ poolWidth: integer(value, 1) })} />
            </>
          )}
          <NumberField label={t("stride")} value={settings.stride} min={1} onChange={(value) => update({ stride: integer(value, 1) })} />
          <NumberField label={t("padding")} value={settings.padding} min={0} onChange={(value) => update({ padding: integer(value, 0) })} />
          <NumberField
            label={t("dilation")}
            value={settings.dilation}
            min={1}
            disabled={settings.op !== "corr2d" && settings.op !== "conv2d"}
            describedBy="dilation-help"
            onChange={(value) => update({ dilation: integer(value, 1) })}
          />
        </div>
        <p id="dilation-help" className="text-xs text-slate-500">{t("dilationOnlyConv")}</p>

        <div aria-live="polite">
          {typingErrors.map((message) => (
            <p key={message} role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="sandbox-error">
              {message}
            </p>
          ))}
          {typingErrors.length === 0 && computed?.status === "error" && (
            <p role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="sandbox-error">
              {t("engineError", { message: computed.message })}
            </p>
          )}
        </div>
      </div>

      {computed?.status === "done" && typingErrors.length === 0 && (
        <>
          <section aria-labelledby="result-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h3 id="result-heading" className="text-lg font-semibold">
              {t("resultHeading")}{" "}
              <span className="font-mono text-sm font-normal text-slate-500">
                {t("resultShape", { rows: computed.output.length, columns: computed.output[0]?.length ?? 0 })}
              </span>
            </h3>
            <div className="mt-3">
              <MatrixGrid label={t("resultHeading")} rows={computed.output.map((row) => row.map((value) => ({ value })))} testId="sandbox-result" hideLabel />
            </div>
          </section>
          <WindowAnimation key={computed.key} windows={computed.windows} input={computed.input} output={computed.output} padding={settings.padding} />
        </>
      )}
      {engine && request && !computed && <p className="animate-pulse text-sm text-slate-500" role="status">{t("computing")}</p>}
    </section>
  );
}

function NumberField({ label, value, min, disabled, describedBy, onChange }: { label: string; value: number; min: number; disabled?: boolean; describedBy?: string; onChange: (value: string) => void }) {
  return (
    <label className={`block text-sm font-medium ${disabled ? "text-slate-400" : "text-slate-700"}`}>
      {label}
      <input
        type="number"
        min={min}
        max={16}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        className={`${FIELD} w-24 disabled:bg-slate-100`}
      />
    </label>
  );
}
