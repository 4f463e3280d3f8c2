"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

/** The layer types the form builds, with the fields each one asks for; composites are written as JSON. */
const FORM_LAYERS = {
  conv2d: ["filters", "kernel", "stride", "padding"],
  maxpool2d: ["kernel", "stride", "padding"],
  avgpool2d: ["kernel", "stride", "padding"],
  batchnorm: [],
  relu: [],
  sigmoid: [],
  dropout: ["rate"],
  global_avgpool: [],
  flatten: [],
  dense: ["units"],
} as const satisfies Record<string, readonly Field[]>;

type Field = "filters" | "kernel" | "stride" | "padding" | "units" | "rate";
type FormLayer = keyof typeof FORM_LAYERS;

const DEFAULTS: Record<Field, number> = { filters: 16, kernel: 3, stride: 1, padding: 1, units: 10, rate: 0.5 };

/** "Build layer by layer": a small form that appends one layer to the spec in the editor. */
export function LayerBuilder({ disabled, onAdd, onRemoveLast }: { disabled: boolean; onAdd: (layer: Record<string, unknown>) => void; onRemoveLast: () => void }) {
  const t = useTranslations("calc.network");
  const [type, setType] = useState<FormLayer>("conv2d");
  const [values, setValues] = useState(DEFAULTS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const layer: Record<string, unknown> = { type };
    for (const field of FORM_LAYERS[type] as readonly Field[]) {
      // A pooling layer's stride defaults to its kernel (DESIGN.md); the form writes it only when it differs.
      if (field === "stride" && type !== "conv2d" && values.stride === values.kernel) continue;
      if (field === "padding" && values.padding === 0) continue;
      if (field === "stride" && type === "conv2d" && values.stride === 1) continue;
      layer[field] = values[field];
    }
    onAdd(layer);
  }

  return (
    <form onSubmit={onSubmit} className="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby="layer-builder-heading">
      <h3 id="layer-builder-heading" className="font-semibold">{t("builderHeading")}</h3>
      <p className="text-xs text-slate-500">{disabled ? t("builderNeedsJson") : t("builderExplain")}</p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium text-slate-700">
          {t("layerType")}
          <select
            value={type}
            onChange={(event) => setType(event.target.value as FormLayer)}
            className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
          >
            {Object.keys(FORM_LAYERS).map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
        {(FORM_LAYERS[type] as readonly Field[]).map((field) => (
          <label key={field} className="block text-sm font-medium text-slate-700">
            {t(field)}
            <input
              type="number"
              min={field === "padding" || field === "rate" ? 0 : 1}
              max={field === "rate" ? 0.99 : undefined}
              step={field === "rate" ? 0.05 : 1}
              value={values[field]}
              onChange={(event) => setValues({ ...values, [field]: Number(event.target.value) })}
              className="mt-1 block w-24 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
          </label>
        ))}
        <button
          type="submit"
          disabled={disabled}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {t("addLayer")}
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={onRemoveLast}
          className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {t("removeLast")}
        </button>
      </div>
    </form>
  );
}
