import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { pendingFormulaHtml, renderWithPendingMath, typesetPendingMath } from "@/lib/server/markdown/math-in-browser";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";

/** The TeX of each pending formula, as a browser reads it back (textContent of the element). */
function pendingTex(html: string): { display: string; tex: string }[] {
  const found: { display: string; tex: string }[] = [];
  for (const match of html.matchAll(/<(span|div) class="tex-pending" data-display="(inline|block)">([^<]*)<\/\1>/g)) {
    found.push({ display: match[2]!, tex: match[3]!.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&") });
  }
  return found;
}

describe("renderWithPendingMath", () => {
  it("leaves each formula as its TeX, in order, and renders the text around it", () => {
    const html = renderWithPendingMath("Pad $p = 1$ on each side, so\n\n$$\nn + 2p - k + 1 = 7\n$$\n\nand **then** $a < b$.");
    expect(html).toBe(
      '<p>Pad <span class="tex-pending" data-display="inline">p = 1</span> on each side, so</p>\n' +
        '<div class="tex-pending" data-display="block">n + 2p - k + 1 = 7</div>\n' +
        '<p>and <strong>then</strong> <span class="tex-pending" data-display="inline">a &lt; b</span>.</p>',
    );
  });

  it("gives null for a text with no formula, which the server renders whole", () => {
    expect(renderWithPendingMath("No maths here.")).toBeNull();
    expect(renderWithPendingMath("A price of $5 and $6")).not.toContain("katex");
  });

  it("escapes TeX that looks like markup: an author's `</span><img onerror>` stays text", () => {
    const html = renderWithPendingMath("$\\text{</span><img src=x onerror=alert(1)>} & x$")!;
    expect(html).not.toContain("<img");
    expect(pendingTex(html)).toEqual([{ display: "inline", tex: "\\text{</span><img src=x onerror=alert(1)>} & x" }]);
  });

  it("still sanitises the text around the formulas (a javascript: link is dropped)", () => {
    const html = renderWithPendingMath("[x](javascript:alert(1)) and $x$")!;
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<span class="tex-pending" data-display="inline">x</span>');
  });
});

describe("typesetPendingMath", () => {
  it("gives exactly the server renderer's HTML for every template's prompts, options and solutions", { timeout: 120_000 }, () => {
    let pendingSeen = 0;
    // One variant a template, in each language by turns: the renderer runs whole on each document, so this is kept to what tells.
    listTemplates().forEach(({ template }, index) => {
      const problem = sampleProblem({ template, seed: 7, lang: index % 2 === 0 ? "en" : "zh-CN" });
      for (const markdown of [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)]) {
        const pending = renderWithPendingMath(markdown);
        if (pending === null) continue;
        pendingSeen += pendingTex(pending).length;
        expect(pending).not.toContain('class="katex');
        expect(typesetPendingMath(pending)).toBe(renderMarkdown(markdown));
      }
    });
    // The catalogue's documents are mostly maths: hundreds of formulas went through the browser path.
    expect(pendingSeen).toBeGreaterThan(300);
  });

  it("round-trips generated TeX, the escaped characters included", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 +\-<>&=^_{}\\]{1,30}$/), fc.boolean(), (tex, display) => {
        fc.pre(!tex.includes("$") && tex.trim() === tex && tex.length > 0);
        const html = pendingFormulaHtml({ tex, display });
        expect(pendingTex(html)).toEqual([{ display: display ? "block" : "inline", tex }]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("leaves HTML without pending formulas as it is", () => {
    const html = renderMarkdown("Already typeset: $x^2$");
    expect(typesetPendingMath(html)).toBe(html);
  });
});

describe("what the browser does with a pending formula (pending-math.ts: katex.render, trust off)", () => {
  it("refuses links and HTML extensions in an author's TeX, as the server does", () => {
    for (const tex of ["\\href{javascript:alert(1)}{x}", "\\url{javascript:alert(1)}", "\\htmlClass{x}{y}", "\\includegraphics{data:image/png;base64,AA}"]) {
      const html = katex.renderToString(tex, { throwOnError: false, strict: "ignore" });
      // The TeX itself stays as text (MathML's annotation); nothing becomes a link, image or class.
      expect(html).not.toMatch(/<a |href=|<img |src=|class="x"/);
    }
  });
});
