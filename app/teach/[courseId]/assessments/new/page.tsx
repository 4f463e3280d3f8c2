import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotInstructor } from "../../../_components/not-instructor";
import { AssessmentEditor } from "../_editor/assessment-editor";
import { emptyForm } from "../_editor/assessment-form";
import { EditorHeader } from "../_editor/editor-header";
import { loadCourse, loadPoolChoices } from "../_editor/load-course";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teachAssessments.editor");
  return { title: t("newTitle") };
}

/** A new homework or exam (`?kind=exam` starts on an exam). */
export default async function NewAssessmentPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { courseId } = await params;
  const kind = (await searchParams).kind === "exam" ? "exam" : "homework";
  const loaded = await loadCourse({ courseId, next: `/teach/${courseId}/assessments/new` });
  if (!loaded.isInstructor) return <NotInstructor />;
  const { caller, course, locale } = loaded;
  const { banks, skills } = await loadPoolChoices({ caller, courseId, locale });
  const t = await getTranslations("teachAssessments.editor");
  return (
    <div className="space-y-6">
      <EditorHeader courseId={courseId} courseTitle={course.title} heading={t("newTitle")} />
      <AssessmentEditor courseId={courseId} assessmentId={null} timeZone={course.timeZone} start={emptyForm(kind)} banks={banks} skills={skills} attempts={0} />
    </div>
  );
}
