"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Analysis } from "@/lib/engine";

/** The engine's analysis as a table: one row a layer in pre-order, composites indented above their children. */
export function LayerTable({ analysis, name }: { analysis: Analysis; name: string }) {
  const t = useTranslations("calc.network");
  const format = useFormatter();
  const number = (value: number) => format.number(value);
  const shape = (dims: readonly number[]) => dims.join(" × ");

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-4" data-testid="network-totals">
        <Total label={t("outputShape")} value={shape(analysis.outputShape)} testId="total-output" />
        <Total label={t("totalParams")} value={number(analysis.totalParams)} testId="total-params" />
        <Total label={t("totalMacs")} value={number(analysis.totalMacs)} testId="total-macs" />
        <Total label={t("totalBuffers")} value={number(analysis.totalBuffers)} testId="total-buffers" />
      </dl>

      {/* The page's column is narrower than a wide network's table: the table alone takes the
          window's width (up to 80rem, centred), and nearly its height, its header and totals
          row held in view while the layers scroll between them. */}
      <div
        style={{ marginInline: "min(0px, calc(50% - min(50vw - 1.5rem, 40rem)))" }}
        className="max-h-[calc(100dvh-4rem)] overflow-auto rounded-xl border border-slate-200 bg-white shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        role="region"
        aria-labelledby="layer-table-caption"
        tabIndex={0}
      >
        <table className="w-full border-collapse text-sm" data-testid="layer-table">
          <caption id="layer-table-caption" className="px-4 pt-3 text-left text-sm font-medium text-slate-700">
            {t("tableCaption", { name })} · {t("layerCount", { count: analysis.layers.length })}
          </caption>
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">{t("colPath")}</th>
              <th scope="col" className="px-3 py-2 text-left">{t("colType")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colShape")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colParams")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colMacs")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colRf")}</th>
            </tr>
          </thead>
          <tbody className="font-mono tabular-nums">
            <tr className="border-t border-slate-100 text-slate-500">
              <td className="px-3 py-1.5">—</td>
              <td className="px-3 py-1.5 font-sans">{t("inputRow")}</td>
              <td className="px-3 py-1.5 text-right">{shape(analysis.input)}</td>
              <td className="px-3 py-1.5 text-right" />
              <td className="px-3 py-1.5 text-right" />
              <td className="px-3 py-1.5 text-right" />
            </tr>
            {analysis.layers.map((layer) => {
              const depth = layer.path.split(".").filter((part) => /^\d+$/.test(part)).length - 1;
              const composite = layer.subtreeParams !== undefined;
              return (
                <tr key={layer.path} className={`border-t border-slate-100 ${composite ? "bg-slate-50 text-slate-600" : ""}`} data-path={layer.path}>
                  <td className="whitespace-nowrap px-3 py-1.5 text-slate-500">{layer.path}</td>
                  <td className="whitespace-nowrap px-3 py-1.5" style={{ paddingLeft: `${0.75 + depth}rem` }}>
                    {layer.type}
                    {layer.name && <span className="ml-2 font-sans text-slate-500">{layer.name}</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right">{shape(layer.outputShape)}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right">
                    {composite ? <span className="text-slate-400">({number(layer.subtreeParams ?? 0)})</span> : number(layer.params)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right">
                    {composite ? <span className="text-slate-400">({number(layer.subtreeMacs ?? 0)})</span> : number(layer.macs)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right">{layer.receptiveField.length ? shape(layer.receptiveField) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="sticky bottom-0 bg-white font-mono font-semibold tabular-nums shadow-[0_-1px_0_0_var(--color-slate-200)]">
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-left font-sans">{t("totals")}</th>
              <td className="px-3 py-2 text-right">{shape(analysis.outputShape)}</td>
              <td className="px-3 py-2 text-right">{number(analysis.totalParams)}</td>
              <td className="px-3 py-2 text-right">{number(analysis.totalMacs)}</td>
              <td className="px-3 py-2 text-right" />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function Total({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 font-mono text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
