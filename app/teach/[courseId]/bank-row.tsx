"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../_components/trpc";
import { useServerMessage } from "../../_components/use-server-message";
import { dangerButton, errorText, field, primaryButton, secondaryButton } from "../_components/styles";

export interface BankSummary {
  id: string;
  title: string;
  questions: number;
  published: number;
}

interface BankRowProps {
  courseId: string;
  bank: BankSummary;
  exportLang: "en" | "zh-CN";
  /** Moves the bank one place (−1 up, +1 down); absent where it cannot move that way. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  moving: boolean;
}

/** One bank: its questions' link, rename, move, delete (with the server's refusal), downloads. */
export function BankRow({ courseId, bank, exportLang, onMoveUp, onMoveDown, moving }: BankRowProps) {
  const t = useTranslations("teach.banks");
  const refusal = useServerMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const rename = useMutation(trpc.banks.rename.mutationOptions());
  const remove = useMutation(trpc.banks.delete.mutationOptions());
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(bank.title);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const download = (what: "bundle" | "moodle" | "gift") => `/api/courses/${courseId}/export?what=${what}&bank=${bank.id}&lang=${exportLang}`;
  const renameId = `rename-${bank.id}`;

  function onRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate(
      { bankId: bank.id, title },
      {
        onSuccess: () => {
          setRenaming(false);
          router.refresh();
        },
      },
    );
  }

  function onDelete() {
    remove.mutate({ bankId: bank.id }, { onSuccess: () => router.refresh(), onSettled: () => setConfirmingDelete(false) });
  }

  return (
    <li className="space-y-2 border-t border-slate-100 px-6 py-4 first:border-t-0" data-testid="bank">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <Link href={`/teach/${courseId}/banks/${bank.id}`} className="font-semibold text-brand-700 hover:underline" data-testid="bank-title">
            {bank.title}
          </Link>
          <p className="text-sm text-slate-600">{t("questions", { questions: bank.questions, published: bank.published })}</p>
        </div>
        <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("actionsLabel", { title: bank.title })}>
          <button type="button" className={secondaryButton} onClick={onMoveUp} disabled={!onMoveUp || moving} aria-label={t("upLabel", { title: bank.title })}>
            <span aria-hidden="true">↑</span> {t("up")}
          </button>
          <button type="button" className={secondaryButton} onClick={onMoveDown} disabled={!onMoveDown || moving} aria-label={t("downLabel", { title: bank.title })}>
            <span aria-hidden="true">↓</span> {t("down")}
          </button>
          <button type="button" className={secondaryButton} onClick={() => setRenaming((open) => !open)} aria-expanded={renaming} aria-controls={renameId} data-testid="rename-bank">
            {t("rename")}
          </button>
          <button type="button" className={dangerButton} onClick={() => setConfirmingDelete(true)} data-testid="delete-bank">
            {t("delete")}
          </button>
        </div>
      </div>

      {renaming && (
        <form id={renameId} onSubmit={onRename} noValidate className="flex flex-wrap items-end gap-2">
          <div className="min-w-56 flex-1">
            <label htmlFor={`${renameId}-title`} className="text-sm font-medium">
              {t("renameLabel", { title: bank.title })}
            </label>
            <input id={`${renameId}-title`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} className={field} autoFocus />
          </div>
          <button type="submit" className={primaryButton} disabled={rename.isPending} data-testid="save-bank-title">
            {t("save")}
          </button>
          <button type="button" className={secondaryButton} onClick={() => setRenaming(false)}>
            {t("cancel")}
          </button>
        </form>
      )}

      {confirmingDelete && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm" role="group" aria-label={t("delete")}>
          <p className="text-red-900">{t("deleteConfirm", { title: bank.title })}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={onDelete} disabled={remove.isPending} className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800" data-testid="confirm-delete-bank">
              {t("deleteYes")}
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)} className={secondaryButton}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}

      {(rename.isError || remove.isError) && (
        <p role="alert" className={errorText} data-testid="bank-error">
          {refusal(rename.error ?? remove.error)}
        </p>
      )}

      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="text-slate-600">{t("export")}</span>
        <a href={download("bundle")} download className="font-medium text-brand-700 hover:underline" aria-label={t("exportLabel", { title: bank.title, format: t("bundle") })}>
          {t("bundle")}
        </a>
        <a href={download("moodle")} download className="font-medium text-brand-700 hover:underline" aria-label={t("exportLabel", { title: bank.title, format: t("moodle") })}>
          {t("moodle")}
        </a>
        <a href={download("gift")} download className="font-medium text-brand-700 hover:underline" aria-label={t("exportLabel", { title: bank.title, format: t("gift") })}>
          {t("gift")}
        </a>
      </p>
    </li>
  );
}
