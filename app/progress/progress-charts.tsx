"use client";

// recharts is imported only here, so the charting library ships with /progress alone.
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Colours come from app/theme.css, so the charts follow the light or dark theme.
const BRAND = "var(--chart-bar)";
const MUTED = "var(--chart-text)";
const TICK = { fill: MUTED, fontSize: 12 };

export interface MasteryDatum {
  topic: string;
  label: string;
  mastery: number;
  started: number;
  mastered: number;
  total: number;
}

function ChartCard({ title, help, testId, children }: { title: string; help: string; testId: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid={testId}>
      <figcaption>
        <h2 className="font-semibold">{title}</h2>
        <p className="mt-1 text-sm text-slate-600">{help}</p>
      </figcaption>
      <div className="mt-4">{children}</div>
    </figure>
  );
}

function Empty({ text }: { text: string }) {
  return <p className="rounded-lg bg-slate-50 px-4 py-10 text-center text-sm text-slate-600">{text}</p>;
}

function useDayLabel() {
  const format = useFormatter();
  // A day key is a calendar date already in the learner's zone: read it back as UTC midnight, in UTC.
  return (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
}

export function MasteryChart({ data }: { data: MasteryDatum[] }) {
  const t = useTranslations("progress");
  const format = useFormatter();
  const any = data.some((entry) => entry.started > 0);
  return (
    <ChartCard title={t("masteryTitle")} help={t("masteryHelp")} testId="mastery-chart">
      {!any ? (
        <Empty text={t("masteryEmpty")} />
      ) : (
        <div style={{ height: data.length * 30 + 40 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
              <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
              <XAxis type="number" domain={[0, 1]} tickFormatter={(value: number) => format.number(value, { style: "percent" })} tick={TICK} />
              <YAxis type="category" dataKey="label" width={150} tick={TICK} interval={0} />
              <Tooltip
                cursor={{ fill: "var(--chart-cursor)" }}
                formatter={(_value, _name, item) => {
                  const entry = item.payload as MasteryDatum;
                  return [t("masteryTooltip", { mastery: entry.mastery, mastered: entry.mastered, started: entry.started, total: entry.total }), t("mastery")];
                }}
              />
              {/* A stub for 0 %, so an unstarted or failed topic still shows its bar and number. */}
              <Bar dataKey="mastery" name={t("mastery")} radius={[0, 4, 4, 0]} minPointSize={3}>
                {data.map((entry) => (
                  <Cell key={entry.topic} fill={entry.started === 0 ? "var(--chart-bar-unstarted)" : BRAND} />
                ))}
                {/* The number itself, not only a bar: a phone shows no tooltip until tapped. */}
                <LabelList dataKey="mastery" position="right" fill={MUTED} fontSize={12} formatter={(value) => format.number(Number(value), { style: "percent" })} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

export interface RetentionDatum {
  day: string;
  passed: number;
  total: number;
  rate: number | null;
}

export function RetentionChart({ data, desired }: { data: RetentionDatum[]; desired: number }) {
  const t = useTranslations("progress");
  const format = useFormatter();
  const dayLabel = useDayLabel();
  const percent = (value: number) => format.number(value, { style: "percent" });
  return (
    <ChartCard title={t("retentionTitle")} help={t("retentionHelp")} testId="retention-chart">
      {data.every((entry) => entry.total === 0) ? (
        <Empty text={t("retentionEmpty")} />
      ) : (
        <div className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
              <XAxis dataKey="day" tickFormatter={dayLabel} tick={TICK} minTickGap={24} />
              <YAxis domain={[0, 1]} tickFormatter={percent} tick={TICK} width={48} />
              <Tooltip
                cursor={{ fill: "var(--chart-cursor)" }}
                labelFormatter={(label) => dayLabel(String(label))}
                formatter={(_value, _name, item) => {
                  const entry = item.payload as RetentionDatum;
                  return [`${percent(entry.rate ?? 0)} (${t("retentionTooltip", { passed: entry.passed, total: entry.total })})`, t("retentionRate")];
                }}
              />
              <Bar dataKey="rate" name={t("retentionRate")} fill="var(--chart-retention)" radius={[4, 4, 0, 0]} />
              <ReferenceLine y={desired} stroke="var(--chart-target)" strokeDasharray="6 4" ifOverflow="extendDomain" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {/* The target line's name stands in a key below the chart: drawn on the line, the bars covered it. */}
      <p className="mt-2 flex items-center gap-2 text-xs text-amber-900" data-testid="desired-retention">
        <svg width="24" height="6" aria-hidden="true">
          <line x1="0" y1="3" x2="24" y2="3" stroke="var(--chart-target)" strokeWidth="2" strokeDasharray="6 4" />
        </svg>
        {t("desiredRetention", { target: desired })}
      </p>
    </ChartCard>
  );
}

export function ForecastChart({ data }: { data: { day: string; due: number }[] }) {
  const t = useTranslations("progress");
  const dayLabel = useDayLabel();
  const label = (day: string) => (day === data[0]?.day ? t("today") : dayLabel(day));
  return (
    <ChartCard title={t("forecastTitle")} help={t("forecastHelp")} testId="forecast-chart">
      {data.every((entry) => entry.due === 0) ? (
        <Empty text={t("forecastEmpty")} />
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
              <XAxis dataKey="day" tickFormatter={label} tick={TICK} minTickGap={24} interval="preserveStart" />
              <YAxis allowDecimals={false} tick={TICK} width={32} />
              <Tooltip cursor={{ fill: "var(--chart-cursor)" }} labelFormatter={(value) => label(String(value))} />
              <Bar dataKey="due" name={t("forecastCount")} fill={BRAND} radius={[4, 4, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}
