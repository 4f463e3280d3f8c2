import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import katex from "katex";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { katexHtmlToHast } from "@/lib/server/markdown/katex-hast";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";

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

/** Every formula of every template's prompts, options and solutions (three seeds, both languages). */
function catalogueFormulas(): { tex: string; display: boolean }[] {
  const parser = unified().use(remarkParse).use(remarkMath);
  const found = new Map<string, { tex: string; display: boolean }>();
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === "inlineMath" || node.type === "math") found.set(`${node.type}:${node.value}`, { tex: node.value ?? "", display: node.type === "math" });
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (const { template } of listTemplates()) {
    for (const seed of [1, 977, 4242]) {
      for (const lang of ["en", "zh-CN"] as const) {
        const problem = sampleProblem({ template, seed, lang });
        for (const text of [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)]) walk(parser.parse(text));
      }
    }
  }
  return [...found.values()];
}

/** TeX as authors write it, and as an attacker would: KaTeX's commands that would make links, images, classes or attributes with trust on. */
const texPiece = fc.oneof(
  fc.constantFrom(
    "x^2",
    "\\frac{n + 2p - k}{s}",
    "\\left\\lfloor \\frac{a}{b} \\right\\rfloor",
    "\\sqrt{x}",
    "\\sqrt[3]{y}",
    "\\overrightarrow{AB}",
    "\\cancel{y}",
    "\\xrightarrow{f}",
    "\\underbrace{a+b}_{n}",
    "\\boxed{k}",
    "\\color{red}{z}",
    "\\colorbox{yellow}{w}",
    "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}",
    "\\begin{array}{c|c}a&b\\\\\\hline c&d\\end{array}",
    "\\text{it's <b> & \"q\"}",
    "\\mathrm{ReLU}(x)",
    "\\times",
    "a < b > c",
    "\\operatorname{conv}",
    "\\frac{",
    "\\unknowncommand",
    "\\rule{1em}{2em}",
    "\\mathbb{R}^{n}",
    "卷积层",
  ),
  fc.constantFrom("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "https://d2l.ai", "x\" onload=\"alert(1)").chain((url) =>
    fc.constantFrom(
      `\\href{${url}}{x}`,
      `\\url{${url}}`,
      `\\includegraphics{${url}}`,
      `\\includegraphics[height=1em]{${url}}`,
      `\\htmlClass{${url}}{x}`,
      `\\htmlId{${url}}{x}`,
      `\\htmlStyle{background:url(${url})}{x}`,
      `\\htmlData{foo=${url}}{x}`,
    ),
  ),
  fc.string({ maxLength: 12 }),
);
const tex = fc.array(texPiece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(" "));

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
