"use client";

import { useLayoutEffect, useRef } from "react";
import { loadedMathTypesetter, loadMathTypesetter, PENDING_MATH_SELECTOR, typesetPendingFormulas } from "./pending-math";

/**
 * Problem text the server has already typeset (lib/server/markdown/render-markdown.ts: Markdown
 * and KaTeX, raw HTML dropped, then sanitised against an allow-list), so the review pages ship no
 * Markdown parser or KaTeX code. Give it only that module's output: it is the one place a page
 * inserts HTML, and the sanitiser there is what makes an author's links safe to insert.
 *
 * A display formula, fold or whole text wider than the column (a 5 × 5 matrix or a long inline
 * formula on a phone) scrolls sideways (globals.css); each such box, the container included, is
 * made focusable while it overflows, so a keyboard can reach and scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable). The sanitiser keeps no tabindex, so it is set here.
 *
 * The review calls leave their formulas for the browser (pending-math.ts): they are typeset here
 * before the text paints when KaTeX has loaded already, else as soon as it has (the TeX shows
 * meanwhile).
 */
/** The boxes globals.css lets scroll sideways inside a typeset text. */
const SCROLL_BOXES = ".katex-display, details";

export function Html({ html, className, compact = false }: { html: string; className?: string; compact?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    let mounted = true;
    const mark = () => {
      const boxes = [element, ...element.querySelectorAll<HTMLElement>(SCROLL_BOXES)];
      for (const box of boxes) {
        if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
        else box.removeAttribute("tabindex");
      }
    };
    if (element.querySelector(PENDING_MATH_SELECTOR)) {
      const katex = loadedMathTypesetter();
      if (katex) typesetPendingFormulas(element, katex);
      else {
        loadMathTypesetter().then(
          (loaded) => {
            if (!mounted) return;
            typesetPendingFormulas(element, loaded);
            mark();
          },
          () => undefined,
        );
      }
    }
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(element);
    return () => {
      mounted = false;
      observer.disconnect();
    };
  }, [html]);
  return <div ref={container} className={`${compact ? "prose-stride-compact" : "prose-stride"} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
