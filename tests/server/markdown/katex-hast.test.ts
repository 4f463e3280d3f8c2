import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { katexHtmlToHast } from "@/lib/server/markdown/katex-hast";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { catalogueFormulas, tex } from "./katex-fixtures";

/** parse5's tree (through hast-util-from-parse5), without the source positions it records. */
function parse5Tree(html: string): unknown {
  return JSON.parse(JSON.stringify(fromHtml(html, { fragment: true }).children, (key, value: unknown) => (key === "position" ? undefined : value)));
}

function plain(nodes: ElementContent[]): unknown {
  return JSON.parse(JSON.stringify(nodes));
}

function typeset(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false });
}

describe("katexHtmlToHast", () => {
  it("builds parse5's tree for every formula of the catalogue, never falling back", { timeout: 120_000 }, () => {
    const formulas = catalogueFormulas();
    expect(formulas.length).toBeGreaterThan(500);
    for (const { tex: source, display } of formulas) {
      const html = typeset(source, display);
      const tree = katexHtmlToHast(html);
      expect(tree, source).not.toBeNull();
      expect(plain(tree!), source).toEqual(parse5Tree(html));
    }
  });

  it("builds parse5's tree, or gives way to parse5, for arbitrary and hostile TeX", () => {
    let direct = 0;
    fc.assert(
      fc.property(tex, fc.boolean(), (source, display) => {
        const html = typeset(source, display);
        const tree = katexHtmlToHast(html);
        if (tree === null) return;
        direct += 1;
        expect(plain(tree)).toEqual(parse5Tree(html));
      }),
      { seed: 1111, numRuns: 600 },
    );
    // Most of it is read directly; the rest is what parse5 must read.
    expect(direct).toBeGreaterThan(400);
  });

  it("gives way to parse5 for what KaTeX does not write with trust off, or what parse5 reads differently", () => {
    for (const html of [
      '<span class="katex"><a href="javascript:alert(1)">x</a></span>',
      '<span class="katex"><img src="x.png"/></span>',
      '<span class="katex"><span/></span>',
      '<span class="katex">',
      '<span class="katex"></math>',
      '<span class="katex">&nbsp;</span>',
      '<span class="katex">a\rb</span>',
      '<span class="katex">a\u0000b</span>',
      '<span class="a" class="b">x</span>',
      "<span onclick='x'>x</span>",
      '<math><mi><span class="x">y</span></mi></math>',
      '<math><span class="x">y</span></math>',
      '<svg><foreignObject></foreignObject></svg>',
      '<svg viewbox="0 0 1 1" onload="x"></svg>',
      "<script>alert(1)</script>",
      "<p>x</p>",
    ]) {
      expect(katexHtmlToHast(html), html).toBeNull();
    }
  });

  it("decodes KaTeX's five entities, in text and in attribute values", () => {
    const html = '<span class="katex" title="a &quot;b&quot; &amp; c">&lt;x&gt; &amp; &#x27;y&#x27;</span>';
    expect(plain(katexHtmlToHast(html)!)).toEqual(parse5Tree(html));
  });
});

describe("renderMarkdown's KaTeX", () => {
  it("is the KaTeX whose stylesheet the pages load (app/layout.tsx): its class names for struts, bases and sizes", () => {
    // KaTeX 0.19 renamed them (katex-base, katex-strut, katex-sizing); rehype-katex's own 0.16 wrote base, strut, sizing.
    const stylesheet = readFileSync(path.join(process.cwd(), "node_modules/katex/dist/katex.min.css"), "utf8");
    const html = renderMarkdown("$\\frac{a^2}{b}$");
    const classes = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((match) => (match[1] as string).split(" ")));
    for (const name of ["base", "strut", "sizing"]) {
      expect(classes.has(name), name).toBe(false);
      expect(classes.has(`katex-${name}`), `katex-${name}`).toBe(true);
      expect(stylesheet).toContain(`.katex-${name}`);
    }
  });
});
