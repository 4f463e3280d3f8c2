/**
 * The rehype step that typesets remark-math's formulas with KaTeX: rehype-katex's behaviour
 * (github.com/remarkjs/rehype-katex, lib/index.js, MIT: the same elements found, the same text
 * typeset, the same error handling), with two differences:
 * - KaTeX's HTML becomes a tree through ./katex-hast.ts, which reads KaTeX's regular markup
 *   directly instead of running parse5 over it (the costliest step of typesetting); parse5 still
 *   reads anything outside that form;
 * - it typesets with the KaTeX this project declares (package.json), whose stylesheet the pages
 *   load (app/layout.tsx). rehype-katex 7 brings its own KaTeX 0.16, whose class names (`base`,
 *   `strut`, `sizing`) KaTeX 0.19's stylesheet no longer styles (`katex-base`, …): formulas were
 *   set with unsized sub- and superscripts.
 * KaTeX runs with its defaults, `trust` off among them: `\href`, `\url`, `\includegraphics`,
 * `\htmlClass` and friends are shown as unsupported commands, never as links, images or classes.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtmlIsomorphic } from "hast-util-from-html-isomorphic";
import { toText } from "hast-util-to-text";
import katex from "katex";
import { SKIP, visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";
import { katexHtmlToHast } from "./katex-hast";

function classesOf(element: Element): unknown[] {
  return Array.isArray(element.properties.className) ? element.properties.className : [];
}

/** Where an error KaTeX reports is noted (rehype-katex's `file.message`): the document being rendered, if any. */
interface Place {
  file: VFile;
  element: Element;
  parents: (Root | Element)[];
}

/** KaTeX's HTML for `value`, or its error markup when even a lenient second try throws. */
export function typeset(value: string, displayMode: boolean, place?: Place): string | ElementContent[] {
  try {
    return katex.renderToString(value, { displayMode, throwOnError: true });
  } catch (error) {
    const cause = error as Error;
    place?.file.message("Could not render math with KaTeX", { ancestors: [...place.parents, place.element], cause, place: place.element.position, ruleId: cause.name.toLowerCase(), source: "rehype-katex" });
    try {
      return katex.renderToString(value, { displayMode, strict: "ignore", throwOnError: false });
    } catch {
      return [{ type: "element", tagName: "span", properties: { className: ["katex-error"], style: "color:#cc0000", title: String(error) }, children: [{ type: "text", value }] }];
    }
  }
}

/** What `typeset` gave, as the nodes that stand in the document where the TeX stood (before the sanitiser). */
export function typesetNodes(typeset: string | ElementContent[]): ElementContent[] {
  return typeof typeset === "string" ? (katexHtmlToHast(typeset) ?? (fromHtmlIsomorphic(typeset, { fragment: true }).children as ElementContent[])) : typeset;
}

export default function typesetMath() {
  return function transform(tree: Root, file: VFile) {
    visitParents(tree, "element", (element: Element, parents: (Root | Element)[]) => {
      const classes = classesOf(element);
      const languageMath = classes.includes("language-math");
      const mathDisplay = classes.includes("math-display");
      const mathInline = classes.includes("math-inline");
      if (!languageMath && !mathDisplay && !mathInline) return;
      let displayMode = mathDisplay;
      let parent = parents[parents.length - 1];
      let scope: Element = element;
      // ```math fences: the `pre` around the `code` is replaced, in display mode.
      if (element.tagName === "code" && languageMath && parent?.type === "element" && parent.tagName === "pre") {
        scope = parent;
        parent = parents[parents.length - 2];
        displayMode = true;
      }
      if (!parent) return;
      const nodes = typesetNodes(typeset(toText(scope, { whitespace: "pre" }), displayMode, { file, element, parents }));
      parent.children.splice(parent.children.indexOf(scope), 1, ...nodes);
      return SKIP;
    });
  };
}
