import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Course / bank, above a question's editor. */
export async function BankBreadcrumbs({ courseId, courseTitle, bankId, bankTitle }: { courseId: string; courseTitle: string; bankId: string; bankTitle: string }) {
  const t = await getTranslations("questionEditor");
  return (
    <nav aria-label={t("breadcrumbs")} className="flex gap-2 text-sm">
      <Link href={`/teach/${courseId}`} className="text-brand-700 underline">
        {courseTitle}
      </Link>
      <span aria-hidden="true">/</span>
      <Link href={`/teach/${courseId}/banks/${bankId}`} className="text-brand-700 underline">
        {bankTitle}
      </Link>
    </nav>
  );
}
