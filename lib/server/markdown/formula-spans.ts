/**
 * Where a document's formulas stand, as remark-math reads them, remembered by the document's
 * shape (its digits by class, or, where no construct depends on how many digits a number has,
 * every run of digits as one: see `DIGIT_COUNT_DEPENDENT`). Finding them takes a Markdown parse (about half a millisecond for a solution here, the
 * costliest step left once formulas are cached), and the documents of a template differ from seed
 * to seed mostly in their digits, which CommonMark reads as plain text: replacing each digit by
 * another of its class (0, 1, any other) changes no block, inline or math construct and no
 * offset, as long as the document has none of the few constructs whose reading depends on a
 * digit's value. Those are (CommonMark 0.31, checked construct by construct):
 * - an ordered list marker: only a start number of 1 interrupts a paragraph (`0*1` is told apart
 *   from any other number by the classes above);
 * - link reference definitions: whether a reference resolves depends on its label's digits (a
 *   document with `]:` anywhere is parsed every time);
 * - HTML blocks: `<h1>`…`<h6>` start one where `<h7>` does not (a document with `<` before a
 *   letter, `/`, `!` or `?` is parsed every time).
 * Character references (`&#36;` is a dollar sign as text, never a delimiter), code spans, fences,
 * emphasis (a digit is "other" punctuation-wise, whatever its value), escapes and list indentation
 * do not depend on a digit's value. tests/server/markdown/cache.test.ts renders documents whose
 * digits are varied this way through the cache and through the renderer and compares them.
 */
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { LruCache } from "./cache-lru";
import foldDetails from "./fold-details";

// The renderer's syntax exactly (render-markdown.ts), so both see the same formulas.
const parser = unified().use(remarkParse).use(remarkMath).use(foldDetails);

interface MathNode {
  type: string;
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MathNode[];
}

/** A formula of the document: where it stands (its delimiters included), whether it is a block, and where its TeX is. */
export interface FormulaSpan {
  start: number;
  end: number;
  display: boolean;
  /** The parent node's type (a display formula may only stand at the root). */
  parent: string;
  texStart: number;
  texEnd: number;
}

function collect(node: MathNode, into: { node: MathNode; parent: string }[], parent = "") {
  if (node.type === "inlineMath" || node.type === "math") into.push({ node, parent });
  for (const child of node.children ?? []) collect(child, into, node.type);
}

/**
 * The formulas as parsed; null when one has no position, or its TeX is not a stretch of the
 * document as written (remark-math turned a line ending into a space, say): such a document is
 * rendered whole. `shared` says whether documents of the same shape may use them: not when
 * anything but dollar signs and blanks stands in a formula's delimiters or fence line (a digit
 * there could not be told from the TeX's).
 */
function parsedSpans(markdown: string): { spans: FormulaSpan[] | null; shared: boolean } {
  const nodes: { node: MathNode; parent: string }[] = [];
  collect(parser.parse(markdown) as MathNode, nodes);
  const spans: FormulaSpan[] = [];
  let shared = true;
  for (const { node, parent } of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || node.value === undefined) return { spans: null, shared: true };
    const texStart = markdown.indexOf(node.value, start);
    const texEnd = texStart + node.value.length;
    if (texStart < 0 || texEnd > end) return { spans: null, shared: true };
    // Shared only where the TeX can only have been found where it stands: delimiters of dollar
    // signs and blanks alone, and TeX that starts with neither (a document with its digits
    // collapsed finds its TeX by value, and "0" would match a digit of a fence line too).
    if (!/^\$+\s*$/.test(markdown.slice(start, texStart)) || !/^\s*\$+$/.test(markdown.slice(texEnd, end)) || /^[\s$]/.test(node.value)) shared = false;
    spans.push({ start, end, display: node.type === "math", parent, texStart, texEnd });
  }
  return { spans, shared };
}

/** The digits of `markdown` by class (CommonMark tells `1` and `0` apart from other digits, never one other digit from another). */
export function shapeOf(markdown: string): string {
  return markdown.replace(/[2-9]/g, "2");
}

/** Constructs whose reading depends on a digit's value (see above). */
const VALUE_DEPENDENT = /\]:|<[A-Za-z/!?]/;

/**
 * A line that may hold an ordered list marker (after blockquote and list markers): the marker's
 * width sets where its item's content starts, so the number of digits matters there; tabs, whose
 * width depends on the column, too. Anywhere else a number is read as text whatever its length,
 * so documents that differ only in their numbers share their spans.
 */
const DIGIT_COUNT_DEPENDENT = /^[ \t>*+\-\d.)]*\d[.)]|\t/m;

/**
 * A number as one `0`: a run of digits, with its minus sign, or in parentheses with it (`(-3)`,
 * as a negative term of a sum is written). Signs and parentheses are text too, except where they
 * stand beside emphasis marks (`*`, `_`: whether those open or close depends on whether the
 * neighbour is punctuation), after a backslash (an escape) or after `]` (a link's destination):
 * there only the digits are collapsed.
 */
const NUMBER = /(?<![\]\\*_])\(-\d+\)(?![*_])|(?<![\\*_])-\d+|\d+/g;

/** The document with every number as one `0`, and for each where it stands there and how many characters it lost. */
export function collapsedDigits(markdown: string): { text: string; runs: { at: number; lost: number }[] } {
  const runs: { at: number; lost: number }[] = [];
  let lostSoFar = 0;
  const text = markdown.replace(NUMBER, (run, offset: number) => {
    runs.push({ at: offset - lostSoFar, lost: run.length - 1 });
    lostSoFar += run.length - 1;
    return "0";
  });
  return { text, runs };
}

/** A position in the collapsed text as a position in the document: every run before it gives its digits back. */
function expandedSpans(spans: FormulaSpan[] | null, runs: readonly { at: number; lost: number }[]): FormulaSpan[] | null {
  if (!spans) return null;
  const expand = (position: number) => {
    let lost = 0;
    for (const run of runs) {
      if (run.at >= position) break;
      lost += run.lost;
    }
    return position + lost;
  };
  return spans.map((span) => ({ ...span, start: expand(span.start), end: expand(span.end), texStart: expand(span.texStart), texEnd: expand(span.texEnd) }));
}

// A few thousand templates' shapes; each key is a document's length.
const MAX_SHAPES = 5_000;
const holder = globalThis as typeof globalThis & { strideFormulaSpans?: LruCache<string, FormulaSpan[] | null> };

/** Where the document's formulas stand, from a document of the same shape when one was parsed before. */
export function formulaSpansOf(markdown: string): FormulaSpan[] | null {
  if (VALUE_DEPENDENT.test(markdown)) return parsedSpans(markdown).spans;
  holder.strideFormulaSpans ??= new LruCache<string, FormulaSpan[] | null>(MAX_SHAPES);
  const cache = holder.strideFormulaSpans;
  if (!DIGIT_COUNT_DEPENDENT.test(markdown)) {
    const { text, runs } = collapsedDigits(markdown);
    const key = `collapsed:${text}`;
    let spans = cache.get(key);
    if (spans === undefined) {
      const parsed = parsedSpans(text);
      // What cannot be shared was found in the collapsed text, not in this document.
      if (!parsed.shared) return parsedSpans(markdown).spans;
      spans = parsed.spans;
      cache.set(key, spans);
    }
    return expandedSpans(spans, runs);
  }
  const shape = `classes:${shapeOf(markdown)}`;
  const known = cache.get(shape);
  if (known !== undefined) return known;
  const { spans, shared } = parsedSpans(markdown);
  if (shared) cache.set(shape, spans);
  return spans;
}
