import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { topicTitle } from "@/lib/problems";
import { FacilityBar } from "./facility-bar";
import type { LearnerStatistics } from "./statistics-types";

/** Per learner: reviews of the course's questions, true retention, and mastery per topic. */
export async function LearnersTable({ learners }: { learners: LearnerStatistics[] }) {
  const t = await getTranslations("teach.stats");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const percent = (value: number | null) => (value === null ? t("notMeasured") : format.number(value, { style: "percent" }));
  return (
    // On a phone the table scrolls sideways rather than squeezing the topics into a sliver; the
    // region takes the focus so the keyboard can scroll it too.
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={t("learners")}>
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="learners">
        <thead className="text-slate-600">
          <tr>
            <th className="px-6 py-2 font-medium">{t("learner")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("reviews")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("retention")}</th>
            <th className="px-6 py-2 font-medium">{t("mastery")}</th>
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.userId} className="border-t border-slate-100 align-top">
              <td className="px-6 py-2">
                <div className="font-medium">{learner.name}</div>
                <div className="text-xs text-slate-600">{learner.email}</div>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(learner.reviews)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{percent(learner.retention)}</td>
              <td className="px-6 py-2">
                <ul className="space-y-0.5">
                  {learner.mastery.map((entry) => (
                    <li key={entry.topic} className="flex items-center justify-between gap-3">
                      <span>{topicTitle(entry.topic)[locale]}</span>
                      <FacilityBar value={entry.started === 0 ? null : entry.mastery} text={entry.started === 0 ? t("notMeasured") : percent(entry.mastery)} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
