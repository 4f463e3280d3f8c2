"use client";

import { useTranslations } from "next-intl";
import { CONFIRM_DIALOG_CLASS, useConfirmDialog } from "../../../../../_components/confirm-dialog";
import { primaryButton } from "../../../../_components/styles";

interface ApplyDialogProps {
  open: boolean;
  title: string;
  version: number;
  affected: number;
  changed: number;
  allowLower: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The confirmation before a regrade is written: what moves and how many scores change, and a plain
 * warning when scores may go down. A modal <dialog> keeps the focus inside and closes on Escape;
 * the safe button has the focus first, as in the take page's finish dialog.
 */
export function ApplyDialog({ open, title, version, affected, changed, allowLower, pending, error, onConfirm, onClose }: ApplyDialogProps) {
  const t = useTranslations("teachRegrade");
  const { dialog, cancel } = useConfirmDialog(open);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="apply-title"
      aria-describedby="apply-body"
      className={CONFIRM_DIALOG_CLASS}
      data-testid="apply-dialog"
    >
      <h2 id="apply-title" className="text-lg font-semibold">
        {t("confirmTitle")}
      </h2>
      <div id="apply-body" className="mt-2 space-y-2 text-slate-700">
        <p>{t("confirmBody", { title, version, affected, changed })}</p>
        {allowLower && <p className="font-semibold text-red-800">{t("confirmLower")}</p>}
      </div>
      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <button ref={cancel} type="button" onClick={onClose} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50">
          {t("cancel")}
        </button>
        <button type="button" onClick={onConfirm} disabled={pending} className={primaryButton} data-testid="apply-confirm">
          {pending ? t("applying") : t("apply")}
        </button>
      </div>
    </dialog>
  );
}
