import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { renderMarkdownCached } from "@/lib/server/markdown/cache";
import { LruCache } from "@/lib/server/markdown/cache-lru";
import { collapsedDigits } from "@/lib/server/markdown/formula-spans";
import { renderFormula, renderMarkdown } from "@/lib/server/markdown/render-markdown";

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

  it("gives exactly the renderer's HTML for generated Markdown around formulas", { timeout: 60_000 }, () => {
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

describe("renderMarkdownCached for documents that differ only in their digits (formulas found by the document's shape)", () => {
  it("tells apart the digits CommonMark reads by value: a list that starts at 1 interrupts a paragraph, <h1>…<h6> start an HTML block", () => {
    // Each pair has one shape but for the digit that decides; the first of each fills the cache.
    // CommonMark 0.31: 5.2 (an ordered list interrupting a paragraph must start with 1), 4.6 (HTML blocks, condition 6).
    for (const pair of [
      ["a\n1. x\n\n    $2$\n", "a\n2. x\n\n    $2$\n"],
      ["a\n01. x\n\n    $2$\n", "a\n03. x\n\n    $2$\n"],
      ["a\n0. x\n\n    $2$\n", "a\n1. x\n\n    $2$\n"],
      ["a\n<h3>\n$1$\n", "a\n<h7>\n$1$\n"],
      ["a\n<h7>\n$1$ b\n", "a\n<h3>\n$1$ b\n"],
      ["[x][a1]\n\n[a1]: /u\n\n$1$", "[x][a1]\n\n[a2]: /u\n\n$1$"],
    ]) {
      for (const markdown of pair) expect(renderMarkdownCached(markdown), markdown).toBe(renderMarkdown(markdown));
    }
  });

  it("gives exactly the renderer's HTML whatever the digits, lists, references, entities and HTML around them", { timeout: 60_000 }, () => {
    const token = fc.constantFrom(
      "$1$", "$x_2$", "$$x^1$$", "\n$$\n1 + 2\n$$\n", "$$ 3\n4\n$$", "1. ", "2. ", "0. ", "10. ", "1) ", "7) ", "- ", "> ", "# ", "text", "a1", "12",
      "&#36;", "&#49;", "&#x31;", "&frac12;", "&frac19;", "[a1]", "[a2]", "[a1]: /u\n", "[x][a1]", "<h1>", "<h7>", "</h2>", "<a1>", "`1`", "``2``", "\\1", "\\$",
      "*", "**", "_", " ", "  ", "\n", "\n\n", "$", "$$", "1", "9", "0",
    );
    const digitsFor = (text: string) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: text.length, maxLength: text.length });
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 20 }).chain((tokens) => {
          const markdown = tokens.join("");
          return fc.tuple(fc.constant(markdown), fc.array(digitsFor(markdown), { minLength: 3, maxLength: 3 }));
        }),
        ([markdown, variants]) => {
          for (const digits of [null, ...variants]) {
            let at = 0;
            const text = digits ? markdown.replace(/\d/g, () => String(digits[at++] ?? 0)) : markdown;
            expect(renderMarkdownCached(text)).toBe(renderMarkdown(text));
          }
        },
      ),
      { numRuns: 600, seed: 12 },
    );
  });
});

describe("renderMarkdownCached for documents whose numbers differ in how many digits they have", () => {
  it("collapses every run of digits where no list marker or tab makes their count matter, and maps the formulas back", () => {
    expect(collapsedDigits("a 12 $x_{345}$ b 6")).toEqual({ text: "a 0 $x_{0}$ b 0", runs: [{ at: 2, lost: 1 }, { at: 8, lost: 2 }, { at: 14, lost: 0 }] });
    expect(collapsedDigits("$(-3) \\cdot -12$ *-4* [a](-5) \\-6").text).toBe("$0 \\cdot 0$ *-0* [a](0) \\-0");
    // The second document is parsed as the first (one collapsed shape); its formulas must still be cut where they stand.
    for (const markdown of ["Kernel $3 \\times 3$, stride 2: $\\lfloor (7 - 3)/2 \\rfloor + 1 = 3$.", "Kernel $11 \\times 11$, stride 40: $\\lfloor (227 - 11)/40 \\rfloor + 1 = 6$."]) {
      expect(renderMarkdownCached(markdown), markdown).toBe(renderMarkdown(markdown));
    }
    // A list item's content starts after its marker: "9." and "10." place "$1$" in different columns.
    for (const markdown of ["9. a\n\n   $1$\n", "10. a\n\n   $1$\n", "a\t1 $2$", "a\t123 $2$", "$\\$$$x^1$$"]) {
      expect(renderMarkdownCached(markdown), markdown).toBe(renderMarkdown(markdown));
    }
  });

  it("gives exactly the renderer's HTML when every number's length changes, over generated Markdown", { timeout: 60_000 }, () => {
    const token = fc.constantFrom(
      "$1$", "$x_{23}$", "$$x^1$$", "\n$$\n1 + 22\n$$\n", "$$ 3\n4\n$$", "1. ", "10. ", "1) ", "- ", "> ", "# ", "   ", "    ", "\t", "text", "a1", "12",
      "&#36;", "&#49;", "&#x31;", "&frac12;", "`1`", "``2``", "\\1", "\\$", "*", "**", "_", " ", "\n", "\n\n", "$", "$$", "1", "0.5", "3.", "7)",
      "-", "-3", "(-3)", "(", ")", "[a](", "]", "\\(", "\\-", "$(-3) \\cdot 2$", "$-1$", "---", "\n- ",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 40, maxLength: 40 }), (tokens, numbers) => {
        const markdown = tokens.join("");
        let at = 0;
        // Numbers change length and sign: 7 → 31337, (-3) → 12, -3 → 4.
        const longer = markdown.replace(/\(-\d+\)|-?\d+/g, () => {
          const value = numbers[at++ % numbers.length]!;
          return value % 3 === 0 ? `(-${value})` : value % 3 === 1 ? `-${value}` : String(value);
        });
        for (const text of [markdown, longer]) expect(renderMarkdownCached(text), JSON.stringify(text)).toBe(renderMarkdown(text));
      }),
      { numRuns: 600, seed: 29 },
    );
  });
});

describe("renderFormula: a formula typeset from its TeX alone", () => {
  it("gives exactly what the renderer gives the formula inside a paragraph, or as a block, hostile and broken TeX included", () => {
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
      expect(`<p>x ${renderFormula(tex, false)}</p>`, tex).toBe(renderMarkdown(`x $${tex}$`));
      expect(renderFormula(tex, true), tex).toBe(renderMarkdown(`$$\n${tex}\n$$`));
    }
  });
});
