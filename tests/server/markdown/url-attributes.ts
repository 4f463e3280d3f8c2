import type { Element, Nodes } from "hast";

/** Attributes that a browser reads as a URL (HTML, SVG and MathML), by hast property name. */
const URL_PROPERTIES = new Set(["href", "src", "srcSet", "action", "formAction", "cite", "longDesc", "poster", "background", "data", "codeBase", "xLinkHref", "xlinkHref", "xlink:href", "lowsrc", "dynsrc", "ping", "manifest", "icon", "profile", "classId", "archive", "useMap"]);
/** Schemes that run or smuggle code: the normalised URL (trimmed, control characters removed, lower-cased) starts with one. */
const DANGEROUS = /^(javascript|data|vbscript):/;

/** A URL as a browser compares its scheme: leading and trailing spaces and C0 controls trimmed, tabs and newlines removed, lower-cased (WHATWG URL, "basic URL parser"). */
export function normaliseUrl(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "").replace(/[\u0000-\u001F\u007F]/g, "").toLowerCase();
}

/** Every live URL attribute with a dangerous scheme, and every `on*` attribute, in a hast tree: `tag attribute=value`. */
export function urlAttributes(tree: Nodes): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "element") {
      const element = node as Element;
      for (const [name, value] of Object.entries(element.properties ?? {})) {
        const text = Array.isArray(value) ? value.join(" ") : String(value);
        if (/^on/i.test(name)) found.push(`${element.tagName} ${name}=${text}`);
        else if (URL_PROPERTIES.has(name) && DANGEROUS.test(normaliseUrl(text))) found.push(`${element.tagName} ${name}=${text}`);
      }
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}
