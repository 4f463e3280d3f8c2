import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadBank, topicChoices } from "./_editor/load-bank";
import { BankQuestions } from "./bank-questions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questionEditor");
  return { title: t("bankTitle") };
}

/** A bank of a course: its questions in order, and the way to write a new one of each kind. */
export default async function BankPage({ params }: { params: Promise<{ courseId: string; bankId: string }> }) {
  const { courseId, bankId } = await params;
  const { course, bank, locale } = await loadBank({ courseId, bankId, next: `/teach/${courseId}/banks/${bankId}` });
  const t = await getTranslations("questionEditor");
  const newPath = (kind: string) => `/teach/${courseId}/banks/${bankId}/questions/new?kind=${kind}`;
  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumbs")} className="text-sm">
        <Link href={`/teach/${courseId}`} className="text-brand-700 underline">
          {course.title}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">{bank.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("bankIntro")}</p>
      </div>
      <BankQuestions courseId={courseId} bankId={bankId} topics={topicChoices(locale)} />
      <section aria-labelledby="new-question" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="new-question" className="text-lg font-semibold">
          {t("newQuestion")}
        </h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-3">
          {(["builtin", "custom", "fixed"] as const).map((kind) => (
            <li key={kind} className="rounded-lg border border-slate-200 p-3">
              <Link href={newPath(kind)} className="font-semibold text-brand-700 underline" data-testid={`new-${kind}`}>
                {t(`kinds.${kind}`)}
              </Link>
              <p className="mt-1 text-sm text-slate-600">{t(`kindHelp.${kind}`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
