"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { typingText } from "./study/use-choice-keys";

type Row = { keys: string[]; action: "help" | "close" | "submit" | "submitMatrix" | "letter" | "digit" | "rate" | "next" | "questionKeys" | "questionArrows" };

const GENERAL: Row[] = [
  { keys: ["?"], action: "help" },
  { keys: ["Esc"], action: "close" },
];
const STUDY: Row[] = [
  { keys: ["Enter"], action: "submit" },
  { keys: ["Ctrl", "Enter"], action: "submitMatrix" },
  { keys: ["A", "–", "Z"], action: "letter" },
  { keys: ["1", "–", "9"], action: "digit" },
  { keys: ["1", "–", "4"], action: "rate" },
  { keys: ["Space"], action: "next" },
];
const ASSESSMENT: Row[] = [
  { keys: ["[", "/", "]"], action: "questionKeys" },
  { keys: ["←", "/", "→"], action: "questionArrows" },
];

/**
 * The keyboard shortcuts, on `?` from any page (not while typing in a field) or from the footer's
 * button. A modal <dialog>: the browser keeps focus inside it, closes it on Escape and gives the
 * focus back to where it was.
 */
export function ShortcutHelp() {
  const t = useTranslations("shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typingText(event.target)) return;
      if (dialog.current?.open || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      dialog.current?.showModal();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const table = (title: string, rows: Row[]) => (
    <section className="mt-4">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
        {rows.map((row) => (
          <div key={`${row.action}`} className="contents">
            <dt className="flex items-center gap-1 whitespace-nowrap">
              {row.keys.map((key, index) =>
                key === "–" || key === "/" ? (
                  <span key={index} aria-hidden className="text-slate-500">
                    {key}
                  </span>
                ) : (
                  <kbd key={index} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                    {key}
                  </kbd>
                ),
              )}
            </dt>
            <dd className="text-slate-700">{t(`actions.${row.action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex items-center gap-1 underline-offset-2 hover:text-slate-700 hover:underline"
        data-testid="shortcuts-button"
      >
        {t("open")}
        <kbd aria-hidden className="rounded border border-slate-300 px-1 font-mono">
          ?
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <form method="dialog">
            <button type="submit" className="rounded-md border border-slate-200 px-3 py-1 text-sm text-slate-700 hover:bg-slate-100">
              {t("close")}
            </button>
          </form>
        </div>
        {table(t("general"), GENERAL)}
        {table(t("study"), STUDY)}
        {table(t("assessment"), ASSESSMENT)}
        <p className="mt-4 text-xs text-slate-600">{t("note")}</p>
      </dialog>
    </>
  );
}
