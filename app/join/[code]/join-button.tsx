"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";

/** Joins the course with the code, then points the learner at their reviews. */
export function JoinButton({ code }: { code: string }) {
  const t = useTranslations("join");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const join = useMutation(trpc.courses.join.mutationOptions());

  if (join.isSuccess) {
    return (
      <div role="status" className="space-y-3" data-testid="joined">
        <p className="font-semibold text-emerald-700">{t("joined", { title: join.data.title })}</p>
        <p className="text-slate-700">{t("nextStep")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/review" className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t("review")}
          </Link>
          <Link href={`/courses/${join.data.courseId}`} className="inline-block rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50" data-testid="open-course">
            {t("course")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => join.mutate({ code })}
        disabled={join.isPending}
        className="rounded-lg bg-brand-600 px-6 py-2 text-lg font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        data-testid="join-course"
      >
        {join.isPending ? t("joining") : t("join")}
      </button>
      {join.isError && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {refusal(join.error)}
        </p>
      )}
    </div>
  );
}
