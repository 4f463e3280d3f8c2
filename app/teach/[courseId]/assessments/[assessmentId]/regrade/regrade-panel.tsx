"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../../../../../_components/trpc";
import { useServerMessage } from "../../../../../_components/use-server-message";
import { card, errorText, primaryButton, secondaryButton } from "../../../../_components/styles";
import { ApplyDialog } from "./apply-dialog";
import { RegradePreviewTable } from "./regrade-preview";
import type { RegradeCandidate, RegradeJob } from "./regrade-types";

/** The regrade the page follows: its question's title, and its job once known. */
export interface Followed {
  questionId: string;
  title: string;
  job: RegradeJob;
  /** Applied from this page (the focus follows it), or found waiting or running when the page loaded. */
  appliedHere: boolean;
}

const inProgress = (job: RegradeJob | null | undefined) => job?.state === "queued" || job?.state === "running";

/**
 * The questions to regrade, the preview of the one chosen (never lowering a score unless the
 * instructor turns that off, which runs the preview again), and Apply behind a confirmation.
 * Applying enqueues a background job: the page follows it (queued, running) to its counts or its
 * failure, announces each step and moves the focus to it; once done, the candidate leaves the list
 * and the regrade joins the history below.
 */
export function RegradePanel({
  courseId,
  assessmentId,
  initialCandidates,
  initialFollowed,
}: {
  courseId: string;
  assessmentId: string;
  initialCandidates: RegradeCandidate[];
  /** A regrade queued or running when the page loaded (applied before a reload, or by a co-owner). */
  initialFollowed: Followed | null;
}) {
  const t = useTranslations("teachRegrade");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useServerMessage();
  const candidates = useQuery(trpc.assessments.regradeCandidates.queryOptions({ assessmentId }, { initialData: initialCandidates }));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [allowLower, setAllowLower] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [followed, setFollowed] = useState<Followed | null>(initialFollowed);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const outcomeMessage = useRef<HTMLParagraphElement>(null);
  const selected = candidates.data.find((candidate) => candidate.questionId === selectedId) ?? null;
  // Always computed afresh: another instructor's regrade or a newer version changes the answer.
  const preview = useQuery({ ...trpc.assessments.regradePreview.queryOptions({ assessmentId, questionId: selectedId ?? "", allowLower }), enabled: selected !== null, staleTime: 0 });
  const apply = useMutation(trpc.assessments.regradeApply.mutationOptions());
  // The followed job, polled each second while it waits or runs.
  const polled = useQuery({
    ...trpc.assessments.regradeJob.queryOptions({ assessmentId, questionId: followed?.questionId ?? "" }),
    enabled: followed !== null && inProgress(followed.job),
    refetchInterval: (query) => (inProgress(query.state.data) ? 1000 : false),
    staleTime: 0,
  });
  const versions = new Intl.ListFormat(locale, { type: "conjunction" });
  const job = followed ? (polled.data && polled.data.jobId === followed.job.jobId ? polled.data : followed.job) : null;
  const phase = job ? (job.state === "done" ? "done" : job.state === "failed" ? "failed" : "progress") : null;

  useEffect(() => {
    if (selectedId) previewHeading.current?.focus();
  }, [selectedId]);

  // The focus follows the outcome of an apply made here: to "queued" when the dialog closes, then
  // to the result. A regrade found running when the page loaded is announced, not focused.
  const appliedHere = followed?.appliedHere ?? false;
  useEffect(() => {
    if (phase && appliedHere) outcomeMessage.current?.focus();
  }, [phase, appliedHere, followed?.job.jobId]);

  useEffect(() => {
    if (phase !== "done" && phase !== "failed") return;
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessments.regradeCandidates.queryKey({ assessmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessments.regradeHistory.queryKey({ assessmentId }) }),
      queryClient.removeQueries({ queryKey: trpc.assessments.regradePreview.pathKey() }),
    ]);
  }, [phase, assessmentId, queryClient, trpc]);

  function choose(questionId: string) {
    if (!inProgress(job)) setFollowed(null);
    apply.reset();
    setAllowLower(false);
    setSelectedId(questionId);
  }

  function onConfirm() {
    if (!selected) return;
    const { questionId, title } = selected;
    apply.mutate(
      { assessmentId, questionId, allowLower },
      {
        onSuccess: (enqueued) => {
          setConfirming(false);
          setSelectedId(null);
          setFollowed({ questionId, title, job: enqueued, appliedHere: true });
        },
      },
    );
  }

  function outcomeText(): string {
    if (!followed || !job) return "";
    if (job.state === "queued") return t("queued", { title: followed.title });
    if (job.state === "running") return t("running", { title: followed.title });
    if (job.state === "failed") {
      // The job's AppError, worded as a refusal of the call would be (its reason in this language).
      const { error } = job;
      return error ? t("failed", { title: followed.title, reason: refusal({ message: error.message, data: { reason: error.reason, params: error.params } }) }) : t("failedUnknown", { title: followed.title });
    }
    const result = job.result;
    if (!result || result.regradeId === null) return t("appliedNothing", { title: followed.title });
    return t("applied", { title: followed.title, version: result.toVersion, affected: result.affected, changed: result.changed });
  }

  return (
    <div className="space-y-6">
      {followed && phase && (
        <p
          ref={outcomeMessage}
          tabIndex={-1}
          role={phase === "failed" ? "alert" : "status"}
          className={`rounded-lg px-4 py-3 focus:outline-none focus:ring-2 ${
            phase === "done" ? "bg-emerald-50 text-emerald-900 focus:ring-emerald-300" : phase === "failed" ? "bg-red-50 text-red-800 focus:ring-red-300" : "bg-sky-50 text-sky-900 focus:ring-sky-300"
          }`}
          data-testid={phase === "done" ? "regrade-applied" : phase === "failed" ? "regrade-failed" : "regrade-progress"}
          data-state={job?.state}
        >
          {outcomeText()}
        </p>
      )}

      {candidates.data.length === 0 ? (
        <section className={card} data-testid="regrade-empty">
          <p className="font-medium text-slate-900">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
          <Link href={`/teach/${courseId}/assessments`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            {t("back")}
          </Link>
        </section>
      ) : (
        <section aria-labelledby="candidates-heading" className="space-y-3">
          <h2 id="candidates-heading" className="text-lg font-semibold">
            {t("candidatesHeading")}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="regrade-candidates">
            {candidates.data.map((candidate) => {
              const isSelected = candidate.questionId === selectedId;
              return (
                <li key={candidate.questionId} className={`flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6 ${isSelected ? "bg-brand-50" : ""}`} data-testid="regrade-candidate">
                  <div className="min-w-0 space-y-1">
                    <p className="font-semibold text-slate-900" data-testid="candidate-title">
                      {candidate.title}
                    </p>
                    <p className="text-sm text-slate-700" data-testid="candidate-versions">
                      {t("versions", { heldCount: candidate.heldVersions.length, held: versions.format(candidate.heldVersions.map(String)), published: candidate.publishedVersion ?? 0 })}
                    </p>
                    <p className="text-sm text-slate-600" data-testid="candidate-size">
                      {t("size", { tries: candidate.staleTries, questions: candidate.staleQuestions })}
                    </p>
                  </div>
                  <button
                    type="button"
                    className={`${secondaryButton} self-start aria-pressed:border-brand-500 aria-pressed:bg-brand-100 aria-pressed:text-brand-700 sm:self-center`}
                    onClick={() => choose(candidate.questionId)}
                    aria-pressed={isSelected}
                    aria-label={t("previewNamed", { title: candidate.title })}
                    data-testid="candidate-preview"
                  >
                    {t("preview")}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {selected && (
        <section aria-labelledby="preview-heading" className={`${card} space-y-4`} data-testid="regrade-preview">
          <h2 id="preview-heading" ref={previewHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {t("previewHeading", { title: selected.title, version: selected.publishedVersion ?? 0 })}
          </h2>
          <div>
            <label className="flex items-start gap-2 font-medium">
              <input type="checkbox" className="mt-1 h-4 w-4" checked={!allowLower} onChange={(event) => setAllowLower(!event.target.checked)} aria-describedby="never-lower-hint" data-testid="never-lower" />
              {t("neverLower")}
            </label>
            <p id="never-lower-hint" className="ml-6 text-sm text-slate-600">
              {t("neverLowerHint")}
            </p>
          </div>
          {allowLower && (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800" data-testid="may-lower">
              {t("mayLower")}
            </p>
          )}

          {preview.isError ? (
            <p role="alert" className={errorText}>
              {refusal(preview.error)}
            </p>
          ) : !preview.data ? (
            <p role="status" className="text-slate-600" data-testid="regrade-loading">
              {t("loading")}
            </p>
          ) : (
            <>
              <p role="status" className="font-medium text-slate-900" data-testid="regrade-summary">
                {t("summary", { affected: preview.data.affected, changed: preview.data.changed })}
              </p>
              <RegradePreviewTable preview={preview.data} />
              <button type="button" className={primaryButton} onClick={() => setConfirming(true)} disabled={preview.data.affected === 0} data-testid="regrade-apply">
                {t("apply")}
              </button>
              <ApplyDialog
                open={confirming}
                title={selected.title}
                version={preview.data.toVersion}
                affected={preview.data.affected}
                changed={preview.data.changed}
                allowLower={allowLower}
                pending={apply.isPending}
                error={apply.isError ? refusal(apply.error) : null}
                onConfirm={onConfirm}
                onClose={() => setConfirming(false)}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
