import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { renderMarkdownCached } from "@/lib/server/markdown/cache";
import { LruCache } from "@/lib/server/markdown/cache-lru";
import { renderInlineMath, renderMarkdown } from "@/lib/server/markdown/render-markdown";

describe("LruCache", () => {
  it("evicts the least recently used entries once the total weight passes the bound", () => {
    const cache = new LruCache<string, string>(10, (value) => value.length);
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    // Reading a makes b the least recently used.
    expect(cache.get("a")).toBe("aaaa");
    cache.set("c", "cccc");
    // 4 + 4 + 4 = 12 > 10: b goes, a and c stay (8).
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("aaaa");
    expect(cache.get("c")).toBe("cccc");
    expect(cache.weight).toBe(8);
  });

  it("keeps nothing heavier than the whole cache, and replaces a key's value in place", () => {
    const cache = new LruCache<string, string>(5, (value) => value.length);
    cache.set("big", "123456");
    expect(cache.size).toBe(0);
    cache.set("k", "12");
    cache.set("k", "123");
    expect(cache.get("k")).toBe("123");
    expect(cache.weight).toBe(3);
  });

  it("computes a missing value once", () => {
    const cache = new LruCache<string, number>(100);
    let calls = 0;
    const compute = () => {
      calls += 1;
      return 42;
    };
    expect(cache.getOrSet("x", compute)).toBe(42);
    expect(cache.getOrSet("x", compute)).toBe(42);
    expect(calls).toBe(1);
  });
});

describe("renderMarkdownCached", () => {
  it("returns exactly what the renderer returns, sanitised links included", () => {
    for (const markdown of ["Output shape $[16, 15, 15]$?", "$$\\left\\lfloor \\frac{n-k}{s} \\right\\rfloor + 1$$", "[x](javascript:alert(1))"]) {
      expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
      expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
    }
  });
});

describe("renderMarkdownCached from cached pieces (formulas and the text around them)", () => {
  it("gives exactly the renderer's HTML for every template's prompts, options and solutions", { timeout: 120_000 }, () => {
    for (const { template } of listTemplates()) {
      for (let seed = 0; seed < 6; seed += 1) {
        for (const lang of ["en", "zh-CN"] as const) {
          const problem = sampleProblem({ template, seed: seed * 7919, lang });
          for (const markdown of [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)]) {
            expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
          }
        }
      }
    }
  });

  it("gives exactly the renderer's HTML for generated Markdown around formulas", () => {
    const token = fc.constantFrom(
      "$x$", "$$x^2$$", "$\\frac{a}{b}$", "$[16, 15, 15]$", "\\$5", "`$code$`", "*", "**", "_", "[", "](http://a.b)", "](javascript:alert(1))",
      "<b>", "&amp;", " ", "\n", "\n\n", "- ", "1. ", "> ", "# ", "text", "2", "⌊", "x", "$", "$$", "\n$$\nk - 1\n$$\n", "  ", "![i](x.png)", "\\", "|",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const markdown = tokens.join("");
        expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe("renderInlineMath: a formula typeset from its TeX alone", () => {
  it("gives exactly what the renderer gives the formula inside a paragraph, hostile and broken TeX included", () => {
    for (const tex of [
      "16 \\times 15",
      "\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1",
      "\\sqrt{x} \\overrightarrow{AB} \\cancel{y}",
      "a < b \\text{it's \"q\" & <b>}",
      "\\href{javascript:alert(1)}{x}",
      "\\includegraphics{javascript:alert(1)}",
      "\\htmlClass{x\" onclick=\"y}{z}",
      "\\frac{",
      "\\tag{1} x",
      "卷积 \\mathrm{ReLU}",
    ]) {
      expect(`<p>x ${renderInlineMath(tex)}</p>`, tex).toBe(renderMarkdown(`x $${tex}$`));
    }
  });
});
