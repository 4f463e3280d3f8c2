"use client";

import { useEffect, useRef } from "react";
import type { RatingValue } from "./rating-picker";

/** Whether a key press belongs to a field the learner is typing in. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Keys after grading: 1–4 choose a rating, Space moves to the next problem. Ignored while the
 * learner types in a field, and Space on a focused button keeps its own meaning (pressing it).
 */
export function useStudyKeys({ active, onRating, onNext }: { active: boolean; onRating?: (rating: RatingValue) => void; onNext: () => void }) {
  const handlers = useRef({ onRating, onNext });
  useEffect(() => {
    handlers.current = { onRating, onNext };
  });

  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (["1", "2", "3", "4"].includes(event.key) && handlers.current.onRating) {
        event.preventDefault();
        handlers.current.onRating(Number(event.key) as RatingValue);
      } else if (event.key === " " && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        handlers.current.onNext();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [active]);
}
