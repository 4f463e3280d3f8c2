"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Loading } from "@/app/_components/loading";
import { useTRPC } from "@/app/_components/trpc";
import { useServerMessage } from "@/app/_components/use-server-message";
import type { Choice } from "./_editor/question-editor";
import { questionTitle } from "./_editor/question-title";

const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * The bank's live questions in order, with their state, last validation and a warning when
 * learners' queues had to skip one that could not be built; reorder and archive.
 */
export function BankQuestions({ courseId, bankId, topics }: { courseId: string; bankId: string; topics: readonly Choice[] }) {
  const t = useTranslations("questionEditor");
  const tFailures = useTranslations("teach.issueFailures");
  const refusal = useServerMessage();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Archived ones too: reordering names every question of the bank.
  const listInput = { bankId, archived: true };
  const questions = useQuery(trpc.questions.list.queryOptions(listInput));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.questions.list.queryKey(listInput) });
  const reorder = useMutation(trpc.questions.reorder.mutationOptions({ onSettled: refresh }));
  const archive = useMutation(trpc.questions.archive.mutationOptions({ onSettled: refresh }));

  if (questions.isError) return <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">{refusal(questions.error)}</p>;
  if (!questions.data) return <Loading label={t("loading")} />;
  const all = questions.data;
  const live = all.filter((question) => !question.archived);
  const topicLabel = (topic: string) => topics.find((choice) => choice.value === topic)?.label ?? topic;

  /** Swaps two live questions in the full order, archived ones keeping their places. */
  function move(index: number, by: -1 | 1) {
    const a = live[index];
    const b = live[index + by];
    if (!a || !b) return;
    const ids = all.map((question) => (question.id === a.id ? b.id : question.id === b.id ? a.id : question.id));
    reorder.mutate({ bankId, questionIds: ids });
  }

  const error = reorder.error ?? archive.error;
  return (
    <section aria-labelledby="questions-heading" className="space-y-3">
      <h2 id="questions-heading" className="text-lg font-semibold">
        {t("questions")}
      </h2>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {refusal(error)}
        </p>
      ) : null}
      {live.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noQuestions")}</p>
      ) : (
        <ol className="space-y-2" data-testid="question-list">
          {live.map((question, index) => {
            const title = questionTitle(question, locale);
            return (
              <li key={question.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm" data-testid="question-row">
                <div className="min-w-0">
                  <Link href={`/teach/${courseId}/banks/${bankId}/questions/${question.id}`} className="font-semibold text-brand-700 underline">
                    {title}
                  </Link>
                  <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
                    <span>{t(`kinds.${question.kind as "builtin" | "custom" | "fixed"}`)}</span>
                    <span>{topicLabel(question.topic)}</span>
                    <span data-testid="question-state">
                      {question.state === "draft"
                        ? t("stateDraft", { version: question.latestVersion })
                        : question.state === "published"
                          ? t("statePublished", { version: question.publishedVersion ?? 0 })
                          : t("statePublishedWithDraft", { version: question.publishedVersion ?? 0, draft: question.latestVersion })}
                    </span>
                    <span className={question.validation ? (question.validation.ok ? "text-emerald-800" : "text-red-700") : "text-slate-600"} data-testid="question-validation">
                      {question.validation ? (question.validation.ok ? t("lastValidationOk") : t("lastValidationFailed")) : t("notValidatedShort")}
                    </span>
                  </p>
                  {question.issueFailures ? (
                    <div role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="question-issue-failures">
                      <p className="font-medium">{tFailures("warning", { count: question.issueFailures.count, message: question.issueFailures.latestMessage })}</p>
                      <p className="mt-1">{tFailures("hint")}</p>
                    </div>
                  ) : null}
                </div>
                <div className="flex gap-1">
                  <button type="button" className={small} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)} aria-label={t("moveUp", { title })}>
                    ↑
                  </button>
                  <button type="button" className={small} disabled={index === live.length - 1 || reorder.isPending} onClick={() => move(index, 1)} aria-label={t("moveDown", { title })}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className={small}
                    disabled={archive.isPending}
                    onClick={() => {
                      if (window.confirm(t("archiveConfirm", { title }))) archive.mutate({ questionId: question.id });
                    }}
                  >
                    {t("archive")}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
