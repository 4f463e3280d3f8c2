import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NewCourseForm } from "./_components/new-course-form";
import { NotInstructor } from "./_components/not-instructor";
import { card } from "./_components/styles";
import { teachCaller } from "./_components/teach-caller";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teach");
  return { title: t("title") };
}

/** The courses the instructor owns, each with its learners, banks and join code, and a new one. */
export default async function TeachPage() {
  const { caller, isInstructor } = await teachCaller("/teach");
  if (!isInstructor) return <NotInstructor />;
  const t = await getTranslations("teach");
  const tc = await getTranslations("common.languageNames");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const owned = (await caller.courses.list()).filter((course) => course.role === "owner");
  // The list carries no join code (learners list their courses too); an owner's course page does.
  const codes = await Promise.all(owned.map((course) => caller.courses.get({ courseId: course.id }).then((full) => full.joinCode)));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>

      <section aria-labelledby="courses-title" className="space-y-3">
        <h2 id="courses-title" className="text-lg font-semibold">
          {t("courses.heading")}
        </h2>
        {owned.length === 0 ? (
          <p className={`${card} text-slate-600`} data-testid="no-courses">
            {t("courses.empty")}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="courses">
            {owned.map((course, index) => (
              <li key={course.id} className={`${card} flex flex-col gap-2`} data-testid="course">
                <Link href={`/teach/${course.id}`} className="text-lg font-semibold text-brand-700 hover:underline">
                  {course.title}
                </Link>
                <p className="text-sm text-slate-600">
                  {t("courses.learners", { count: course.learners })} · {t("courses.banks", { count: course.banks })} ·{" "}
                  {tc(course.lang === "zh-CN" ? "zh-CN" : "en")}
                </p>
                <p className="text-sm text-slate-600">
                  {t("courses.joinCode")}
                  <span className="ml-1.5 font-mono text-base font-semibold tracking-widest text-slate-900" data-testid="course-join-code">
                    {codes[index]}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <NewCourseForm defaultLang={locale} />
    </div>
  );
}
