import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { learnerCaller } from "./_components/learner-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("learnerCourse");
  return { title: t("yourCourses") };
}

/** The courses the signed-in person learns in, each leading to its quizzes and exams. */
export default async function LearnerCoursesPage() {
  const { caller } = await learnerCaller("/courses");
  const t = await getTranslations("learnerCourse");
  const courses = (await caller.courses.list()).filter((course) => course.role === "learner");
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
                className="block rounded-xl border border-slate-200 bg-white px-5 py-4 font-semibold text-brand-700 shadow-sm hover:bg-slate-50"
                data-testid="learner-course-link"
              >
                {course.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
