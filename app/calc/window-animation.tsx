"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { type OpWindows, productSumText } from "@/lib/engine/windows";
import { type GridCell, MatrixGrid } from "./matrix-grid";
import { useReducedMotion } from "./use-reduced-motion";

const STEP_MS = 1100;

/**
 * The window sliding over the input, one output cell at a time: the window highlighted on the
 * (padded) input, the kernel, the sum written out and the output filling in. Plays by itself
 * unless the reader's system asks for reduced motion; the buttons step it either way.
 */
export function WindowAnimation({ windows, input, output, padding }: { windows: OpWindows; input: number[][]; output: number[][]; padding: number }) {
  const t = useTranslations("calc.sandbox");
  const reduced = useReducedMotion();
  const total = windows.windows.length;
  const [step, setStep] = useState(0);
  // Mounted after a result is computed, never during hydration, so `reduced` is the reader's own setting here.
  const [playing, setPlaying] = useState(() => !reduced);
  const running = playing && step < total - 1;

  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => setStep((current) => Math.min(current + 1, total - 1)), STEP_MS);
    return () => window.clearTimeout(timer);
  }, [running, step, total]);

  const current = windows.windows[step];
  if (!current) return null;
  const [width] = [windows.outputShape[1]];
  const engineValue = output[current.output[0]]?.[current.output[1]] ?? current.value;
  const { op } = windows;
  const sliding = op !== "conv2d_transpose";
  const pad = sliding ? padding : 0;
  const max = op === "maxpool2d";

  const inWindow = new Set(current.terms.map((term) => term.input.join(",")));
  const inputRows: GridCell[][] = [];
  for (let r = -pad; r < input.length + pad; r += 1) {
    const row: GridCell[] = [];
    for (let c = -pad; c < (input[0]?.length ?? 0) + pad; c += 1) {
      const padded = r < 0 || c < 0 || r >= input.length || c >= (input[0]?.length ?? 0);
      row.push({ value: padded ? (max ? -Infinity : 0) : input[r]![c]!, padded, highlighted: inWindow.has(`${r},${c}`) });
    }
    inputRows.push(row);
  }
  const usedKernel = new Set(current.terms.map((term) => term.kernel?.join(",")));
  const kernelRows: GridCell[][] | null =
    windows.appliedKernel?.map((row, a) => row.map((value, b) => ({ value, highlighted: usedKernel.has(`${a},${b}`) }))) ?? null;
  const outputRows: GridCell[][] = output.map((row, i) =>
    row.map((value, j) => {
      const index = i * width + j;
      return { value: index <= step ? value : null, current: index === step };
    }),
  );
  const poolSize = sliding && !kernelRows ? windowSize(windows) : null;

  const button =
    "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

  return (
    <section aria-labelledby="animation-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="window-animation">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="animation-heading" className="text-lg font-semibold">{t("animationHeading")}</h3>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => { setPlaying(false); setStep(0); }} disabled={step === 0}>
            {t("restart")}
          </button>
          <button type="button" className={button} onClick={() => { setPlaying(false); setStep(Math.max(0, step - 1)); }} disabled={step === 0}>
            {t("back")}
          </button>
          <button
            type="button"
            className={`${button} min-w-20`}
            onClick={() => {
              if (!running && step >= total - 1) setStep(0);
              setPlaying(!running);
            }}
            aria-pressed={running}
          >
            {running ? t("pause") : t("play")}
          </button>
          <button type="button" className={button} onClick={() => { setPlaying(false); setStep(Math.min(total - 1, step + 1)); }} disabled={step >= total - 1}>
            {t("step")}
          </button>
        </div>
      </div>
      {reduced && <p className="text-sm text-slate-500">{t("reducedMotion")}</p>}

      <div className="flex flex-wrap items-start gap-6 overflow-x-auto">
        <MatrixGrid label={t("inputGrid")} rows={inputRows} testId="animation-input" paddedLabel={t("paddingCell")} />
        {kernelRows && <MatrixGrid label={op === "conv2d" ? t("kernelTurned") : t("kernelGrid")} rows={kernelRows} testId="animation-kernel" />}
        {poolSize && <p className="self-center font-mono text-sm text-slate-600">{t("windowGrid", { rows: poolSize[0], columns: poolSize[1] })}</p>}
        <MatrixGrid label={t("outputGrid")} rows={outputRows} testId="animation-output" />
      </div>

      <div aria-live="polite" className="space-y-1">
        <p className="text-sm text-slate-500" data-testid="animation-step">{t("stepOf", { current: step + 1, total })}</p>
        <p className="overflow-x-auto rounded-lg bg-brand-50 px-4 py-3 font-mono text-base text-slate-900" data-testid="product-sum">
          {productSumText(op, current, engineValue)}
        </p>
      </div>
    </section>
  );
}

/** A pooling window's size, from the spread of its first window's cells. */
function windowSize(windows: OpWindows): [number, number] {
  const terms = windows.windows[0]?.terms ?? [];
  const rows = new Set(terms.map((term) => term.input[0])).size;
  const columns = new Set(terms.map((term) => term.input[1])).size;
  return [rows, columns];
}
