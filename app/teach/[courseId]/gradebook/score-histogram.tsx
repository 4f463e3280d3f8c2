"use client";

// recharts is imported only here, so the charting library ships with the gradebook alone.
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Colours come from app/theme.css, so the chart follows the light or dark theme.
const TICK = { fill: "var(--chart-text)", fontSize: 12 };

/** Submitted attempts per ten-point bin of their percentage. */
export function ScoreHistogram({ bins }: { bins: { from: number; to: number; count: number }[] }) {
  const t = useTranslations("gradebook.statistics");
  const data = bins.map((bin) => ({ ...bin, label: t("bin", { from: bin.from, to: bin.to }) }));
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="score-histogram">
      <figcaption>
        <h3 className="font-semibold">{t("histogram")}</h3>
        <p className="mt-1 text-sm text-slate-600">{t("histogramHelp")}</p>
      </figcaption>
      <div className="mt-4 h-64" role="img" aria-label={data.map((bin) => `${bin.label}: ${bin.count}`).join(", ")}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" tick={TICK} interval={0} angle={-30} textAnchor="end" height={56} />
            <YAxis allowDecimals={false} tick={TICK} width={32} />
            <Tooltip cursor={{ fill: "var(--chart-cursor)" }} formatter={(value) => [value, t("attempts")]} />
            <Bar dataKey="count" fill="var(--chart-bar)" isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fill="var(--chart-text)" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
