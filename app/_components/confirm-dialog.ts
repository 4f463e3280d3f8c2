"use client";

import { useEffect, useRef } from "react";

/** The look of a confirmation <dialog>: centred, phone-wide at most 32rem, the page dimmed behind. */
export const CONFIRM_DIALOG_CLASS =
  "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50";

/**
 * A modal <dialog> that follows `open`: shown with `showModal` (the browser keeps focus inside,
 * closes it on Escape and gives focus back) with the cancel button focused first, so a stray
 * Enter never confirms. Returns the refs for the dialog and its cancel button.
 */
export function useConfirmDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);
  return { dialog, cancel };
}
