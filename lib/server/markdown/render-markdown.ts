import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { sanitizeSchema } from "./sanitize-schema";
import typesetMath from "./typeset-math";

// Raw HTML in the Markdown is dropped (remark-rehype without allowDangerousHtml), and KaTeX runs
// (./typeset-math.ts) with `trust` off and shows a formula it cannot parse as an error in place
// instead of throwing.
// Neither stops a Markdown link to `javascript:` (`[x](javascript:…)`, `<javascript:…>`, a
// reference definition): the sanitiser runs last, on everything, KaTeX's output included, so what
// leaves this module holds only what sanitize-schema.ts allows.
const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(typesetMath).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

/**
 * Problem text (Markdown with `$…$` and `$$…$$` maths) as HTML, typeset on the server: the review
 * page then ships no Markdown parser and no KaTeX to the browser, only KaTeX's stylesheet. Every
 * HTML string a page inserts comes from here (app/_components/html.tsx), sanitised.
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Both languages of a localized text, rendered. */
export function renderLocalized<T extends Record<string, string>>(text: T): T {
  return Object.fromEntries(Object.entries(text).map(([lang, markdown]) => [lang, renderMarkdown(markdown)])) as T;
}
