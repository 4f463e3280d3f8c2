/**
 * A reader of KaTeX's HTML, and only of it. KaTeX writes its markup from its own tree in a small,
 * regular form (katex/src/domTree.ts and mathMLTree.ts, `toMarkup`): spans, one `math` element of
 * MathML, a few SVGs of paths and lines, every attribute value in double quotes, text and values
 * escaped with five entities. This reads exactly that form, in document order, with the elements
 * and attribute names parse5 would give (lower-cased, its SVG adjustments), so that what is built
 * from it (./katex-hast.ts, ./katex-safe-html.ts) is what an HTML parser would have given.
 *
 * Anything outside that form stops the reading (the callers then use parse5 and the sanitiser on
 * the whole of it): an element KaTeX does not write with trust off (`a`, `img`, …), a start tag
 * where parse5 would switch to HTML (inside MathML's token elements) or break out of foreign
 * content, a self-closing tag in HTML, an unbalanced end tag, an unknown entity, a NUL or a
 * carriage return (which parse5 rewrites), an attribute written twice.
 */
import { MATHML_ELEMENTS } from "./sanitize-schema";

export type Space = "html" | "svg" | "mathml";

export interface MarkupVisitor {
  /** A start tag; `selfClosing` elements get no `close`. Answers false to stop the reading. */
  open(tagName: string, space: Space, attributes: readonly (readonly [string, string])[], selfClosing: boolean): boolean;
  close(tagName: string, space: Space): void;
  text(value: string): void;
}

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
  if (raw.includes("\0") || raw.includes("\r")) return null;
  if (!raw.includes("&")) return raw;
  let unknown = false;
  const value = raw.replace(ENTITY, (entity) => {
    const char = ENTITIES[entity];
    if (char === undefined) unknown = true;
    return char ?? entity;
  });
  return unknown ? null : value;
}

const HTML_ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** Whitespace as the HTML tokenizer reads it between attributes: tab, line feed, form feed, carriage return, space. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isTagNameChar(code: number, first: boolean): boolean {
  const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return first ? letter : letter || (code >= 0x30 && code <= 0x39);
}

/** A character that ends an attribute name (or may not be in one): whitespace, quotes, `>`, `/`, `=`. */
function endsAttributeName(code: number): boolean {
  return isSpace(code) || code === 0x22 || code === 0x27 || code === 0x3e || code === 0x2f || code === 0x3d;
}

interface Tag {
  closing: boolean;
  name: string;
  attributes: [string, string][];
  selfClosing: boolean;
  end: number;
}

/**
 * The tag at `at` (a `<`) in KaTeX's form: a name, attributes each after whitespace with its value
 * in double quotes, then `>` or `/>`; or `</name>`. Null for anything else.
 */
function readTag(html: string, at: number): Tag | null {
  let i = at + 1;
  const closing = html.charCodeAt(i) === 0x2f;
  if (closing) i += 1;
  const nameStart = i;
  while (i < html.length && isTagNameChar(html.charCodeAt(i), i === nameStart)) i += 1;
  if (i === nameStart) return null;
  const name = html.slice(nameStart, i);
  const attributes: [string, string][] = [];
  for (;;) {
    const before = i;
    while (i < html.length && isSpace(html.charCodeAt(i))) i += 1;
    const code = html.charCodeAt(i);
    if (code === 0x3e) return { closing, name, attributes, selfClosing: false, end: i + 1 };
    if (code === 0x2f) return html.charCodeAt(i + 1) === 0x3e ? { closing, name, attributes, selfClosing: true, end: i + 2 } : null;
    // An attribute: after whitespace, a name, optional spaces, `=`, optional spaces, a double-quoted value.
    if (i === before || closing) return null;
    const attributeStart = i;
    while (i < html.length && !endsAttributeName(html.charCodeAt(i))) i += 1;
    if (i === attributeStart) return null;
    const attribute = html.slice(attributeStart, i);
    while (i < html.length && isSpace(html.charCodeAt(i))) i += 1;
    if (html.charCodeAt(i) !== 0x3d) return null;
    i += 1;
    while (i < html.length && isSpace(html.charCodeAt(i))) i += 1;
    if (html.charCodeAt(i) !== 0x22) return null;
    const valueEnd = html.indexOf('"', i + 1);
    if (valueEnd < 0) return null;
    attributes.push([attribute, html.slice(i + 1, valueEnd)]);
    i = valueEnd + 1;
  }
}

function spaceOf(tagName: string, parent: { tagName: string; space: Space } | undefined): Space | null {
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

function attributesOf(raw: readonly [string, string][], space: Space): [string, string][] | null {
  const attributes: [string, string][] = [];
  for (const [written, rawValue] of raw) {
    const lower = written.toLowerCase();
    const name = space === "svg" ? SVG_ATTRIBUTES.get(lower) : HTML_ATTRIBUTE_NAME.test(lower) ? lower : undefined;
    // parse5 keeps the first of two, hastscript the last: give way to parse5.
    if (name === undefined || attributes.some(([seen]) => seen === name)) return null;
    const value = decoded(rawValue);
    if (value === null) return null;
    attributes.push([name, value]);
  }
  return attributes;
}

/** Reads `html` into `visitor`; false when it is not KaTeX's regular markup (the visitor may have seen part of it). */
export function scanKatexMarkup(html: string, visitor: MarkupVisitor): boolean {
  const stack: { tagName: string; space: Space }[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) {
      const text = decoded(html.slice(at, end));
      if (text === null) return false;
      visitor.text(text);
    }
    if (lt < 0) break;
    const tag = readTag(html, lt);
    if (!tag) return false;
    at = tag.end;
    const tagName = tag.name.toLowerCase();
    const selfClosing = tag.selfClosing;
    if (tag.closing) {
      const top = stack.pop();
      if (!top || top.tagName !== tagName || selfClosing) return false;
      visitor.close(tagName, top.space);
      continue;
    }
    const space = spaceOf(tagName, stack[stack.length - 1]);
    // A self-closing tag closes a foreign element; in HTML, parse5 ignores the slash.
    if (space === null || (selfClosing && space === "html")) return false;
    const attributes = attributesOf(tag.attributes, space);
    if (attributes === null || !visitor.open(tagName, space, attributes, selfClosing)) return false;
    if (!selfClosing) stack.push({ tagName, space });
  }
  return stack.length === 0;
}
