import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Course / assessments, then the editor's heading and the zone its dates are read in. */
export async function EditorHeader({ courseId, courseTitle, heading }: { courseId: string; courseTitle: string; heading: string }) {
  const t = await getTranslations("teachAssessments");
  return (
    <div className="space-y-1">
      <nav aria-label={t("breadcrumbs")} className="flex flex-wrap gap-2 text-sm">
        <Link href={`/teach/${courseId}`} className="text-brand-700 underline">
          {courseTitle}
        </Link>
        <span aria-hidden="true">/</span>
        <Link href={`/teach/${courseId}/assessments`} className="text-brand-700 underline">
          {t("list.title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{heading}</h1>
    </div>
  );
}
