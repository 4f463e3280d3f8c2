import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { wallClockOf } from "@/lib/grading/assessments";
import { assessmentTitle } from "./assessment-title";
import { timeSpent } from "./time-spent";
import type { Gradebook, GradebookCell } from "./gradebook-types";

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold";
const STATUS_BADGE: Record<GradebookCell["status"], string> = {
  "not-started": "bg-slate-100 text-slate-700",
  "in-progress": "bg-amber-100 text-amber-900",
  submitted: "bg-emerald-100 text-emerald-900",
};

/**
 * Learners × assessments. The header row and the learners' column stay in view while the table
 * scrolls both ways inside its own region (focusable, so the keyboard scrolls it too).
 */
export async function GradebookTable({ courseId, gradebook }: { courseId: string; gradebook: Gradebook }) {
  const t = await getTranslations("gradebook");
  const locale = await getLocale();
  return (
    <div className="max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full min-w-[40rem] border-separate border-spacing-0 text-left text-sm" data-testid="gradebook-table">
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 left-0 z-20 border-b border-slate-200 bg-white px-4 py-3 font-semibold">
              {t("learner")}
            </th>
            {gradebook.assessments.map((assessment) => (
              <th key={assessment.id} scope="col" className="sticky top-0 z-10 min-w-48 border-b border-slate-200 bg-white px-4 py-3 align-bottom font-semibold" data-testid="gradebook-column">
                <div>{assessmentTitle(assessment, locale)}</div>
                <div className="text-xs font-normal text-slate-600">
                  {t("points", { possible: assessment.possible })}
                  {assessment.dueAt && <> · {t("due", { due: assessment.dueAt.replace("T", " ") })}</>}
                </div>
                {assessment.passback && (
                  <div className="text-xs font-normal text-slate-600" data-testid="gradebook-passback">
                    {assessment.passback.lastSentAt ? t("passback.sent", { at: wallClockOf(assessment.passback.lastSentAt, gradebook.course.timeZone).replace("T", " ") }) : t("passback.notYet")}
                    {assessment.passback.pending > 0 && <> · {t("passback.waiting", { count: assessment.passback.pending })}</>}
                    {assessment.passback.heldUntil && assessment.passback.held > assessment.passback.heldUntilShown && (
                      <div data-testid="gradebook-passback-held">
                        {t("passback.heldUntil", { count: assessment.passback.held - assessment.passback.heldUntilShown, at: wallClockOf(assessment.passback.heldUntil, gradebook.course.timeZone).replace("T", " ") })}
                      </div>
                    )}
                    {assessment.passback.heldUntilShown > 0 && <div data-testid="gradebook-passback-held-shown">{t("passback.heldUntilShown", { count: assessment.passback.heldUntilShown })}</div>}
                    {assessment.passback.failed > 0 && (
                      <div className="text-red-700" data-testid="gradebook-passback-failed">
                        {t("passback.failed", { count: assessment.passback.failed, error: assessment.passback.lastError ?? "" })}
                      </div>
                    )}
                  </div>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gradebook.learners.map((learner) => (
            <tr key={learner.id} data-testid="gradebook-row">
              <th scope="row" className="sticky left-0 z-10 border-b border-slate-100 bg-white px-4 py-3 text-left align-top font-normal">
                <div className="font-medium">{learner.name}</div>
                <div className="text-xs text-slate-600">{learner.email}</div>
              </th>
              {learner.cells.map((cell, index) => {
                const assessment = gradebook.assessments[index]!;
                return (
                  <td key={cell.assessmentId} className="border-b border-slate-100 px-4 py-3 align-top" data-testid="gradebook-cell" data-status={cell.status}>
                    <div className="flex flex-wrap items-center gap-1">
                      <span className={`${badge} ${STATUS_BADGE[cell.status]}`}>{t(`status.${cell.status}`)}</span>
                      {cell.finishedBy === "time" && (
                        <span className={`${badge} bg-amber-100 text-amber-900`} data-testid="time-up">
                          {t("timeUp")}
                        </span>
                      )}
                      {cell.late && <span className={`${badge} bg-red-100 text-red-800`}>{t("late")}</span>}
                      {cell.overridden && <span className={`${badge} bg-brand-50 text-brand-700`}>{t("overridden")}</span>}
                    </div>
                    {cell.score && (
                      <div className="mt-1 font-medium tabular-nums" data-testid="gradebook-score">
                        {t("score", { awarded: cell.score.awarded, possible: cell.score.possible, percent: cell.score.percent })}
                      </div>
                    )}
                    {cell.secondsSpent !== null && <div className="text-xs text-slate-600">{timeSpent(t, cell.secondsSpent)}</div>}
                    {cell.accommodation?.dueAt && cell.dueAt && <div className="text-xs text-slate-600">{t("accommodationDue", { due: cell.dueAt.replace("T", " ") })}</div>}
                    {cell.accommodation && cell.accommodation.extraMinutes > 0 && (
                      <div className="text-xs text-slate-600">{t("accommodationExtra", { minutes: cell.accommodation.extraMinutes })}</div>
                    )}
                    {cell.attemptId && (
                      <Link
                        href={`/teach/${courseId}/gradebook/${cell.attemptId}`}
                        className="mt-1 inline-block text-xs font-semibold text-brand-700 hover:underline"
                        aria-label={t("openLabel", { learner: learner.name, assessment: assessmentTitle(assessment, locale) })}
                        data-testid="open-attempt"
                      >
                        {t("open")}
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
