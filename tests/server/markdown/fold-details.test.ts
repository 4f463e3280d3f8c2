import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";

describe("a :::details block folds", () => {
  it("becomes <details> with its label as the <summary>, the formulas inside typeset", () => {
    const html = renderMarkdown("Summary first.\n\n:::details[Every window, step by step]\n- $Y_{1,1} = 19$\n- $Y_{1,2} = 25$\n:::\n\nThe output.");
    expect(html).toMatch(/^<p>Summary first\.<\/p>\n<details><summary>Every window, step by step<\/summary><ul>\n<li><span class="katex">/);
    expect(html.match(/<li><span class="katex">/g)).toHaveLength(2);
    expect(html).toContain("</ul></details>\n<p>The output.</p>");
  });

  it("puts back any other block directive as the text it was written as", () => {
    expect(renderMarkdown("::note[careful]{x=1}")).toBe("<p>::note[careful]{x=1}</p>");
    expect(renderMarkdown(":::warning\nDo not flip the kernel.\n:::")).toBe("<p>:::warning\nDo not flip the kernel.\n:::</p>");
  });

  it("leaves a colon inside a line alone: no inline directives", () => {
    expect(renderMarkdown("Answer:B, ratio 1:2, see :abbr[x]")).toBe("<p>Answer:B, ratio 1:2, see :abbr[x]</p>");
  });

  it("keeps no attribute an author writes on the fold", () => {
    expect(renderMarkdown(':::details[Open]{open onclick="alert(1)" class="x"}\nhidden\n:::')).toBe("<details><summary>Open</summary><p>hidden</p></details>");
  });
});
