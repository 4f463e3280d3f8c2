"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useId, useState } from "react";
import { type LayerRow, LAYER_FIELDS, LAYER_TYPES, rowsFromSpec, specFromRows } from "./spec-rows";

const field =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50";
const smallButton =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50";

const FIRST_ROW: LayerRow = { type: "conv2d", filters: "", kernel: "3", stride: "", padding: "", dilation: "" };

/**
 * The answer to a design problem: a form of layers (one row a layer, its fields those of the
 * layer's type; a blank field is the engine's default) or the spec as JSON text. Both write the
 * same answer, the spec JSON (`{"layers": [...]}`), which is what is sent; switching to the form
 * reads the JSON back when it is a plain list of layers the form can show.
 */
export function SpecInput({
  value,
  onChange,
  locked,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  locked: boolean;
  inputRef: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}) {
  const t = useTranslations("review.spec");
  const id = useId();
  const [mode, setMode] = useState<"form" | "json">("form");
  const [rows, setRows] = useState<LayerRow[]>(() => rowsFromSpec(value) ?? [FIRST_ROW]);
  const [cannotShow, setCannotShow] = useState(false);
  // A new problem clears the answer: start its form afresh (an emptied form stays empty).
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value === "" && rows.length > 0 && !rows.every((row, i) => i === 0 && row === FIRST_ROW)) setRows([FIRST_ROW]);
  }

  function update(next: LayerRow[]) {
    setRows(next);
    onChange(next.length === 0 ? "" : specFromRows(next));
  }

  function showForm() {
    const read = value.trim() === "" ? [] : rowsFromSpec(value);
    if (read === null) {
      setCannotShow(true);
      return;
    }
    setCannotShow(false);
    setRows(read);
    setMode("form");
  }

  function showJson() {
    setCannotShow(false);
    if (value.trim() === "" && rows.length > 0) onChange(specFromRows(rows));
    setMode("json");
  }

  const tab = (which: "form" | "json") =>
    `rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
      mode === which ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
    }`;

  return (
    <div className="space-y-3" data-testid="spec-input">
      <div className="inline-flex gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1" role="group" aria-label={t("modeLabel")}>
        <button type="button" className={tab("form")} aria-pressed={mode === "form"} onClick={showForm} disabled={locked}>
          {t("formMode")}
        </button>
        <button type="button" className={tab("json")} aria-pressed={mode === "json"} onClick={showJson} disabled={locked}>
          {t("jsonMode")}
        </button>
      </div>
      {cannotShow && (
        <p role="status" className="text-sm text-amber-800">
          {t("cannotShow")}
        </p>
      )}

      {mode === "json" ? (
        <textarea
          id="answer"
          ref={inputRef as RefObject<HTMLTextAreaElement>}
          name="answer"
          rows={Math.min(14, Math.max(5, value.split("\n").length + 1))}
          spellCheck={false}
          value={value}
          maxLength={1000}
          readOnly={locked}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby="answer-hint"
          className={field}
          data-testid="spec-json"
        />
      ) : (
        <fieldset className="space-y-2" aria-describedby="answer-hint" disabled={locked}>
          <legend className="sr-only">{t("layersLegend")}</legend>
          <ol className="space-y-2">
            {rows.map((row, index) => (
              <li key={index} className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="spec-row">
                <div className="mb-2 flex items-center justify-between gap-2">
                  <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("layer", { index })}</span>
                  <div className="flex gap-1">
                    <button type="button" className={smallButton} disabled={index === 0} onClick={() => update(swap(rows, index, index - 1))} aria-label={t("moveUp", { index })}>
                      ↑
                    </button>
                    <button type="button" className={smallButton} disabled={index === rows.length - 1} onClick={() => update(swap(rows, index, index + 1))} aria-label={t("moveDown", { index })}>
                      ↓
                    </button>
                    <button type="button" className={smallButton} onClick={() => update(rows.filter((_, i) => i !== index))} aria-label={t("remove", { index })}>
                      {t("removeShort")}
                    </button>
                  </div>
                </div>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-6">
                  <label className="col-span-2 sm:col-span-1">
                    <span className="block text-xs text-slate-600">{t("fields.type")}</span>
                    <select
                      id={index === 0 ? "answer" : undefined}
                      value={row.type}
                      className={field}
                      onChange={(event) => update(rows.map((r, i) => (i === index ? { ...r, type: event.target.value as LayerRow["type"] } : r)))}
                      aria-label={t("fieldOf", { field: t("fields.type"), index })}
                    >
                      {LAYER_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {type}
                        </option>
                      ))}
                    </select>
                  </label>
                  {LAYER_FIELDS[row.type].map((name) => {
                    const label = t(`fields.${row.type === "dense" && name === "filters" ? "units" : name}`);
                    return (
                    <label key={name}>
                      <span className="block truncate text-xs text-slate-600">{label}</span>
                      <input
                        inputMode="numeric"
                        autoComplete="off"
                        value={row[name]}
                        placeholder={t(`defaults.${name}`)}
                        className={field}
                        aria-label={t("fieldOf", { field: label, index })}
                        id={`${id}-${index}-${name}`}
                        onChange={(event) => update(rows.map((r, i) => (i === index ? { ...r, [name]: event.target.value } : r)))}
                      />
                    </label>
                    );
                  })}
                </div>
              </li>
            ))}
          </ol>
          <button type="button" className={smallButton} onClick={() => update([...rows, { ...FIRST_ROW, type: rows.length === 0 ? "conv2d" : "relu", kernel: rows.length === 0 ? "3" : "" }])} data-testid="spec-add">
            {t("add")}
          </button>
        </fieldset>
      )}
    </div>
  );
}

function swap(rows: LayerRow[], a: number, b: number): LayerRow[] {
  const next = [...rows];
  [next[a], next[b]] = [next[b] as LayerRow, next[a] as LayerRow];
  return next;
}
