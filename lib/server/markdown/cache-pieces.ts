/**
 * A problem's text rendered from pieces that recur: its formulas, each typeset once by the
 * renderer and kept, and its "skeleton" (the text with every formula replaced by a placeholder),
 * which is the same for most variants of a template. Typesetting is the costliest part of
 * rendering (KaTeX, then its HTML as a tree for the sanitiser and back), and a problem's
 * formulas carry its numbers, so a whole document rarely recurs while its pieces do.
 *
 * The skeleton is rendered by `renderMarkdown` itself (sanitiser included), a formula by the same
 * typesetting, sanitiser and serialiser without the Markdown around it (`renderFormula`), and
 * placeholders are only replaced where they stand as text; anything unexpected (a placeholder
 * missing, doubled or inside a tag, the placeholder characters in the source) gives up, and the
 * caller renders the document whole. Where the formulas stand comes from ./formula-spans.ts. tests/server/markdown/cache.test.ts checks that the pieces give exactly what
 * the renderer gives, over every template's prompts and solutions and over generated Markdown.
 */
import { formulaSpansOf } from "./formula-spans";

// Punctuation on both sides, as `$` is, so emphasis next to a formula parses as it did
// (CommonMark's flanking rules look at the neighbouring character's class).
const OPEN = "⟦\uE000";
const CLOSE = "\uE001⟧";
const RESERVED = /[⟦⟧\uE000\uE001]/;

/**
 * A formula of the document, by its TeX as remark-math read it (typeset alone: render-markdown.ts
 * `renderFormula`): inline, or a display block standing alone.
 */
export interface Formula {
  display: boolean;
  tex: string;
}

export interface Pieces {
  skeleton: string;
  formulas: Formula[];
}

/**
 * Whether a display formula can stand in the skeleton as a placeholder paragraph without changing
 * how its neighbours parse: at the top level (not in a list or quote, whose looseness a paragraph
 * could change), with a blank line (or the document's edge) on both sides (what follows a
 * paragraph parses differently from what follows a fenced block).
 */
function standsAlone(markdown: string, start: number, end: number): boolean {
  const before = markdown.slice(0, start);
  const after = markdown.slice(end);
  return (before.trim() === "" || /\n[ \t]*\n$/.test(before)) && (after.trim() === "" || /^[ \t]*\n[ \t]*\n/.test(after));
}

export function placeholder(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

/** The document split into its skeleton and formulas; null when it cannot be split safely. */
export function piecesOf(markdown: string): Pieces | null {
  if (RESERVED.test(markdown)) return null;
  const spans = formulaSpansOf(markdown);
  if (!spans) return null;
  let skeleton = "";
  let at = 0;
  const formulas: Formula[] = [];
  for (const { start, end, display, parent, texStart, texEnd } of spans) {
    if (start < at) return null;
    if (display && (parent !== "root" || !standsAlone(markdown, start, end))) return null;
    formulas.push({ display, tex: markdown.slice(texStart, texEnd) });
    skeleton += markdown.slice(at, start) + placeholder(formulas.length - 1);
    at = end;
  }
  return { skeleton: skeleton + markdown.slice(at), formulas };
}

/** Whether `index` in `html` is in text, not inside a tag (an attribute value, say). */
function inText(html: string, index: number): boolean {
  return html.lastIndexOf("<", index) <= html.lastIndexOf(">", index);
}

/** The skeleton's HTML with each placeholder replaced by its formula's HTML; null when a placeholder is not where it should be. */
export function assemble(skeletonHtml: string, formulas: readonly Formula[], formulaHtmls: readonly string[]): string | null {
  let html = skeletonHtml;
  for (let index = formulas.length - 1; index >= 0; index -= 1) {
    const mark = placeholder(index);
    const first = html.indexOf(mark);
    if (first < 0 || html.indexOf(mark, first + 1) >= 0 || !inText(html, first)) return null;
    // A display formula must have stood alone as a paragraph (`<p>mark</p>`); text run into it,
    // or a tight list that keeps it bare, is left to the whole renderer.
    const paragraph = `<p>${mark}</p>`;
    const display = formulas[index]?.display ?? false;
    if (display && !html.startsWith(paragraph, first - 3)) return null;
    const start = display ? first - 3 : first;
    html = html.slice(0, start) + formulaHtmls[index] + html.slice(start + (display ? paragraph.length : mark.length));
  }
  return html;
}
