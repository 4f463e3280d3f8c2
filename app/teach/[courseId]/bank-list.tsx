"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { LanguageSelect } from "../_components/language-select";
import { errorText, field, primaryButton } from "../_components/styles";
import { BankRow, type BankSummary } from "./bank-row";

/** The course's banks in their order, the language of their downloads, and a new bank. */
export function BankList({ courseId, banks, courseLang }: { courseId: string; banks: BankSummary[]; courseLang: "en" | "zh-CN" }) {
  const t = useTranslations("teach.banks");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.banks.create.mutationOptions());
  const reorder = useMutation(trpc.banks.reorder.mutationOptions());
  const [title, setTitle] = useState("");
  const [exportLang, setExportLang] = useState<"en" | "zh-CN">(courseLang);

  function move(index: number, by: -1 | 1) {
    const ids = banks.map((bank) => bank.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    reorder.mutate({ courseId, bankIds: ids }, { onSuccess: () => router.refresh() });
  }

  function onCreate(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { courseId, title },
      {
        onSuccess: () => {
          setTitle("");
          router.refresh();
        },
      },
    );
  }

  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="banks-title" data-testid="banks">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-100 px-6 py-4">
        <h2 id="banks-title" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {banks.length > 0 && <LanguageSelect id="export-lang" label={t("exportLanguage")} value={exportLang} onChange={setExportLang} />}
      </div>
      {banks.length === 0 ? (
        <p className="px-6 py-4 text-slate-600" data-testid="no-banks">
          {t("empty")}
        </p>
      ) : (
        <ul>
          {banks.map((bank, index) => (
            <BankRow
              key={`${bank.id}:${bank.title}`}
              courseId={courseId}
              bank={bank}
              exportLang={exportLang}
              onMoveUp={index > 0 ? () => move(index, -1) : undefined}
              onMoveDown={index < banks.length - 1 ? () => move(index, 1) : undefined}
              moving={reorder.isPending}
            />
          ))}
        </ul>
      )}
      {reorder.isError && (
        <p role="alert" className={`${errorText} mx-6 mb-4`}>
          {refusal(reorder.error)}
        </p>
      )}
      <form onSubmit={onCreate} noValidate className="flex flex-wrap items-end gap-2 border-t border-slate-100 px-6 py-4" data-testid="new-bank">
        <div className="min-w-56 flex-1">
          <label htmlFor="bank-title" className="text-sm font-medium">
            {t("newTitle")}
          </label>
          <input id="bank-title" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className={field} />
        </div>
        <button type="submit" className={primaryButton} disabled={create.isPending}>
          {t("create")}
        </button>
        {create.isError && (
          <p role="alert" className={`${errorText} w-full`}>
            {refusal(create.error)}
          </p>
        )}
      </form>
    </section>
  );
}
