/** Formulas to hold the KaTeX readers to: every one of the catalogue, and generated TeX as authors and attackers write it. */
import fc from "fast-check";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { listTemplates, sampleProblem } from "@/lib/problems";

/** Every formula of every template's prompts, options and solutions (three seeds, both languages). */
export function catalogueFormulas(): { tex: string; display: boolean }[] {
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
export const tex = fc.array(texPiece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(" "));

