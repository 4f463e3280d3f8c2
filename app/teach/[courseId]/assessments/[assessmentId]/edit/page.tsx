import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../../../../_components/not-instructor";
import { orNotFound } from "../../../../_components/teach-caller";
import { AssessmentEditor } from "../../_editor/assessment-editor";
import { fromSaved } from "../../_editor/assessment-form";
import { EditorHeader } from "../../_editor/editor-header";
import { loadCourse, loadPoolChoices } from "../../_editor/load-course";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teachAssessments.editor");
  return { title: t("editTitle") };
}

/** One assessment of the course in the editor, as saved. */
export default async function EditAssessmentPage({ params }: { params: Promise<{ courseId: string; assessmentId: string }> }) {
  const { courseId, assessmentId } = await params;
  const loaded = await loadCourse({ courseId, next: `/teach/${courseId}/assessments/${assessmentId}/edit` });
  if (!loaded.isInstructor) return <NotInstructor />;
  const { caller, course, locale } = loaded;
  const saved = await orNotFound(caller.assessments.get({ assessmentId }));
  // The address names the course too: an assessment of another of the owner's courses is not here.
  if (saved.courseId !== courseId) notFound();
  const { banks, skills } = await loadPoolChoices({ caller, courseId, locale });
  const title = locale === "zh-CN" && saved.titleZh ? saved.titleZh : saved.titleEn;
  const tRegrade = await getTranslations("teachRegrade");
  return (
    <div className="space-y-6">
      <EditorHeader courseId={courseId} courseTitle={course.title} heading={title} />
      {saved.attempts > 0 && (
        <p className="text-sm">
          <Link href={`/teach/${courseId}/assessments/${assessmentId}/regrade`} className="font-medium text-brand-700 underline" data-testid="editor-regrade-link">
            {tRegrade("fromEditor")}
          </Link>
        </p>
      )}
      <AssessmentEditor key={assessmentId} courseId={courseId} assessmentId={assessmentId} timeZone={saved.timeZone} start={fromSaved(saved)} banks={banks} skills={skills} attempts={saved.attempts} />
    </div>
  );
}
