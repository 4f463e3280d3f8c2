import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import foldDetails from "./fold-details";
import { sanitizeSchema } from "./sanitize-schema";
import { katexHtmlToSafeHtml } from "./katex-safe-html";
import typesetMath, { typeset, typesetNodes } from "./typeset-math";

// A `:::details[…]` block becomes a fold (./fold-details.ts).
// Raw HTML in the Markdown is dropped (remark-rehype without allowDangerousHtml), and KaTeX runs
// (./typeset-math.ts) with `trust` off and shows a formula it cannot parse as an error in place
// instead of throwing.
// Neither stops a Markdown link to `javascript:` (`[x](javascript:…)`, `<javascript:…>`, a
// reference definition): the sanitiser runs last, on everything, KaTeX's output included, so what
// leaves this module holds only what sanitize-schema.ts allows.
const processor = unified().use(remarkParse).use(remarkMath).use(foldDetails).use(remarkRehype).use(typesetMath).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

/**
 * Problem text (Markdown with `$…$` and `$$…$$` maths) as HTML, typeset on the server: the review
 * page then ships no Markdown parser and no KaTeX to the browser, only KaTeX's stylesheet. Every
 * HTML string a page inserts comes from here (app/_components/html.tsx), sanitised.
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * The HTML `renderMarkdown` gives a formula whose TeX remark-math read from a document: an inline
 * one without the paragraph around it, a display one as the block it stands for. The same
 * typesetting, allow-list and serialiser, without parsing any Markdown: rehype-sanitize and
 * rehype-stringify are these functions over the document's tree, and nothing about a formula's
 * subtree depends on what stands around it.
 */
export function renderFormula(tex: string, display: boolean): string {
  const katexOutput = typeset(tex, display);
  // KaTeX's markup sanitised and written in one pass (katex-safe-html.ts says why that is the same);
  // anything else through the sanitiser's tree.
  const direct = typeof katexOutput === "string" ? katexHtmlToSafeHtml(katexOutput) : null;
  return direct ?? toHtml(sanitize({ type: "root", children: typesetNodes(katexOutput) }, sanitizeSchema));
}

/** Both languages of a localized text, rendered. */
export function renderLocalized<T extends Record<string, string>>(text: T): T {
  return Object.fromEntries(Object.entries(text).map(([lang, markdown]) => [lang, renderMarkdown(markdown)])) as T;
}
