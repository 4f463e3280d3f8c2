"use client";

import { useEffect, useRef } from "react";
import { answerAfterPick, optionForKey } from "./choice-keys";

const NOT_TEXT = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color", "file"]);

/** Whether the key press goes to a field that takes text (there a letter is a letter). */
export function typingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Letters and digits pick options of a multiple-choice problem while it is unanswered
 * (./choice-keys.ts). The picked option's control takes the focus, so Enter then checks the answer
 * and the learner sees where they are. Silent while a dialog is open (the shortcut help) or a
 * modifier is held (the browser's own shortcuts).
 */
export function useChoiceKeys({
  active,
  optionIds,
  multiple,
  answer,
  onChange,
}: {
  active: boolean;
  optionIds: readonly string[];
  multiple: boolean;
  answer: string;
  onChange: (answer: string) => void;
}) {
  const latest = useRef({ optionIds, multiple, answer, onChange });
  useEffect(() => {
    latest.current = { optionIds, multiple, answer, onChange };
  });

  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || typingText(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const { optionIds: ids, multiple: many, answer: current, onChange: change } = latest.current;
      const id = optionForKey(event.key, ids);
      if (!id) return;
      event.preventDefault();
      change(answerAfterPick({ answer: current, id, optionIds: ids, multiple: many }));
      document.querySelector<HTMLInputElement>(`input[name="answer-option"][value="${CSS.escape(id)}"]`)?.focus();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [active]);
}
