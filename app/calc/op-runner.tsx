"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { EngineError, type EngineInfo, runAsync } from "@/lib/engine";
import { formatSpec } from "./format-spec";

type Outcome = { key: string; answer: string } | { key: string; message: string };

/**
 * A problem's op that the sandbox's form cannot show (several channels, a bias, batch
 * normalisation, a gradient), opened from "open in the calculator": the op as JSON, editable,
 * and the engine's whole answer under it. A refused op clears the answer and says why beside the
 * field, so no answer to an earlier op stays under a changed one.
 */
export function OpRunner({ initial, engine }: { initial: string; engine: EngineInfo | null }) {
  const t = useTranslations("calc.sandbox.json");
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const parsed = useMemo((): { op: unknown; key: string } | { error: string } => {
    try {
      const op: unknown = JSON.parse(text);
      return { op, key: JSON.stringify(op) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [text]);

  useEffect(() => {
    if (!engine || "error" in parsed) return;
    let cancelled = false;
    const { key } = parsed;
    runAsync(parsed.op).then(
      (answer) => {
        if (!cancelled) setOutcome({ key, answer: formatSpec(answer) });
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = error instanceof EngineError ? error.message.replace(/^\w+: /, "") : error instanceof Error ? error.message : String(error);
        setOutcome({ key, message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [engine, parsed]);

  const current = "key" in parsed && outcome?.key === parsed.key ? outcome : null;
  const error = "error" in parsed ? t("jsonError", { message: parsed.error }) : current && "message" in current ? t("engineError", { message: current.message }) : null;

  return (
    <section aria-labelledby="op-json-heading" className="space-y-3 rounded-xl border border-brand-100 bg-white p-6 shadow-sm" data-testid="op-json">
      <h3 id="op-json-heading" className="text-lg font-semibold">{t("heading")}</h3>
      <p className="text-sm text-slate-600">{t("explain")}</p>
      <label htmlFor="op-json-editor" className="block text-sm font-medium text-slate-700">
        {t("editorLabel")}
      </label>
      <textarea
        id="op-json-editor"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={Math.min(16, Math.max(4, text.split("\n").length))}
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby="op-json-status"
        className={`block w-full rounded-lg border px-3 py-2 font-mono text-sm focus:outline-none focus:ring-2 ${error ? "border-red-300 focus:ring-red-100" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"}`}
        data-testid="op-json-editor"
      />
      <div id="op-json-status" aria-live="polite">
        {error && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="op-json-error">
            {error}
          </p>
        )}
      </div>
      {current && "answer" in current && (
        <div>
          <h4 className="text-sm font-medium text-slate-700">{t("answerHeading")}</h4>
          <pre className="mt-1 max-h-96 overflow-auto rounded-lg bg-slate-50 px-3 py-2 font-mono text-sm" data-testid="op-json-answer" tabIndex={0}>
            {current.answer}
          </pre>
        </div>
      )}
      {engine && !error && !current && <p className="animate-pulse text-sm text-slate-500" role="status">{t("computing")}</p>}
    </section>
  );
}
