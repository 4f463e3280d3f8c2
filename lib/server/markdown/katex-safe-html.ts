/**
 * KaTeX's HTML, sanitised and serialised in one pass over its markup: what
 * `toHtml(sanitize(tree, sanitizeSchema))` gives for the tree ./katex-hast.ts builds, byte for
 * byte (tests/server/markdown/katex-safe-html.test.ts holds it to that over every formula of the
 * catalogue and generated, hostile TeX), without building the tree. Every formula a learner sees
 * went through three passes over a tree of a few hundred nodes (build, sanitise, serialise); this
 * is one pass over the string.
 *
 * Why this still sanitises as the issue asks (no `javascript:` or `data:` URL, no event handler,
 * only what sanitize-schema.ts allows):
 * - KaTeX runs with `trust` off, so it writes no link, image, id, class or attribute of an
 *   author's choosing (`\href`, `\url`, `\includegraphics`, `\htmlClass`, `\htmlId`, `\htmlData`,
 *   `\htmlStyle` are shown as unsupported commands); an author's TeX reaches the markup only as
 *   escaped text and as values KaTeX computes (sizes, colours it validates).
 * - The markup is read only in KaTeX's regular form (./katex-markup.ts): the elements KaTeX writes,
 *   no other; anything else is handed to hast-util-sanitize itself.
 * - Each attribute goes through the SAME allow-list as the maintained sanitiser: sanitizeSchema's
 *   definitions for the element and for every element, its patterns (class names, inline style)
 *   tested the way hast-util-sanitize tests them; an attribute it would drop is dropped, and an
 *   attribute that would need more than that (a URL, a clobbered name, a boolean or comma list)
 *   hands the formula to hast-util-sanitize.
 * - Text and values are escaped as hast-util-to-html escapes them.
 */
import { find, html as htmlSchema, svg as svgSchema } from "property-information";
import { scanKatexMarkup, type Space } from "./katex-markup";
import { sanitizeSchema } from "./sanitize-schema";

type Definition = string | readonly [string, ...unknown[]];

const allowedTags = new Set(sanitizeSchema.tagNames ?? []);
const definitions = (sanitizeSchema.attributes ?? {}) as Record<string, readonly Definition[]>;
/** Properties whose values the sanitiser checks as URLs or prefixes (`clobber`): left to it. */
const leftToSanitiser = new Set([...Object.keys(sanitizeSchema.protocols ?? {}), ...(sanitizeSchema.clobber ?? [])]);

/** hast-util-sanitize's `findDefinition`. */
function definitionOf(list: readonly Definition[] | undefined, property: string): Definition | undefined {
  let dataDefault: Definition | undefined;
  for (const entry of list ?? []) {
    const name = typeof entry === "string" ? entry : entry[0];
    if (name === property) return entry;
    if (name === "data*") dataDefault = entry;
  }
  return property.length > 4 && property.slice(0, 4).toLowerCase() === "data" ? dataDefault : undefined;
}

/** hast-util-sanitize's `propertyValuePrimitive` for a string or number (no URL, no clobbering: those are left to it). */
function allowedBy(definition: Definition | undefined, value: string | number): boolean {
  if (definition === undefined) return false;
  if (typeof definition === "string" || definition.length <= 1) return true;
  return definition.slice(1).some((allowed) => (allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value));
}

const definitionPairs = new Map<string, readonly Definition[]>();

/** The element's definition of a property, then every element's, as hast-util-sanitize's `properties` consults them (remembered). */
function definitionsOf(tagName: string, property: string): readonly Definition[] {
  const key = `${tagName}\u0000${property}`;
  let pair = definitionPairs.get(key);
  if (!pair) {
    pair = [definitionOf(definitions[tagName], property), definitionOf(definitions["*"], property)].filter((definition) => definition !== undefined);
    definitionPairs.set(key, pair);
  }
  return pair;
}

/** Whether the sanitiser keeps the value (true), drops it (false), or would change it (null: left to it). */
function allows(tagName: string, property: string, values: readonly (string | number)[], list: boolean): boolean | null {
  for (const definition of definitionsOf(tagName, property)) {
    // The sanitiser keeps a list's items that pass (the first definition decides, even when none
    // pass); one that would lose any is left to it.
    if (list) return values.every((value) => allowedBy(definition, value)) ? true : null;
    if (allowedBy(definition, values[0]!)) return true;
  }
  return false;
}

/** The hex character reference hast-util-to-html (stringify-entities) writes. */
function reference(char: string): string {
  return `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;
}

const TEXT_ESCAPES = /[<&]/g;
const VALUE_ESCAPES = /[\0"&'`]/g;

interface PropertyInfo {
  property: string;
  attribute: string;
  spaceSeparated: boolean;
  number: boolean;
  /** Kinds this pass does not write itself: comma lists, booleans. */
  unusual: boolean;
}

const infos = new Map<string, PropertyInfo>();

/** property-information's view of an attribute, as hastscript and hast-util-to-html take it (remembered). */
function infoOf(space: Space, attribute: string): PropertyInfo {
  const key = `${space}\u0000${attribute}`;
  let info = infos.get(key);
  if (!info) {
    const found = find(space === "svg" ? svgSchema : htmlSchema, attribute);
    info = {
      property: found.property,
      attribute: found.attribute,
      spaceSeparated: found.spaceSeparated,
      number: found.number,
      unusual: found.commaSeparated || found.commaOrSpaceSeparated || found.boolean || found.overloadedBoolean,
    };
    infos.set(key, info);
  }
  return info;
}

/** hastscript's `parsePrimitive` for a number property. */
function primitive(info: PropertyInfo, value: string): string | number {
  return info.number && value && !Number.isNaN(Number(value)) ? Number(value) : value;
}

/** ` name="value"` as the sanitiser would keep and hast-util-to-html write it, "" when dropped, null when left to the sanitiser. */
function attributeHtml(tagName: string, space: Space, name: string, raw: string): string | null {
  const info = infoOf(space, name);
  if (info.unusual || leftToSanitiser.has(info.property)) return null;
  const list = info.spaceSeparated;
  const values = list ? raw.split(/[ \t\n\r\f]+/).filter(Boolean).map((item) => primitive(info, item)) : [primitive(info, raw)];
  const allowed = allows(tagName, info.property, values, list);
  if (allowed === null) return null;
  if (!allowed) return "";
  const value = values.join(" ").replace(VALUE_ESCAPES, reference);
  return ` ${info.attribute}="${value}"`;
}

/** The sanitised HTML of KaTeX's `html`, or null when it is not KaTeX's regular markup (then hast-util-sanitize decides). */
export function katexHtmlToSafeHtml(html: string): string | null {
  let out = "";
  const read = scanKatexMarkup(html, {
    open(tagName, space, attributes, selfClosing) {
      if (!allowedTags.has(tagName)) return false;
      let tag = `<${tagName}`;
      for (const [name, value] of attributes) {
        const written = attributeHtml(tagName, space, name, value);
        if (written === null) return false;
        tag += written;
      }
      out += `${tag}>`;
      // hast-util-to-html closes every element, SVG ones included (closeEmptyElements is off).
      if (selfClosing) out += `</${tagName}>`;
      return true;
    },
    close(tagName) {
      out += `</${tagName}>`;
    },
    text(value) {
      out += value.replace(TEXT_ESCAPES, reference);
    },
  });
  return read ? out : null;
}
