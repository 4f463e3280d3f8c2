import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { orNotFound } from "../../teach/_components/teach-caller";
import { assessmentTitle, learnerCaller } from "../_components/learner-caller";
import { countsDown } from "../_components/countdown-rule";
import { TimeLeft } from "../_components/time-left";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("learnerCourse");
  return { title: t("title") };
}

const statusTone = {
  "not-started": "bg-slate-100 text-slate-700",
  "in-progress": "bg-amber-100 text-amber-900",
  submitted: "bg-emerald-100 text-emerald-800",
} as const;

/**
 * A course as its learners see it: its quizzes and exams, each with the learner's status, the
 * due date in their own time zone (and how far off it is), the time left of an exam they are
 * taking, and their score where the review options show it.
 */
export default async function LearnerCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { caller, now } = await learnerCaller(`/courses/${courseId}`);
  const course = await orNotFound(caller.courses.get({ courseId }));
  const t = await getTranslations("learnerCourse");
  const format = await getFormatter();
  const locale = await getLocale();

  if (course.role === "owner") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{course.title}</h1>
        <p className="text-slate-700">{t("teaching")}</p>
        <Link href={`/teach/${course.id}`} className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("manage")}
        </Link>
      </div>
    );
  }

  const assessments = await caller.assessments.forCourse({ courseId });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const relative = (date: Date) => format.relativeTime(date, now);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/courses" className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="course-title">
          {course.title}
        </h1>
      </div>
      <section aria-labelledby="assessments-heading" className="space-y-3">
        <h2 id="assessments-heading" className="text-lg font-semibold">
          {t("assessments")}
        </h2>
        {assessments.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600 shadow-sm" data-testid="no-assessments">
            {t("none")}
          </p>
        ) : (
          <ul className="space-y-3" data-testid="assessments">
            {assessments.map((assessment) => {
              const title = assessmentTitle(assessment, locale);
              return (
                <li
                  key={assessment.id}
                  className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
                  data-testid="assessment-row"
                  data-status={assessment.status}
                  data-kind={assessment.kind}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="min-w-0 text-base font-semibold">
                      <Link href={`/courses/${courseId}/assessments/${assessment.id}`} className="text-brand-700 underline-offset-2 hover:underline" data-testid="assessment-link">
                        {title}
                      </Link>
                    </h3>
                    <span className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-medium ${statusTone[assessment.status]}`} data-testid="assessment-status">
                      {t(`status.${assessment.status}`)}
                    </span>
                  </div>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                    <span>{t(`kind.${assessment.kind}`)}</span>
                    <span>{t("questions", { count: assessment.questionCount, points: assessment.possiblePoints })}</span>
                    {assessment.timeLimitMinutes !== null && assessment.kind === "exam" && <span>{t("timeLimit", { minutes: assessment.timeLimitMinutes })}</span>}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
                    {assessment.window === "not-open" && assessment.opensAt ? (
                      <span data-testid="assessment-opens">{t("opens", { date: when(assessment.opensAt), relative: relative(assessment.opensAt) })}</span>
                    ) : assessment.dueAt ? (
                      <span data-testid="assessment-due">{t("due", { date: when(assessment.dueAt), relative: relative(assessment.dueAt) })}</span>
                    ) : (
                      <span data-testid="assessment-due">{t("noDue")}</span>
                    )}
                    {assessment.window !== "on-time" && assessment.status !== "submitted" && <span className="font-medium">{t(`window.${assessment.window}`)}</span>}
                    {assessment.status === "in-progress" &&
                      assessment.deadline &&
                      countsDown({ timed: assessment.kind === "exam" && assessment.timeLimitMinutes !== null, msLeft: assessment.deadline.getTime() - now.getTime() }) && (
                      <TimeLeft deadline={assessment.deadline} serverNow={now} />
                    )}
                  </p>
                  {assessment.total ? (
                    <p className="mt-1 text-sm font-medium text-slate-900" data-testid="assessment-score">
                      {t("score", { awarded: assessment.total.awarded, possible: assessment.total.possible, percent: assessment.total.percent / 100 })}
                    </p>
                  ) : (
                    assessment.status === "submitted" && <p className="mt-1 text-sm text-slate-600">{t("scoreHidden")}</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
