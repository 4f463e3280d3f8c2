import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { assessmentTitle, learnerCaller } from "./_components/learner-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("learnerCourse");
  return { title: t("yourCourses") };
}

/** The courses the signed-in person learns in, each with what is left to do and what is due next. */
export default async function LearnerCoursesPage() {
  const { caller, now } = await learnerCaller("/courses");
  const t = await getTranslations("learnerCourse");
  const format = await getFormatter();
  const locale = await getLocale();
  const joined = (await caller.courses.list()).filter((course) => course.role === "learner");
  const courses = await Promise.all(joined.map(async (course) => ({ ...course, assessments: await caller.assessments.forCourse({ courseId: course.id }) })));

  /** "2 to do · next: Homework 1, due Dec 10 (in 3 days)": open work not yet handed in, the soonest due first. */
  function summary(assessments: (typeof courses)[number]["assessments"]): string {
    if (assessments.length === 0) return t("summaryNone");
    const toDo = assessments.filter((assessment) => assessment.status !== "submitted" && assessment.window !== "closed");
    if (toDo.length === 0) return t("summaryDone");
    const next = toDo.toSorted((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity))[0]!;
    const title = assessmentTitle(next, locale);
    const nextText = next.dueAt
      ? t("summaryNext", { title, date: format.dateTime(next.dueAt, { dateStyle: "medium", timeStyle: "short" }), relative: format.relativeTime(next.dueAt, now) })
      : t("summaryNextUndated", { title });
    return `${t("summaryToDo", { count: toDo.length })} · ${nextText}`;
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("yourCourses")}</h1>
        <p className="mt-1 text-slate-600">{t("coursesLead")}</p>
      </div>
      {courses.length === 0 ? (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="no-learner-courses">
          <p className="text-slate-700">{t("noCourses")}</p>
          <Link href="/join" className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t("joinOne")}
          </Link>
        </div>
      ) : (
        <ul className="space-y-2" data-testid="learner-courses">
          {courses.map((course) => (
            <li key={course.id}>
              <Link
                href={`/courses/${course.id}`}
                className="block rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm hover:bg-slate-50"
                data-testid="learner-course-link"
              >
                <span className="font-semibold text-brand-700">{course.title}</span>
                <span className="mt-1 block text-sm text-slate-700" data-testid="learner-course-summary">
                  {summary(course.assessments)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
