/**
 * Rendered Markdown, remembered: `renderMarkdown` is a pure function of its text (the same
 * processor, the same sanitiser schema, no clock), and typesetting with KaTeX is the costliest
 * step of answering a learner (issue 11's profile: about 15 ms for a prompt and 20 ms for a
 * solution on this machine, most of a review's CPU). A prompt is rendered when it is issued and
 * again on a reload; a feedback message recurs across learners; and a variant's formulas and the
 * text around them recur across variants even when the whole text does not (cache-pieces.ts).
 * Kept beside the renderer, never inside it: every HTML string here was returned by it (a
 * document, a skeleton: `renderMarkdown`; a formula: `renderFormula`).
 */
import { LruCache } from "./cache-lru";
import { assemble, type Formula, piecesOf } from "./cache-pieces";
import { applyShape, learnShape, type ShapeTemplate, shapeKey } from "./formula-shapes";
import { renderFormula, renderMarkdown } from "./render-markdown";

// Up to 16 million characters of HTML (about 32 MB): tens of thousands of formulas and texts.
const MAX_CACHED_CHARACTERS = 16_000_000;

// Formulas typeset alone are kept apart, by their TeX: a key there is never a document's text.
const MAX_CACHED_FORMULA_CHARACTERS = 8_000_000;

// Formula shapes (formula-shapes.ts): a few thousand per catalogue; null marks a shape typeset formula by formula.
const MAX_CACHED_SHAPE_CHARACTERS = 8_000_000;

const holder = globalThis as typeof globalThis & {
  strideMarkdownCache?: LruCache<string, string>;
  strideFormulaCache?: LruCache<string, string>;
  strideFormulaShapes?: LruCache<string, ShapeTemplate | null | number>;
};

// One cache a process, whichever Next.js bundle loads this module.
function cache(): LruCache<string, string> {
  holder.strideMarkdownCache ??= new LruCache<string, string>(MAX_CACHED_CHARACTERS, (html) => html.length);
  return holder.strideMarkdownCache;
}

function rendered(markdown: string): string {
  return cache().getOrSet(markdown, () => renderMarkdown(markdown));
}

const templateWeight = (template: ShapeTemplate | null | number) => (typeof template === "object" && template ? template.parts.reduce((sum, part) => sum + part.length, 0) : 1);

// A shape is learned the third time it is met: learning costs five renders or more, and many
// shapes (a sum's pattern of signs, say) are met once or twice in a long while. Over 300 seeds of
// every template, learning at the third sight typesets 17 % less than at the second.
const SIGHTINGS_BEFORE_LEARNING = 2;

/** `renderFormula`'s HTML, from the template of the formula's shape when it has one. */
function typesetByShape(tex: string, display: boolean): string {
  const shape = shapeKey(tex);
  if (shape === null) return renderFormula(tex, display);
  // A number counts the sightings of a shape not learned yet; null marks one typeset formula by formula.
  holder.strideFormulaShapes ??= new LruCache<string, ShapeTemplate | null | number>(MAX_CACHED_SHAPE_CHARACTERS, templateWeight);
  const shapes = holder.strideFormulaShapes;
  const key = `${display ? "display" : "inline"}\u0000${shape}`;
  const known = shapes.get(key);
  let template: ShapeTemplate | null | number = known === undefined ? 0 : known;
  if (typeof template === "number") {
    if (template < SIGHTINGS_BEFORE_LEARNING) {
      shapes.set(key, template + 1);
      return renderFormula(tex, display);
    }
    template = learnShape(shape, (sample) => renderFormula(sample, display));
    shapes.set(key, template);
  }
  return template ? applyShape(template, tex) : renderFormula(tex, display);
}

/** A formula's HTML as it stands in a document, from its TeX (renderFormula: no Markdown parsed). */
function formula({ tex, display }: Formula): string {
  holder.strideFormulaCache ??= new LruCache<string, string>(MAX_CACHED_FORMULA_CHARACTERS, (html) => html.length);
  return holder.strideFormulaCache.getOrSet(`${display ? "display" : "inline"}\u0000${tex}`, () => typesetByShape(tex, display));
}

/** A formula's HTML as `renderMarkdownCached` puts it in a document (cached, or typeset by its shape). */
export const formulaHtml = formula;

/**
 * The document split into its formulas and its skeleton's HTML (cached), or null when it has no
 * formula or cannot be split: then only the whole renderer gives its HTML.
 */
export function skeletonOf(markdown: string): { skeletonHtml: string; formulas: Formula[] } | null {
  if (!markdown.includes("$")) return null;
  const pieces = piecesOf(markdown);
  if (!pieces || pieces.formulas.length === 0) return null;
  const skeletonHtml = rendered(pieces.skeleton);
  // Dollar signs left in the text can pair up once a formula beside them is a placeholder
  // (`$\$$$x$$`): a skeleton that typeset anything was not read as the document was.
  if (skeletonHtml.includes('class="katex')) return null;
  return { skeletonHtml, formulas: pieces.formulas };
}

/** The document from its cached skeleton and formulas, or null when it has none or cannot be split. */
function fromPieces(markdown: string): string | null {
  const split = skeletonOf(markdown);
  return split && assemble(split.skeletonHtml, split.formulas, split.formulas.map(formula));
}

/** `renderMarkdown`'s HTML for this text, from the cache or its cached pieces when it can be. */
export function renderMarkdownCached(markdown: string): string {
  const hit = cache().get(markdown);
  if (hit !== undefined) return hit;
  const html = fromPieces(markdown) ?? renderMarkdown(markdown);
  cache().set(markdown, html);
  return html;
}

/** A document's HTML when this thread has it already (render-off-thread.ts asks before handing it over). */
export function cachedDocument(markdown: string): string | undefined {
  return cache().get(markdown);
}

/** Keeps HTML that `renderMarkdownCached` returned for this text on another thread. */
export function rememberDocument(markdown: string, html: string): void {
  cache().set(markdown, html);
}

/** Both languages of a localized text, rendered through the cache. */
export function renderLocalizedCached<T extends Record<string, string>>(text: T): T {
  return Object.fromEntries(Object.entries(text).map(([lang, markdown]) => [lang, renderMarkdownCached(markdown)])) as T;
}
