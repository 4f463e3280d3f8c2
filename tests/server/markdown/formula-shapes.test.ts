import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { renderMarkdownCached } from "@/lib/server/markdown/cache";
import { applyShape, learnShape, numbersOf, shapeKey } from "@/lib/server/markdown/formula-shapes";
import { renderFormula, renderMarkdown } from "@/lib/server/markdown/render-markdown";

const inline = (tex: string) => renderFormula(tex, false);

describe("shapeKey", () => {
  it("reads every run of digits as one number, and keeps a script's single digit as written", () => {
    expect(shapeKey("16 \\times 15 = 240")).toBe("0 \\times 0 = 0");
    expect(numbersOf("3.25 + x_1 + y^23").numbers).toEqual(["3", "25", "3"]);
    expect(shapeKey("x^2 + y_{12}")).toBe("x^\uE0002 + y_{0}");
  });

  it("gives no shape to TeX without numbers or that reads a digit's value", () => {
    for (const tex of ["x + y", "\\kern3pt x", "\\rule{1em}{2ex} 5", "\\color{#123456}{7}", "\\char65 1", "\\begin{array}{*{3}{c}} 1 \\end{array}", "\\def\\a#1{#1} 1", "\\hspace{2 em} 3"]) {
      expect(shapeKey(tex), tex).toBeNull();
    }
  });
});

describe("learnShape", () => {
  it("learns a template that gives the renderer's HTML for other numbers of any length", () => {
    const shape = shapeKey("16 \\times 15 = 240")!;
    const template = learnShape(shape, inline)!;
    expect(template).not.toBeNull();
    for (const tex of ["3 \\times 128 = 384", "1 \\times 1 = 1", "1024 \\times 7 = 7168"]) expect(applyShape(template, tex)).toBe(inline(tex));
  });

  it("places numbers where KaTeX puts them, not in the order of the TeX (a fraction's denominator comes first in its markup)", () => {
    const template = learnShape(shapeKey("\\frac{12}{5} + 7")!, inline)!;
    expect(template.sources).not.toEqual([...template.sources].sort((a, b) => a - b));
    expect(applyShape(template, "\\frac{300}{4} + 81")).toBe(inline("\\frac{300}{4} + 81"));
  });

  it("refuses shapes whose HTML depends on a number's length: unbraced fraction arguments, stretchy accents, a number under a script", () => {
    for (const tex of ["\\frac12", "\\widehat{123}", "10^{-5}", "64^2"]) expect(learnShape(shapeKey(tex)!, inline), tex).toBeNull();
  });
});

describe("formulas typeset by shape through renderMarkdownCached", () => {
  it("gives exactly the renderer's HTML for every template's documents over many seeds", { timeout: 300_000 }, () => {
    for (const { template } of listTemplates()) {
      for (let seed = 0; seed < 8; seed += 1) {
        const problem = sampleProblem({ template, seed: seed * 104_729 + 3, lang: seed % 2 === 0 ? "en" : "zh-CN" });
        for (const markdown of [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)]) {
          expect(renderMarkdownCached(markdown), `${template} seed ${seed}`).toBe(renderMarkdown(markdown));
        }
      }
    }
  });

  it("gives exactly the renderer's HTML for generated formulas, one shape with many numbers", { timeout: 120_000 }, () => {
    const token = fc.constantFrom(
      "#", "-#", "(-#)", "#.#", " \\cdot ", " + ", " = ", "x_#", "y^#", "z^{#}", "\\frac{#}{#}", "\\frac#", "\\sqrt{#}", "\\sqrt[#]{x}", "\\widehat{#}",
      "\\begin{bmatrix} # & -# \\\\ # & # \\end{bmatrix}", "\\text{ #px }", "\\left\\lfloor \\frac{# - #}{#} \\right\\rfloor", "\\max(#, -\\infty)", "{,}", "\\times", "\\mathbf{#}", "#^#",
    );
    const number = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 99_999 })).map(String);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), fc.array(fc.array(number, { minLength: 40, maxLength: 40 }), { minLength: 3, maxLength: 3 }), (tokens, variants) => {
        for (const numbers of variants) {
          let at = 0;
          const tex = tokens.join("").replace(/#/g, () => numbers[at++ % numbers.length]!);
          const markdown = `A $${tex}$ b`;
          expect(renderMarkdownCached(markdown), tex).toBe(renderMarkdown(markdown));
        }
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
