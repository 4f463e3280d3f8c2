"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../../../../../_components/trpc";
import { card, errorText, primaryButton, secondaryButton } from "../../../../_components/styles";
import { ApplyDialog } from "./apply-dialog";
import { RegradePreviewTable } from "./regrade-preview";
import type { RegradeCandidate, RegradeResult } from "./regrade-types";

interface Applied {
  title: string;
  result: RegradeResult;
}

/**
 * The questions to regrade, the preview of the one chosen (never lowering a score unless the
 * instructor turns that off, which runs the preview again), and Apply behind a confirmation.
 * After applying, the counts are announced and the candidate leaves the list.
 */
export function RegradePanel({ courseId, assessmentId, initialCandidates }: { courseId: string; assessmentId: string; initialCandidates: RegradeCandidate[] }) {
  const t = useTranslations("teachRegrade");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const candidates = useQuery(trpc.assessments.regradeCandidates.queryOptions({ assessmentId }, { initialData: initialCandidates }));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [allowLower, setAllowLower] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const appliedMessage = useRef<HTMLParagraphElement>(null);
  const selected = candidates.data.find((candidate) => candidate.questionId === selectedId) ?? null;
  // Always computed afresh: another instructor's regrade or a newer version changes the answer.
  const preview = useQuery({ ...trpc.assessments.regradePreview.queryOptions({ assessmentId, questionId: selectedId ?? "", allowLower }), enabled: selected !== null, staleTime: 0 });
  const apply = useMutation(trpc.assessments.regradeApply.mutationOptions());
  const versions = new Intl.ListFormat(locale, { type: "conjunction" });

  useEffect(() => {
    if (selectedId) previewHeading.current?.focus();
  }, [selectedId]);

  useEffect(() => {
    if (applied) appliedMessage.current?.focus();
  }, [applied]);

  function choose(questionId: string) {
    setApplied(null);
    apply.reset();
    setAllowLower(false);
    setSelectedId(questionId);
  }

  function onConfirm() {
    if (!selected) return;
    const title = selected.title;
    apply.mutate(
      { assessmentId, questionId: selected.questionId, allowLower },
      {
        onSuccess: async (result) => {
          setConfirming(false);
          setSelectedId(null);
          setApplied({ title, result });
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: trpc.assessments.regradeCandidates.queryKey({ assessmentId }) }),
            queryClient.removeQueries({ queryKey: trpc.assessments.regradePreview.pathKey() }),
          ]);
        },
      },
    );
  }

  return (
    <div className="space-y-6">
      {applied && (
        <p ref={appliedMessage} tabIndex={-1} role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900 focus:outline-none focus:ring-2 focus:ring-emerald-300" data-testid="regrade-applied">
          {applied.result.regradeId === null
            ? t("appliedNothing", { title: applied.title })
            : t("applied", { title: applied.title, version: applied.result.toVersion, affected: applied.result.affected, changed: applied.result.changed })}
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
              {preview.error.message}
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
                error={apply.isError ? apply.error.message : null}
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
