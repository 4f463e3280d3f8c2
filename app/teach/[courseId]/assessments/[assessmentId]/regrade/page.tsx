import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../../../../_components/not-instructor";
import { orNotFound } from "../../../../_components/teach-caller";
import { EditorHeader } from "../../_editor/editor-header";
import { loadCourse } from "../../_editor/load-course";
import { RegradeHistory } from "./regrade-history";
import { RegradePanel } from "./regrade-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teachRegrade");
  return { title: t("title") };
}

/**
 * Regrading one assessment: the course questions whose stored answers were graded against a
 * version other than the published one, each previewed before it is applied (as a background
 * job the page follows), and the regrades applied before.
 */
export default async function RegradePage({ params }: { params: Promise<{ courseId: string; assessmentId: string }> }) {
  const { courseId, assessmentId } = await params;
  const loaded = await loadCourse({ courseId, next: `/teach/${courseId}/assessments/${assessmentId}/regrade` });
  if (!loaded.isInstructor) return <NotInstructor />;
  const { caller, course, locale } = loaded;
  const saved = await orNotFound(caller.assessments.get({ assessmentId }));
  // The address names the course too: an assessment of another of the owner's courses is not here.
  if (saved.courseId !== courseId) notFound();
  const [candidates, history] = await Promise.all([caller.assessments.regradeCandidates({ assessmentId }), caller.assessments.regradeHistory({ assessmentId })]);
  // A regrade still waiting or running (applied before a reload, or by a co-owner): the page follows it.
  const jobs = await Promise.all(candidates.map(async (candidate) => ({ candidate, job: await caller.assessments.regradeJob({ assessmentId, questionId: candidate.questionId }) })));
  const pending = jobs.find(({ job }) => job?.state === "queued" || job?.state === "running");
  const initialFollowed = pending?.job ? { questionId: pending.candidate.questionId, title: pending.candidate.title, job: pending.job, appliedHere: false } : null;
  const t = await getTranslations("teachRegrade");
  const title = locale === "zh-CN" && saved.titleZh ? saved.titleZh : saved.titleEn;
  return (
    <div className="space-y-6">
      <EditorHeader courseId={courseId} courseTitle={course.title} heading={t("heading", { title })} />
      <p className="max-w-3xl text-slate-700">{t("lead")}</p>
      <RegradePanel courseId={courseId} assessmentId={assessmentId} initialCandidates={candidates} initialFollowed={initialFollowed} />
      <RegradeHistory assessmentId={assessmentId} timeZone={course.timeZone} initialHistory={history} />
    </div>
  );
}
