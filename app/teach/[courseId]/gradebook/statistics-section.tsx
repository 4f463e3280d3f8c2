import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { card, field, secondaryButton } from "../../_components/styles";
import type { AssessmentStatistics } from "./gradebook-types";
import { ScoreHistogram } from "./score-histogram";

/**
 * One assessment's statistics: the summary numbers, the histogram, and per question its facility,
 * discrimination and results by parameter. The assessment is picked with a plain GET form, so the
 * choice is in the address and works without JavaScript.
 */
export async function StatisticsSection({
  assessments,
  picked,
  statistics,
}: {
  assessments: { id: string; title: string }[];
  picked: string;
  statistics: AssessmentStatistics;
}) {
  const t = await getTranslations("gradebook.statistics");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const number = (value: number | null, digits = 1) => (value === null ? t("notMeasured") : format.number(value, { maximumFractionDigits: digits }));
  const percent = (value: number | null) => (value === null ? t("notMeasured") : format.number(value, { style: "percent", maximumFractionDigits: 1 }));
  const { distribution } = statistics;

  return (
    <section aria-labelledby="statistics-title" className="space-y-4" data-testid="gradebook-statistics">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="statistics-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="statistics-assessment" className="text-sm font-medium">
              {t("pick")}
            </label>
            <select id="statistics-assessment" name="assessment" defaultValue={picked} className={field}>
              {assessments.map((assessment) => (
                <option key={assessment.id} value={assessment.id}>
                  {assessment.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButton}>
            {t("show")}
          </button>
        </form>
      </div>
      <p className="text-sm text-slate-600" data-testid="statistics-summary">
        {t("summary", { submitted: statistics.submitted, started: statistics.started })}
      </p>
      {distribution.count === 0 ? (
        <p className={card}>{t("none")}</p>
      ) : (
        <>
          <dl className="grid grid-cols-3 gap-3">
            {(
              [
                ["mean", distribution.mean],
                ["median", distribution.median],
                ["sd", distribution.standardDeviation],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <dt className="text-sm text-slate-600">{t(key)}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid={`statistics-${key}`}>
                  {value === null ? t("notMeasured") : `${number(value)}%`}
                </dd>
              </div>
            ))}
          </dl>
          <ScoreHistogram bins={distribution.bins} />
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("questions")}>
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="statistics-questions">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("question")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("drawn")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("tries")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("facility")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("discrimination")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("regions")}</th>
                </tr>
              </thead>
              <tbody>
                {statistics.questions.map((question) => (
                  <tr key={question.templateId} className="border-t border-slate-100 align-top">
                    <th scope="row" className="px-4 py-2 text-left font-medium">{question.title[locale]}</th>
                    <td className="px-3 py-2 text-right tabular-nums">{format.number(question.drawn)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{format.number(question.tries)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{percent(question.facility)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{number(question.discrimination, 2)}</td>
                    <td className="px-4 py-2">
                      <ul className="space-y-0.5 text-xs text-slate-700">
                        {question.regions.flatMap((region) =>
                          region.values.map((entry) => (
                            <li key={`${region.variable}=${entry.value}`}>{t("regionValue", { variable: region.variable, value: entry.value, facility: percent(entry.facility), tries: entry.tries })}</li>
                          )),
                        )}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
