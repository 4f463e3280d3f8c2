/**
 * KaTeX's HTML as a hast tree without an HTML parser. Typesetting a formula was mostly not
 * KaTeX's own work but parsing its HTML back into a tree with parse5 for the sanitiser (issue 11's
 * profile: parse5 took twice KaTeX's time). ./katex-markup.ts reads KaTeX's regular markup; this
 * builds from it the tree hast-util-from-parse5 would build (the same `h`/`s` calls with the same
 * attribute names), so the sanitiser and the serialiser see the same tree and give the same HTML
 * (tests/server/markdown/katex-hast.test.ts compares the trees). Null when the markup is not in
 * KaTeX's regular form: the caller then parses it with parse5.
 */
import type { Element, ElementContent } from "hast";
import { h, s } from "hastscript";
import { scanKatexMarkup, type Space } from "./katex-markup";

interface Open {
  tagName: string;
  space: Space;
  properties: Record<string, string>;
  children: ElementContent[];
}

function build(open: Open): Element {
  return (open.space === "svg" ? s : h)(open.tagName, open.properties, open.children) as Element;
}

/** The hast children parse5 (through hast-util-from-parse5) would give for KaTeX's `html`, or null. */
export function katexHtmlToHast(html: string): ElementContent[] | null {
  const root: ElementContent[] = [];
  const stack: Open[] = [];
  const childrenOf = () => stack[stack.length - 1]?.children ?? root;
  const read = scanKatexMarkup(html, {
    open(tagName, space, attributes, selfClosing) {
      const open: Open = { tagName, space, properties: Object.fromEntries(attributes), children: [] };
      if (selfClosing) childrenOf().push(build(open));
      else stack.push(open);
      return true;
    },
    close() {
      const open = stack.pop()!;
      childrenOf().push(build(open));
    },
    text(value) {
      childrenOf().push({ type: "text", value });
    },
  });
  return read ? root : null;
}
