/**
 * A problem's text rendered from pieces that recur: its formulas, each typeset once by the
 * renderer and kept, and its "skeleton" (the text with every formula replaced by a placeholder),
 * which is the same for most variants of a template. Typesetting is the costliest part of
 * rendering (KaTeX, then its HTML as a tree for the sanitiser and back), and a problem's
 * formulas carry its numbers, so a whole document rarely recurs while its pieces do.
 *
 * Every piece is rendered by `renderMarkdown` itself (sanitiser included), an inline formula by
 * the same typesetting, sanitiser and serialiser without the Markdown around it
 * (`renderInlineMath`), and placeholders are
 * only replaced where they stand as text; anything unexpected (a placeholder missing, doubled or
 * inside a tag, the placeholder characters in the source) gives up, and the caller renders the
 * document whole. tests/server/markdown/cache.test.ts checks that the pieces give exactly what
 * the renderer gives, over every template's prompts and solutions and over generated Markdown.
 */
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

// Punctuation on both sides, as `$` is, so emphasis next to a formula parses as it did
// (CommonMark's flanking rules look at the neighbouring character's class).
const OPEN = "⟦\uE000";
const CLOSE = "\uE001⟧";
const RESERVED = /[⟦⟧\uE000\uE001]/;

const parser = unified().use(remarkParse).use(remarkMath);

interface MathNode {
  type: string;
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MathNode[];
}

/**
 * A formula of the document: an inline one by its TeX as remark-math read it (typeset alone,
 * render-markdown.ts `renderInlineMath`), a display one by its block as written, which is a
 * document of its own.
 */
export type Formula = { display: false; tex: string } | { display: true; source: string };

export interface Pieces {
  skeleton: string;
  formulas: Formula[];
}

function collect(node: MathNode, into: { node: MathNode; parent: string }[], parent = "") {
  if (node.type === "inlineMath" || node.type === "math") into.push({ node, parent });
  for (const child of node.children ?? []) collect(child, into, node.type);
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
  const nodes: { node: MathNode; parent: string }[] = [];
  collect(parser.parse(markdown) as MathNode, nodes);
  let skeleton = "";
  let at = 0;
  const formulas: Formula[] = [];
  for (const { node, parent } of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || start < at) return null;
    const display = node.type === "math";
    if (display && (parent !== "root" || !standsAlone(markdown, start, end))) return null;
    if (!display && node.value === undefined) return null;
    // A top-level display block is a document of its own, fences as written; an inline formula is its TeX.
    formulas.push(display ? { display, source: markdown.slice(start, end) } : { display, tex: node.value ?? "" });
    skeleton += markdown.slice(at, start) + placeholder(formulas.length - 1);
    at = end;
  }
  return { skeleton: skeleton + markdown.slice(at), formulas };
}

const SEPARATOR = `${OPEN}s${CLOSE}`;

/**
 * Several formulas typeset in one call of the renderer (each call has a fixed cost about that
 * of a formula): one document of their sources, each its own block, between separator
 * paragraphs; the HTML of each source as the renderer gives it alone, or null when the output
 * cannot be split back into as many parts.
 */
export function renderTogether(sources: readonly string[], render: (markdown: string) => string): string[] | null {
  if (sources.length === 1) return [render(sources[0] as string)];
  const html = render(sources.join(`\n\n${SEPARATOR}\n\n`));
  const parts = html.split(`<p>${SEPARATOR}</p>`).map((part) => part.replace(/^\n+|\n+$/g, ""));
  return parts.length === sources.length ? parts : null;
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
