/**
 * Documents whose formulas the learner's browser typesets. Typesetting a variant's formulas was
 * the largest share of the review cycle's CPU on the server (issue 11's profiles: a quarter of
 * the request thread, most of it formulas whose numbers no cache had seen), while the learner's
 * browser has a core to itself and sets a formula in about a millisecond. So the two review
 * calls (`review.next`, `review.submit`) send each formula as its TeX in a pending element, and
 * app/_components/html.tsx typesets it there with the same KaTeX, `trust` off, into DOM nodes
 * (no HTML string is parsed in the browser).
 *
 * The text around the formulas is still rendered and sanitised here, by the same renderer
 * (cache.ts: the document's skeleton); a pending element is written by this module alone, its
 * TeX escaped as text. `typesetPendingMath` turns such a document back into exactly what the
 * server renderer gives (tests/server/markdown/math-in-browser.test.ts holds it to that over the
 * catalogue), for the pages that arrive typeset (the review page's first problem).
 */
import { assemble, type Formula } from "./cache-pieces";
import { formulaHtml, skeletonOf } from "./cache";

/** The class of a formula waiting for the browser; html.tsx looks for it. */
export const PENDING_MATH_CLASS = "tex-pending";

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const TEXT_UNESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char]!);
}

/**
 * A formula left to the browser: its TeX as text, so a page without script still shows it. A
 * display formula stands where its paragraph stood, as a block.
 */
export function pendingFormulaHtml({ tex, display }: Formula): string {
  return display ? `<div class="${PENDING_MATH_CLASS}" data-display="block">${escapeText(tex)}</div>` : `<span class="${PENDING_MATH_CLASS}" data-display="inline">${escapeText(tex)}</span>`;
}

/** The document with its formulas pending, or null when it has none or cannot be split (then the server typesets it whole). */
export function renderWithPendingMath(markdown: string): string | null {
  const split = skeletonOf(markdown);
  return split && assemble(split.skeletonHtml, split.formulas, split.formulas.map(pendingFormulaHtml));
}

// Only what `pendingFormulaHtml` writes: its text holds no `<` (escaped), so `[^<]*` is all of it.
const PENDING = new RegExp(`<(span|div) class="${PENDING_MATH_CLASS}" data-display="(inline|block)">([^<]*)</\\1>`, "g");

/** The document with each pending formula typeset here (through the formula cache), as the server renderer gives it. */
export function typesetPendingMath(html: string): string {
  if (!html.includes(PENDING_MATH_CLASS)) return html;
  return html.replace(PENDING, (_, _tag: string, display: string, text: string) =>
    formulaHtml({ tex: text.replace(/&(?:amp|lt|gt);/g, (entity) => TEXT_UNESCAPES[entity]!), display: display === "block" }),
  );
}
