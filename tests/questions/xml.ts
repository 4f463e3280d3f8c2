/** An element of a parsed XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (text of children excluded). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([a-z]+);|&/g, (match, name: string | undefined) => {
    if (name === undefined || !(name in ENTITIES)) throw new Error(`not well-formed: a bare & or unknown entity ${match}`);
    return ENTITIES[name] as string;
  });
}

/**
 * A small, strict reader of the XML our exporters write (elements, double-quoted attributes,
 * the five predefined entities, an XML declaration): it throws on anything not well-formed, an
 * unclosed or mismatched tag, a bare `&` or `<`, or text outside the root element.
 */
export function parseXml(source: string): XmlElement {
  let position = 0;
  const declaration = /^<\?xml [^?]*\?>\s*/.exec(source);
  if (declaration) position = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (position < source.length) {
    const next = source.indexOf("<", position);
    const text = source.slice(position, next === -1 ? source.length : next);
    if (stack.length === 0) {
      if (text.trim() !== "") throw new Error(`not well-formed: text outside the root element: ${JSON.stringify(text.slice(0, 40))}`);
    } else {
      (stack.at(-1) as XmlElement).text += decode(text);
    }
    if (next === -1) break;
    const end = source.indexOf(">", next);
    if (end === -1) throw new Error("not well-formed: an unclosed tag");
    const tag = source.slice(next + 1, end);
    position = end + 1;
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1)) throw new Error(`not well-formed: </${tag.slice(1)}> closes <${open?.name ?? "nothing"}>`);
      if (stack.length === 0) root = open;
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const match = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*\/?$/.exec(tag);
    if (!match) throw new Error(`not well-formed: <${tag}>`);
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (match[2] as string).matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) attributes[key as string] = decode(value as string);
    const element: XmlElement = { name: match[1] as string, attributes, children: [], text: "" };
    if (stack.length > 0) (stack.at(-1) as XmlElement).children.push(element);
    else if (root) throw new Error("not well-formed: a second root element");
    if (selfClosing) {
      if (stack.length === 0) root = element;
    } else stack.push(element);
  }
  if (stack.length > 0 || !root) throw new Error(`not well-formed: <${stack.at(-1)?.name ?? "?"}> is never closed`);
  return root;
}

/** The first child with this name, or a failure naming what was missing. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/** The text of `<name><text>…</text></name>`, Moodle's usual wrapping. */
export const textOf = (element: XmlElement, name: string) => child(child(element, name), "text").text;
