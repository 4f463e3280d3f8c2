"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { card, errorText, primaryButton } from "../_components/styles";

/**
 * A JSON bundle file read in the browser and imported as a new bank. A bad file's message names
 * each bad path, the server joining them with "; ": shown one a line, so a long list stays readable;
 * any other refusal reads in the page's language.
 * A question the bundle marks published but whose validation run fails is imported as a draft
 * (lib/server/questions/import-bank.ts): the form lists those, with the first failure's message.
 */
export function ImportBundleForm({ courseId }: { courseId: string }) {
  const t = useTranslations("teach.banks");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const importBank = useMutation(trpc.banks.import.mutationOptions());
  const fileInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    // An empty text is refused by the server with its own words ("choose a bundle file").
    const text = file ? await file.text() : "";
    importBank.mutate(
      { courseId, text },
      {
        onSuccess: () => {
          if (fileInput.current) fileInput.current.value = "";
          router.refresh();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className={`${card} space-y-3`} aria-labelledby="import-title" data-testid="import-bundle">
      <h2 id="import-title" className="text-lg font-semibold">
        {t("import")}
      </h2>
      <p id="import-help" className="text-sm text-slate-600">
        {t("importHelp")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="bundle-file" className="block text-sm font-medium">
            {t("importFile")}
          </label>
          <input
            id="bundle-file"
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            aria-describedby="import-help"
            className="mt-1 block text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-50"
          />
        </div>
        <button type="submit" className={primaryButton} disabled={importBank.isPending}>
          {importBank.isPending ? t("importing") : t("importButton")}
        </button>
      </div>
      {importBank.isSuccess && !importBank.isPending && (
        <p role="status" className="text-sm text-emerald-700">
          {t("imported", { title: importBank.data.title, questions: importBank.data.questions })}
        </p>
      )}
      {importBank.isSuccess && !importBank.isPending && importBank.data.drafts.length > 0 && (
        <div role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="import-drafts">
          <p className="font-medium">{t("importedDrafts", { count: importBank.data.drafts.length })}</p>
          <ul className="mt-1 list-inside list-disc space-y-0.5">
            {importBank.data.drafts.map((draft) => (
              <li key={draft.key}>{t("importedDraft", { title: draft.title, version: draft.version, failed: draft.failureCount, checked: draft.checked, message: draft.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {importBank.isError && (
        <div role="alert" className={errorText} data-testid="import-error">
          <ul className="list-inside list-disc space-y-0.5">
            {refusal(importBank.error).split("; ").map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
