/**
 * The reference the renderer is held to: rehype-katex's algorithm (github.com/remarkjs/rehype-katex,
 * lib/index.js) written plainly, with the project's KaTeX and parse5 (hast-util-from-html) reading
 * KaTeX's HTML back, as the renderer did before lib/server/markdown/katex-hast.ts.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import katex from "katex";

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map((child) => textOf(child as ElementContent)).join("") : "";
}

function isMath(node: ElementContent): node is Element {
  if (node.type !== "element") return false;
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  return classes.includes("math-inline") || classes.includes("math-display") || classes.includes("language-math");
}

export function typesetWithParse5(tex: string, displayMode: boolean): ElementContent[] {
  let html: string;
  try {
    html = katex.renderToString(tex, { displayMode, throwOnError: true });
  } catch {
    html = katex.renderToString(tex, { displayMode, strict: "ignore", throwOnError: false });
  }
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

export default function parse5Katex() {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      for (let index = 0; index < parent.children.length; index += 1) {
        const child = parent.children[index] as ElementContent;
        let scope: Element | null = null;
        let display = false;
        if (child.type === "element" && child.tagName === "pre" && child.children.length === 1 && isMath(child.children[0] as ElementContent)) {
          scope = child;
          display = true;
        } else if (isMath(child)) {
          scope = child;
          const classes = child.properties.className as string[];
          display = classes.includes("math-display");
        }
        if (scope) {
          const nodes = typesetWithParse5(textOf(scope), display);
          parent.children.splice(index, 1, ...nodes);
          index += nodes.length - 1;
        } else if (child.type === "element") {
          visit(child);
        }
      }
    };
    visit(tree);
  };
}
