import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NotInstructor } from "../../_components/not-instructor";
import { card } from "../../_components/styles";
import { orNotFound, teachCaller } from "../../_components/teach-caller";
import { AccommodationForm } from "./accommodation-form";
import { assessmentTitle } from "./assessment-title";
import { GradebookTable } from "./gradebook-table";
import { RosterSyncButton } from "./roster-sync-button";
import { StatisticsSection } from "./statistics-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gradebook");
  return { title: t("title") };
}

/** The course's gradebook: learners × assessments, the CSV files, accommodations and one assessment's statistics. */
export default async function GradebookPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ assessment?: string | string[] }> }) {
  const { courseId } = await params;
  const { assessment: asked } = await searchParams;
  const { caller, isInstructor } = await teachCaller(`/teach/${courseId}/gradebook`);
  if (!isInstructor) return <NotInstructor />;
  const course = await orNotFound(caller.courses.get({ courseId }));
  if (course.role !== "owner") return <p className={card}>{(await getTranslations("teach.course"))("notOwner")}</p>;
  const t = await getTranslations("gradebook");
  const locale = await getLocale();
  const gradebook = await caller.gradebook.course({ courseId });
  const titled = gradebook.assessments.map((assessment) => ({ id: assessment.id, title: assessmentTitle(assessment, locale) }));
  const picked = titled.find((assessment) => assessment.id === asked)?.id ?? titled[0]?.id ?? null;
  const statistics = picked ? await caller.gradebook.statistics({ assessmentId: picked }) : null;
  const current = Object.fromEntries(
    gradebook.learners.flatMap((learner) => learner.cells.flatMap((cell) => (cell.accommodation ? [[`${cell.assessmentId}:${learner.id}`, cell.accommodation] as const] : []))),
  );
  const download = (format: "canvas" | "moodle") => `/api/courses/${courseId}/gradebook?format=${format}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/teach/${courseId}`} className="text-sm text-brand-700 hover:underline">
            <span aria-hidden="true">← </span>
            {t("back")}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("lead", { course: course.title, zone: gradebook.course.timeZone })}</p>
        </div>
        <div className="space-y-1">
          <div className="flex flex-wrap gap-2" role="group" aria-label={t("downloads")}>
            <a href={download("canvas")} download className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700" data-testid="canvas-csv">
              {t("canvasCsv")}
            </a>
            <a
              href={download("moodle")}
              download
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50"
              data-testid="moodle-csv"
            >
              {t("moodleCsv")}
            </a>
          </div>
          <p className="max-w-sm text-xs text-slate-600">{t("downloadsHelp")}</p>
          {gradebook.lmsRoster && <RosterSyncButton courseId={courseId} />}
        </div>
      </div>

      {gradebook.assessments.length === 0 ? (
        <p className={card} data-testid="gradebook-empty">
          {t("empty")}
        </p>
      ) : gradebook.learners.length === 0 ? (
        <p className={card} data-testid="gradebook-no-learners">
          {t("noLearners")}
        </p>
      ) : (
        <>
          <GradebookTable courseId={courseId} gradebook={gradebook} />
          <section aria-labelledby="accommodation-title" className={card}>
            <h2 id="accommodation-title" className="mb-2 text-lg font-semibold">
              {t("accommodation.title")}
            </h2>
            <AccommodationForm choice={{ learners: gradebook.learners.map(({ id, name, email }) => ({ id, name, email })), assessments: titled, current }} />
          </section>
        </>
      )}

      {statistics && picked && <StatisticsSection assessments={titled} picked={picked} statistics={statistics} />}
    </div>
  );
}
