/**
 * A small well-formedness check for the figures' SVG (no XML parser is among the dependencies):
 * one root element, every tag closed in order, attributes quoted, `&` only in entities, no stray
 * `<` or `>`. It also returns the text nodes, decoded, so tests can look for the numbers drawn.
 */
export interface XmlCheck {
  errors: string[];
  root: string | null;
  texts: string[];
  elements: { name: string; attributes: Record<string, string> }[];
}

const NAME = "[A-Za-z_][\\w.:-]*";
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, "g");
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

const decode = (s: string) =>
  s.replace(ENTITY, (e) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" })[e] ?? String.fromCodePoint(Number(e.slice(2, -1).replace(/^x/, "0x"))));

export function checkXml(xml: string): XmlCheck {
  const errors: string[] = [];
  const texts: string[] = [];
  const elements: XmlCheck["elements"] = [];
  const stack: string[] = [];
  let root: string | null = null;
  let rest = xml;
  const badAmpersand = (s: string) => /&/.test(s.replace(ENTITY, ""));
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const chunk = lt < 0 ? rest : rest.slice(0, lt);
    if (chunk.length > 0) {
      if (stack.length === 0 && chunk.trim()) errors.push(`text outside the root: ${chunk.slice(0, 30)}`);
      if (chunk.includes(">")) errors.push(`a stray ">" in text: ${chunk.slice(0, 30)}`);
      if (badAmpersand(chunk)) errors.push(`a bare "&" in text: ${chunk.slice(0, 30)}`);
      if (chunk.trim()) texts.push(decode(chunk));
    }
    if (lt < 0) break;
    rest = rest.slice(lt);
    const match = TAG.exec(rest);
    if (!match) {
      errors.push(`a malformed tag at: ${rest.slice(0, 40)}`);
      break;
    }
    const [whole, closing, name = "", attrText = "", selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) errors.push(`</${name}> closes another element`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key = "", value = ""] of attrText.matchAll(ATTRIBUTE)) {
        if (key in attributes) errors.push(`<${name}> repeats ${key}`);
        if (badAmpersand(value)) errors.push(`a bare "&" in ${name}@${key}`);
        attributes[key] = decode(value);
      }
      elements.push({ name, attributes });
      if (root === null) root = name;
      else if (stack.length === 0) errors.push(`a second root <${name}>`);
      if (!selfClosing) stack.push(name);
    }
    rest = rest.slice(whole.length);
  }
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(", ")}`);
  return { errors, root, texts, elements };
}
