"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../../../_components/trpc";
import { useServerMessage } from "../../../../_components/use-server-message";
import { errorText, field, okText, primaryButton } from "../../../_components/styles";

/** A manual score for the attempt, with the reason an auditor will read; the server keeps the score it replaces. */
export function OverrideForm({ attemptId, possible }: { attemptId: string; possible: number }) {
  const t = useTranslations("gradebook.attempt.override");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const override = useMutation(trpc.gradebook.overrideScore.mutationOptions());
  const [score, setScore] = useState("");
  const [reason, setReason] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    override.mutate(
      { attemptId, score: Number(score), reason },
      {
        onSuccess: () => {
          setScore("");
          setReason("");
          router.refresh();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="override-form">
      <p className="text-sm text-slate-600" id="override-help">
        {t("help")}
      </p>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor="override-score" className="text-sm font-medium">
            {t("score", { possible })}
          </label>
          <input id="override-score" type="number" min={0} max={possible} step="any" inputMode="decimal" className={field} value={score} onChange={(event) => setScore(event.target.value)} aria-describedby="override-help" />
        </div>
        <div>
          <label htmlFor="override-reason" className="text-sm font-medium">
            {t("reason")}
          </label>
          <input id="override-reason" type="text" maxLength={500} className={field} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      </div>
      <button type="submit" className={primaryButton} disabled={override.isPending || score.trim() === "" || reason.trim() === ""} data-testid="save-override">
        {t("save")}
      </button>
      {override.isSuccess && (
        <p role="status" className={okText}>
          {t("saved")}
        </p>
      )}
      {override.isError && (
        <p role="alert" className={errorText}>
          {refusal(override.error)}
        </p>
      )}
    </form>
  );
}
