"use client";

import { useEffect, useRef } from "react";

/**
 * An answer or a key as it reads in monospace, one line a matrix row: a row never wraps (a
 * wrapped 4 × 2 key read as eight values in a column), it scrolls inside this box on a narrow
 * screen instead. A box that does scroll takes the keyboard focus, so it can be scrolled without
 * a mouse (WCAG 2.1.1; axe's scrollable-region-focusable), as Html does for wide formulas.
 */
export function AnswerLines({ text, labelledBy, testId }: { text: string; labelledBy: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const mark = () => {
      if (element.scrollWidth > element.clientWidth) element.tabIndex = 0;
      else element.removeAttribute("tabindex");
    };
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text]);
  return (
    <div ref={box} role="group" aria-labelledby={labelledBy} className="max-w-full overflow-x-auto whitespace-pre font-mono" data-testid={testId}>
      {text}
    </div>
  );
}
