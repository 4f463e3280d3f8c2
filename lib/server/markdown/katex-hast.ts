/**
 * KaTeX's HTML as a hast tree without an HTML parser. Typesetting a formula was mostly not
 * KaTeX's own work but parsing its HTML back into a tree with parse5 for the sanitiser (issue 11's
 * profile: parse5 took twice KaTeX's time). KaTeX writes its markup from its own tree in a small,
 * regular form (katex/src/domTree.ts and mathMLTree.ts, `toMarkup`): spans, one `math` element of
 * MathML, a few SVGs of paths and lines, every attribute value in double quotes, text and values
 * escaped with five entities. This reads exactly that form and builds the tree hast-util-from-
 * parse5 would build from it (the same `h`/`s` calls, the same attribute names after parse5's
 * lower-casing and its SVG adjustments), so the sanitiser and the serialiser see the same tree and
 * give the same HTML (tests/server/markdown/katex-hast.test.ts compares the trees).
 *
 * Anything outside that form answers null, and the caller parses with parse5 as before: an element
 * KaTeX does not write with trust off (`a`, `img`, …), a start tag where parse5 would switch to
 * HTML (inside MathML's token elements) or break out of foreign content, a self-closing tag in
 * HTML, an unbalanced end tag, an unknown entity, a NUL or a carriage return (which parse5
 * rewrites), an attribute written twice.
 */
import type { Element, ElementContent } from "hast";
import { h, s } from "hastscript";
import { MATHML_ELEMENTS } from "./sanitize-schema";

type Space = "html" | "svg" | "mathml";

const HTML_ELEMENTS = new Set(["span"]);
const SVG_ELEMENTS = new Set(["svg", "path", "line"]);
const MATHML = new Set<string>(MATHML_ELEMENTS);

/** MathML's token elements: a start tag directly inside one is parsed as HTML (a text integration point). */
const TEXT_INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/** SVG attributes KaTeX writes, by the lower-case name parse5 reads and the name its SVG adjustment restores. */
const SVG_ATTRIBUTES = new Map([
  ["xmlns", "xmlns"],
  ["width", "width"],
  ["height", "height"],
  ["viewbox", "viewBox"],
  ["preserveaspectratio", "preserveAspectRatio"],
  ["style", "style"],
  ["d", "d"],
  ["x1", "x1"],
  ["x2", "x2"],
  ["y1", "y1"],
  ["y2", "y2"],
  ["stroke-width", "stroke-width"],
  ["stroke", "stroke"],
  ["fill", "fill"],
]);

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
const ENTITY = /&[^;]*;|&/g;

/** Text or an attribute value with KaTeX's five entities decoded; null when it holds anything else parse5 would read differently. */
function decoded(raw: string): string | null {
  if (/[\0\r]/.test(raw)) return null;
  if (!raw.includes("&")) return raw;
  let unknown = false;
  const value = raw.replace(ENTITY, (entity) => {
    const char = ENTITIES[entity];
    if (char === undefined) unknown = true;
    return char ?? entity;
  });
  return unknown ? null : value;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'>/=]+\s*=\s*"[^"]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'>/=]+)\s*=\s*"([^"]*)"/g;

interface Open {
  tagName: string;
  space: Space;
  properties: Record<string, string>;
  children: ElementContent[];
}

function spaceOf(tagName: string, parent: Open | undefined): Space | null {
  const inside = parent?.space ?? "html";
  if (inside === "html") {
    if (tagName === "svg") return "svg";
    if (tagName === "math") return "mathml";
    return HTML_ELEMENTS.has(tagName) ? "html" : null;
  }
  if (inside === "svg") return SVG_ELEMENTS.has(tagName) && tagName !== "svg" ? "svg" : null;
  if (parent && TEXT_INTEGRATION.has(parent.tagName)) return null;
  return MATHML.has(tagName) && tagName !== "math" ? "mathml" : null;
}

function attributesOf(raw: string, space: Space): Record<string, string> | null {
  const properties: Record<string, string> = {};
  for (const match of raw.matchAll(ATTRIBUTE)) {
    const lower = (match[1] as string).toLowerCase();
    const name = space === "svg" ? SVG_ATTRIBUTES.get(lower) : /^[a-z][a-z0-9-]*$/.test(lower) ? lower : undefined;
    // parse5 keeps the first of two; hastscript would keep the last: give way to parse5.
    if (name === undefined || name in properties) return null;
    const value = decoded(match[2] as string);
    if (value === null) return null;
    properties[name] = value;
  }
  return properties;
}

function build(open: Open): Element {
  return (open.space === "svg" ? s : h)(open.tagName, open.properties, open.children) as Element;
}

/** The hast children parse5 (through hast-util-from-parse5) would give for KaTeX's `html`, or null. */
export function katexHtmlToHast(html: string): ElementContent[] | null {
  const root: ElementContent[] = [];
  const stack: Open[] = [];
  const childrenOf = () => stack[stack.length - 1]?.children ?? root;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) {
      const text = decoded(html.slice(at, end));
      if (text === null) return null;
      childrenOf().push({ type: "text", value: text });
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (!tag) return null;
    at = TAG.lastIndex;
    const [, closing, name = "", rawAttributes = "", selfClosing] = tag;
    const tagName = name.toLowerCase();
    if (closing) {
      const top = stack.pop();
      if (!top || top.tagName !== tagName || rawAttributes || selfClosing) return null;
      childrenOf().push(build(top));
      continue;
    }
    const space = spaceOf(tagName, stack[stack.length - 1]);
    if (space === null) return null;
    const properties = attributesOf(rawAttributes, space);
    if (properties === null) return null;
    const open: Open = { tagName, space, properties, children: [] };
    // A self-closing tag closes a foreign element; in HTML, parse5 ignores the slash.
    if (selfClosing && space === "html") return null;
    if (selfClosing) childrenOf().push(build(open));
    else stack.push(open);
  }
  return stack.length === 0 ? root : null;
}
