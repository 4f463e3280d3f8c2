import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankBreadcrumbs } from "../../_editor/bank-breadcrumbs";
import { loadBank, templateCatalog, topicChoices } from "../../_editor/load-bank";
import { QuestionEditor } from "../../_editor/question-editor";
import { questionTitle } from "../../_editor/question-title";
import type { ValidationSummary } from "../../_editor/validation-report";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questionEditor");
  return { title: t("editQuestion") };
}

/** One question of the bank, its latest version in the editor. */
export default async function QuestionPage({ params }: { params: Promise<{ courseId: string; bankId: string; questionId: string }> }) {
  const { courseId, bankId, questionId } = await params;
  const { caller, course, bank, locale } = await loadBank({ courseId, bankId, next: `/teach/${courseId}/banks/${bankId}/questions/${questionId}` });
  const question = (await caller.questions.list({ bankId, archived: true })).find((candidate) => candidate.id === questionId);
  if (!question) notFound();
  const t = await getTranslations("questionEditor");
  return (
    <div className="space-y-6">
      <BankBreadcrumbs courseId={courseId} courseTitle={course.title} bankId={bankId} bankTitle={bank.title} />
      <div>
        <h1 className="text-2xl font-semibold">{questionTitle(question, locale)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(`kindHelp.${question.kind as "builtin" | "custom" | "fixed"}`)}</p>
        {question.archived ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("archivedNote")}</p> : null}
      </div>
      <QuestionEditor
        key={question.id}
        courseId={courseId}
        bankId={bankId}
        start={{
          questionId: question.id,
          kind: question.kind as "builtin" | "custom" | "fixed",
          definition: question.definition as Record<string, unknown> | null,
          state: question.state,
          latestVersion: question.latestVersion,
          publishedVersion: question.publishedVersion,
          validation: question.validation as ValidationSummary | null,
        }}
        catalog={templateCatalog(locale)}
        topics={topicChoices(locale)}
      />
    </div>
  );
}
