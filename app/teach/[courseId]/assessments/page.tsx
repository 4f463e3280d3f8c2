import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../../_components/not-instructor";
import { card, primaryButton, secondaryButton } from "../../_components/styles";
import { loadCourse } from "./_editor/load-course";
import { ArrangeAssessment } from "./arrange-assessment";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teachAssessments.list");
  return { title: t("title") };
}

const badge = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold";

/** The course's quizzes and exams in order, each with its dates in the course's zone and its progress. */
export default async function AssessmentsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const loaded = await loadCourse({ courseId, next: `/teach/${courseId}/assessments` });
  if (!loaded.isInstructor) return <NotInstructor />;
  const { caller, course, locale } = loaded;
  const t = await getTranslations("teachAssessments.list");
  const assessments = await caller.assessments.list({ courseId });
  // One small query per assessment: a course has tens of them, and the badge saves opening each.
  const toRegrade = await Promise.all(assessments.map(async (assessment) => (await caller.assessments.regradeCandidates({ assessmentId: assessment.id })).length));
  const order = assessments.map((assessment) => assessment.id);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: course.timeZone });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/teach/${courseId}`} className="text-sm text-brand-700 hover:underline">
            <span aria-hidden="true">← </span>
            {course.title}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="assessments-zone">
            {t("zone", { zone: course.timeZone })}
          </p>
        </div>
        <Link href={`/teach/${courseId}/assessments/new`} className={primaryButton} data-testid="new-assessment">
          {t("new")}
        </Link>
      </div>

      {assessments.length === 0 ? (
        <p className={card} data-testid="no-assessments">
          {t("empty")}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="assessments">
          {assessments.map((assessment, index) => {
            const title = locale === "zh-CN" && assessment.titleZh ? assessment.titleZh : assessment.titleEn;
            return (
              <li key={assessment.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6" data-testid="assessment-row" data-kind={assessment.kind}>
                <div className="min-w-0 space-y-1 sm:flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/teach/${courseId}/assessments/${assessment.id}/edit`} className="font-semibold text-brand-700 underline-offset-2 hover:underline" data-testid="assessment-title">
                      {title}
                    </Link>
                    <span className={`${badge} ${assessment.kind === "exam" ? "bg-violet-100 text-violet-800" : "bg-sky-100 text-sky-800"}`} data-testid="assessment-kind">
                      {t(`kinds.${assessment.kind}`)}
                    </span>
                    <span className={`${badge} ${assessment.published ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700"}`} data-testid="assessment-state">
                      {assessment.published ? t("published") : t("draft")}
                    </span>
                  </div>
                  <p className="text-sm text-slate-700" data-testid="assessment-dates">
                    {assessment.opensAt ? t("opens", { date: when.format(assessment.opensAt) }) : t("opensOnPublish")}
                    <span aria-hidden="true"> · </span>
                    {assessment.dueAt ? t("due", { date: when.format(assessment.dueAt) }) : t("noDue")}
                    {assessment.timeLimitMinutes !== null ? (
                      <>
                        <span aria-hidden="true"> · </span>
                        {t("timeLimit", { minutes: assessment.timeLimitMinutes })}
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600" data-testid="assessment-size">
                    {t("size", { questions: assessment.questionCount, points: points.format(assessment.possiblePoints) })}
                    <span aria-hidden="true"> · </span>
                    <span data-testid="assessment-progress">{t("progress", { started: assessment.started, finished: assessment.finished })}</span>
                  </p>
                </div>
                <div className="flex shrink-0 flex-col gap-2 sm:max-w-sm sm:items-end">
                  <div className="flex flex-wrap items-center gap-1.5">
                    {toRegrade[index]! > 0 && (
                      <span id={`regrade-count-${assessment.id}`} className={`${badge} bg-amber-100 text-amber-900`} data-testid="regrade-count">
                        {t("regradeNeeded", { count: toRegrade[index]! })}
                      </span>
                    )}
                    <Link href={`/teach/${courseId}/assessments/${assessment.id}/edit`} className={secondaryButton}>
                      {t("edit")}
                      {/* The title read after the visible word, so the name starts with what is seen in every language (axe label-content-name-mismatch). */}
                      <span className="sr-only"> {title}</span>
                    </Link>
                    <Link
                      href={`/teach/${courseId}/assessments/${assessment.id}/regrade`}
                      className={secondaryButton}
                      aria-describedby={toRegrade[index]! > 0 ? `regrade-count-${assessment.id}` : undefined}
                      data-testid="regrade-link"
                    >
                      {t("regrade")}
                      <span className="sr-only"> {title}</span>
                    </Link>
                  </div>
                  <ArrangeAssessment courseId={courseId} order={order} index={index} title={title} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
