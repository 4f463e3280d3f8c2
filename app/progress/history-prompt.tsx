"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Html } from "../_components/html";
import { useTRPC } from "../_components/trpc";

/**
 * "Show problem" in the history: the prompt is typeset on the server when the learner opens it
 * (progress.prompt), not for every row of every page they load.
 */
export function HistoryPrompt({ reviewId }: { reviewId: string }) {
  const t = useTranslations("progress");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const prompt = useQuery({ ...trpc.progress.prompt.queryOptions({ reviewId }), enabled: open, staleTime: Number.POSITIVE_INFINITY });
  return (
    <details className="mt-1 text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-700 hover:underline">{t("showPrompt")}</summary>
      <div aria-live="polite">
        {prompt.isPending && open && <p className="mt-2 text-slate-600">{t("promptLoading")}</p>}
        {prompt.isError && <p className="mt-2 text-rose-700">{t("promptError")}</p>}
        {prompt.data && (prompt.data.html === null ? <p className="mt-2 text-slate-600">{t("promptGone")}</p> : <Html html={prompt.data.html} className="mt-2 max-w-[28rem] text-sm text-slate-800" />)}
      </div>
    </details>
  );
}
