import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { misconceptionLabel, topicTitle } from "@/lib/problems";
import { FacilityBar } from "./facility-bar";
import { variableLabel } from "./variable-label";
import type { ItemStatistics } from "./statistics-types";

/**
 * One question's statistics: its numbers, the wrong answers and named misconceptions met most,
 * and, where the question has parameters that vary, the same broken down by each one's value.
 */
export async function ItemCard({ item }: { item: ItemStatistics }) {
  const t = await getTranslations("teach.stats");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const percent = (value: number | null) => (value === null ? t("notMeasured") : format.number(value, { style: "percent" }));
  const headingId = `item-${item.questionId}`;
  // A built-in question's path into its check, in words; an author's own variable name as written.
  const variableName = (variable: string) => {
    const label = variableLabel(variable);
    if (!label) return null;
    if (label.kind === "input") return t("variable.input", { axis: label.axis });
    const field = t(`variable.fields.${label.field}`);
    return label.kind === "layer" ? t("variable.layer", { layer: label.layer, field }) : field;
  };

  return (
    <article className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby={headingId} data-testid="item">
      <h3 id={headingId} className="font-semibold">
        {item.title}
      </h3>
      <p className="text-sm text-slate-600">{topicTitle(item.topic)[locale]}</p>
      {item.flags.length > 0 && (
        <div className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="item-flags">
          <h4 className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {t("flagsTitle")}
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {item.flags.map((flag) => (
              <li key={flag.kind} data-flag={flag.kind}>
                {flag.kind === "key-mismatches"
                  ? t("flags.key-mismatches", { count: flag.count })
                  : flag.kind === "negative-discrimination"
                    ? t("flags.negative-discrimination", { value: format.number(flag.value, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) })
                    : t(`flags.${flag.kind}`, { value: flag.value })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.attempts === 0 ? (
        <p className="mt-3 text-slate-600">{t("noAttempts")}</p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label={t("attempts")} value={format.number(item.attempts)} />
            <Figure label={t("facility")} note={t("facilityHelp")} value={percent(item.facility)} />
            <Figure
              label={t("discrimination")}
              note={t("discriminationHelp")}
              value={item.discrimination === null ? t("notMeasured") : format.number(item.discrimination, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}
            />
            <Figure
              label={t("medianTime")}
              value={item.medianMs === null ? t("notMeasured") : t("seconds", { seconds: format.number(item.medianMs / 1000, { maximumFractionDigits: 1 }) })}
            />
          </dl>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <CountTable
              caption={t("wrongAnswers")}
              empty={t("noWrongAnswers")}
              head={[t("answer"), t("count")]}
              rows={item.commonWrongAnswers.map(({ answer, count, options }) => [
                options ? options.map((option) => t("choiceAnswer", { id: option.id, text: option.text[locale] })).join(t("listSeparator")) : answer,
                count,
              ])}
              mono
            />
            <CountTable caption={t("misconceptions")} empty={t("noMisconceptions")} head={[t("misconception"), t("count")]} rows={item.misconceptions.map(({ id, count }) => [misconceptionLabel(id, locale), count])} />
          </div>
          {item.regions.length > 0 && (
            <div className="mt-4 space-y-3">
              <h4 className="text-sm font-semibold">{t("regions")}</h4>
              {item.regions.map((region) => (
                <div key={region.variable} className="overflow-x-auto">
                  <table className="w-full text-left text-sm" data-testid="region">
                    <caption className="sr-only">{t("regionsLabel", { question: item.title, variable: variableName(region.variable) ?? region.variable })}</caption>
                    <thead className="text-slate-600">
                      <tr>
                        <th className="py-1 pr-3 font-medium">
                          {variableName(region.variable) ?? <code className="text-slate-900">{region.variable}</code>}
                        </th>
                        <th className="px-3 py-1 text-right font-medium">{t("attempts")}</th>
                        <th className="px-3 py-1 text-right font-medium">{t("facility")}</th>
                        <th className="py-1 pl-3 font-medium">{t("misconceptions")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {region.values.map((entry) => (
                        <tr key={entry.value} className="border-t border-slate-100">
                          <td className="py-1 pr-3 font-mono">{entry.value}</td>
                          <td className="px-3 py-1 text-right tabular-nums">{format.number(entry.attempts)}</td>
                          <td className="px-3 py-1 text-right">
                            <FacilityBar value={entry.facility} text={percent(entry.facility)} />
                          </td>
                          <td className="py-1 pl-3 text-xs">
                            {entry.misconceptions.length === 0 ? t("notMeasured") : entry.misconceptions.map(({ id, count }) => t("misconceptionCount", { name: misconceptionLabel(id, locale), count })).join(t("listSeparator"))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </article>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-slate-600">{note}</dd>}
    </div>
  );
}

/** `mono` for answers as typed (truncated, whole in the tooltip); names wrap in the text font. */
function CountTable({ caption, empty, head, rows, mono = false }: { caption: string; empty: string; head: [string, string]; rows: [string, number][]; mono?: boolean }) {
  if (rows.length === 0) {
    return (
      <div>
        <h4 className="text-sm font-semibold">{caption}</h4>
        <p className="text-sm text-slate-600">{empty}</p>
      </div>
    );
  }
  // Wrapped, so that a grid cell taller than the table does not stretch its rows apart.
  return (
    <div>
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-semibold">{caption}</caption>
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3 font-medium">{head[0]}</th>
            <th className="py-1 text-right font-medium">{head[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label} className="border-t border-slate-100">
              <td className={mono ? "max-w-0 truncate py-1 pr-3 font-mono" : "py-1 pr-3"} title={mono ? label : undefined}>
                {label}
              </td>
              <td className="py-1 text-right tabular-nums">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
