import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BankBreadcrumbs } from "../../_editor/bank-breadcrumbs";
import { loadBank, templateCatalog, topicChoices } from "../../_editor/load-bank";
import { QuestionEditor } from "../../_editor/question-editor";
import type { QuestionKind } from "../../_editor/question-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questionEditor");
  return { title: t("newQuestion") };
}

/** A new question of the kind chosen on the bank page (`?kind=builtin|custom|fixed`). */
export default async function NewQuestionPage({ params, searchParams }: { params: Promise<{ courseId: string; bankId: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { courseId, bankId } = await params;
  const requested = (await searchParams).kind;
  const kind: QuestionKind = requested === "builtin" || requested === "fixed" ? requested : "custom";
  const { course, bank, locale } = await loadBank({ courseId, bankId, next: `/teach/${courseId}/banks/${bankId}/questions/new?kind=${kind}` });
  const t = await getTranslations("questionEditor");
  return (
    <div className="space-y-6">
      <BankBreadcrumbs courseId={courseId} courseTitle={course.title} bankId={bankId} bankTitle={bank.title} />
      <div>
        <h1 className="text-2xl font-semibold">{t("newQuestionOf", { kind: t(`kinds.${kind}`) })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(`kindHelp.${kind}`)}</p>
      </div>
      <QuestionEditor
        courseId={courseId}
        bankId={bankId}
        start={{ questionId: null, kind, definition: null, state: null, latestVersion: null, publishedVersion: null, validation: null }}
        catalog={templateCatalog(locale)}
        topics={topicChoices(locale)}
      />
    </div>
  );
}
