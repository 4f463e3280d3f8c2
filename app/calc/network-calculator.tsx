"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { analyze, type Analysis, EngineError, zooModel, zooNames, zooSpec } from "@/lib/engine";
import { formatSpec } from "./format-spec";
import { LayerBuilder } from "./layer-builder";
import { LayerTable } from "./layer-table";

const FIRST_MODEL = "d2l-lenet";

/** `name`: the spec's own, or null for the page's "this network". */
type Checked = { analysis: Analysis; name: string | null; error: null } | { analysis: null; error: SpecError };
type Named = { analysis: Analysis; name: string | null };
type SpecError = { kind: "json"; message: string } | { kind: "spec"; path: string | null; message: string };

/**
 * The network calculator: a JSON editor (or the layer form, or a zoo preset) → `analyze` → the
 * layer table. `arrived`: a problem's spec from "open in the calculator" (JSON text), checked by
 * the engine like anything typed.
 */
export function NetworkCalculator({ arrived }: { arrived?: string }) {
  const t = useTranslations("calc.network");
  const [preset, setPreset] = useState(arrived === undefined ? FIRST_MODEL : "");
  const [text, setText] = useState(() => formatSpec(arrived === undefined ? zooSpec(FIRST_MODEL) : JSON.parse(arrived)));
  // A large network (DenseNet-169) is analysed after the keystroke is drawn, not before.
  const deferred = useDeferredValue(text);
  const checked = useMemo(() => check(deferred), [deferred]);
  // Numbers of an earlier spec under one the engine refuses would read as this one's: while the
  // spec is invalid, only the error beside the editor is shown.
  const shown: Named | null = checked.analysis ? checked : null;

  function choosePreset(name: string) {
    setPreset(name);
    if (name) setText(formatSpec(zooSpec(name)));
  }

  function editLayers(change: (layers: unknown[]) => void) {
    const spec = parseSpec(text);
    if (!spec) return;
    change(spec.layers);
    setText(formatSpec(spec));
  }

  return (
    <section aria-labelledby="network-heading" className="space-y-6">
      <div>
        <h2 id="network-heading" className="text-xl font-semibold">{t("heading")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("explain")}</p>
      </div>
      {arrived !== undefined && (
        <p className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-700" data-testid="network-from-problem">
          {t("fromProblem")}
        </p>
      )}

      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <label className="block text-sm font-medium text-slate-700">
          {t("presetLabel")}
          <select
            value={preset}
            onChange={(event) => choosePreset(event.target.value)}
            className="mt-1 block w-full max-w-sm rounded-lg border border-slate-300 bg-white px-3 py-2 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            data-testid="zoo-preset"
          >
            <option value="">{t("presetNone")}</option>
            {zooNames().map((name) => (
              <option key={name} value={name}>
                {name} — {zooModel(name)?.origin}
              </option>
            ))}
          </select>
        </label>

        <div>
          <label htmlFor="spec-editor" className="block text-sm font-medium text-slate-700">
            {t("editorLabel")}
          </label>
          <p id="spec-editor-help" className="text-xs text-slate-500">{t("editorHelp")}</p>
          <textarea
            id="spec-editor"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setPreset("");
            }}
            spellCheck={false}
            rows={14}
            aria-describedby="spec-editor-help spec-status"
            aria-invalid={checked.error !== null}
            className={`mt-1 block w-full rounded-lg border px-3 py-2 font-mono text-sm leading-relaxed focus:outline-none focus:ring-2 ${
              checked.error ? "border-red-300 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
            }`}
            data-testid="spec-editor"
          />
          <div id="spec-status" aria-live="polite">
            {checked.error && (
              <p role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="spec-error">
                {checked.error.kind === "json"
                  ? t("jsonError", { message: checked.error.message })
                  : checked.error.path === null
                    ? t("specErrorWhole", { message: checked.error.message })
                    : t("specError", { path: checked.error.path, message: checked.error.message })}
              </p>
            )}
          </div>
        </div>

        <LayerBuilder
          disabled={checked.error?.kind === "json"}
          onAdd={(layer) => editLayers((layers) => layers.push(layer))}
          onRemoveLast={() => editLayers((layers) => layers.pop())}
        />
      </div>

      {shown && <LayerTable analysis={shown.analysis} name={shown.name ?? t("unnamed")} />}
    </section>
  );
}

function parseSpec(text: string): { layers: unknown[] } | null {
  try {
    const spec: unknown = JSON.parse(text);
    if (typeof spec === "object" && spec !== null && Array.isArray((spec as { layers?: unknown }).layers)) {
      return spec as { layers: unknown[] };
    }
  } catch {
    // Not JSON yet: the editor shows why.
  }
  return null;
}

function check(text: string): Checked {
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    return { analysis: null, error: { kind: "json", message: error instanceof Error ? error.message : String(error) } };
  }
  try {
    const { name } = spec as { name?: unknown };
    return { analysis: analyze(spec), name: typeof name === "string" && name ? name : null, error: null };
  } catch (error) {
    if (error instanceof EngineError) {
      // The engine starts each message with where it is (`layer 3 (conv2d): …`, `spec: …`); the
      // page says that in the reader's language, so only the rest is kept.
      const message = error.message.replace(/^(layer \S+ \([^)]*\)|layer \S+|spec): /, "");
      return { analysis: null, error: { kind: "spec", path: error.path, message } };
    }
    throw error;
  }
}
