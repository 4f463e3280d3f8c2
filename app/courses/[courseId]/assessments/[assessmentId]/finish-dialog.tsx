"use client";

import { useTranslations } from "next-intl";
import { CONFIRM_DIALOG_CLASS, useConfirmDialog } from "../../../../_components/confirm-dialog";

/**
 * The confirmation before finishing: how many questions have no answer, and that finishing is
 * final. A modal <dialog>: the focus stays inside, Escape keeps working; the safe button has the
 * focus first.
 */
export function FinishDialog({ open, unanswered, pending, error, onConfirm, onClose }: { open: boolean; unanswered: number; pending: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  const t = useTranslations("takeAssessment");
  const { dialog, cancel } = useConfirmDialog(open);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="finish-title"
      aria-describedby="finish-body"
      className={CONFIRM_DIALOG_CLASS}
      data-testid="finish-dialog"
    >
      <h2 id="finish-title" className="text-lg font-semibold">
        {t("finishTitle")}
      </h2>
      <div id="finish-body" className="mt-2 space-y-1 text-slate-700">
        <p data-testid="finish-unanswered" className={unanswered > 0 ? "font-semibold text-amber-900" : ""}>
          {t("finishUnanswered", { count: unanswered })}
        </p>
        <p>{t("finishWarning")}</p>
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
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="finish-confirm"
        >
          {pending ? t("finishing") : t("finishConfirm")}
        </button>
      </div>
    </dialog>
  );
}
