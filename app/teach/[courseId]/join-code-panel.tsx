"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { card, errorText, field, primaryButton, secondaryButton } from "../_components/styles";

/** The page's origin never changes while it is open. */
const noSubscription = () => () => {};

/**
 * The join code, big enough to read off a projector, with the link to copy and a way to replace
 * both (after a confirmation, since the old ones stop working for learners not yet in).
 */
export function JoinCodePanel({ courseId, joinCode, joinPath }: { courseId: string; joinCode: string; joinPath: string }) {
  const t = useTranslations("teach.course");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const regenerate = useMutation(trpc.courses.regenerateCode.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  // The origin is the browser's (behind a proxy the server does not know its public address);
  // the server renders the path alone and the browser completes it.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const link = `${origin}${joinPath}`;

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  function onRegenerate() {
    regenerate.mutate(
      { courseId },
      {
        onSuccess: () => {
          setConfirming(false);
          setCopy("idle");
          router.refresh();
        },
      },
    );
  }

  return (
    <section className={card} aria-labelledby="join-code-title" data-testid="join-panel">
      <h2 id="join-code-title" className="text-sm font-medium uppercase tracking-wide text-slate-600">
        {t("joinCode")}
      </h2>
      <p className="mt-1 font-mono text-4xl font-bold tracking-[0.25em] text-slate-900 sm:text-5xl" data-testid="join-code">
        {joinCode}
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("joinHelp")}</p>
      <div className="mt-3">
        <label htmlFor="join-link" className="text-sm font-medium">
          {t("joinLink")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input id="join-link" readOnly value={link} onFocus={(event) => event.target.select()} className={`${field} max-w-md flex-1 font-mono text-sm`} data-testid="join-link-url" />
          <button type="button" onClick={onCopy} className={`${primaryButton} mt-1`} data-testid="copy-link">
            {t("copyLink")}
          </button>
          {!confirming && (
            <button type="button" onClick={() => setConfirming(true)} className={`${secondaryButton} mt-1`} data-testid="new-code">
              {t("newCode")}
            </button>
          )}
        </div>
        <p role="status" className="mt-1 min-h-5 text-sm text-emerald-700">
          {copy === "copied" ? t("copied") : ""}
        </p>
        {copy === "failed" && <p className="text-sm text-slate-700">{t("copyFailed")}</p>}
      </div>
      {confirming && (
        <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" role="group" aria-label={t("newCode")}>
          <p className="text-amber-900">{t("newCodeConfirm")}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={onRegenerate} disabled={regenerate.isPending} className={primaryButton} data-testid="confirm-new-code">
              {t("newCodeYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={secondaryButton}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {regenerate.isError && (
        <p role="alert" className={`${errorText} mt-3`}>
          {refusal(regenerate.error)}
        </p>
      )}
    </section>
  );
}
