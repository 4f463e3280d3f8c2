import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../../_components/not-instructor";
import { card } from "../../_components/styles";
import { orNotFound, teachCaller } from "../../_components/teach-caller";
import { ItemCard } from "./item-card";
import { LearnersTable } from "./learners-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teach.stats");
  return { title: t("title") };
}

/** What the course's learners answered, per question and per learner, with the CSV downloads. */
export default async function StatisticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { caller, isInstructor } = await teachCaller(`/teach/${courseId}/stats`);
  if (!isInstructor) return <NotInstructor />;
  const t = await getTranslations("teach.stats");
  const course = await orNotFound(caller.courses.get({ courseId }));
  if (course.role !== "owner") return <p className={card}>{(await getTranslations("teach.course"))("notOwner")}</p>;
  const { items, learners } = await caller.statistics.course({ courseId });
  const flagged = items.filter((item) => item.flags.length > 0).length;
  const download = (what: "grades" | "items") => `/api/courses/${courseId}/export?what=${what}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/teach/${courseId}`} className="text-sm text-brand-700 hover:underline">
            <span aria-hidden="true">← </span>
            {t("back")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("lead", { course: course.title })}</p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("downloads")}>
          <a href={download("grades")} download className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700" data-testid="grades-csv">
            {t("gradesCsv")}
          </a>
          <a
            href={download("items")}
            download
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50"
            data-testid="items-csv"
          >
            {t("itemsCsv")}
          </a>
        </div>
      </div>

      <section aria-labelledby="items-title" className="space-y-3">
        <h2 id="items-title" className="text-lg font-semibold">
          {t("questions")}
        </h2>
        {flagged > 0 && (
          <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="flagged-count">
            {t("flagged", { count: flagged })}
          </p>
        )}
        {items.length === 0 ? (
          <p className={`${card} text-slate-600`} data-testid="no-items">
            {t("noQuestions")}
          </p>
        ) : (
          items.map((item) => <ItemCard key={item.questionId} item={item} />)
        )}
      </section>

      <section aria-labelledby="learners-title" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="border-b border-slate-100 px-6 py-4">
          <h2 id="learners-title" className="text-lg font-semibold">
            {t("learners")}
          </h2>
          <p className="mt-1 text-sm text-slate-600" data-testid="mastery-definition">
            {t("masteryHelp")}
          </p>
        </div>
        {learners.length === 0 ? (
          <p className="px-6 py-4 text-slate-600" data-testid="no-learners">
            {t("noLearners")}
          </p>
        ) : (
          <LearnersTable learners={learners} />
        )}
      </section>
    </div>
  );
}
