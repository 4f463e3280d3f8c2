import { describe, expect, it } from "vitest";
import { renderLocalized, renderMarkdown } from "@/lib/server/markdown/render-markdown";

describe("renderMarkdown", () => {
  it("typesets inline and display maths with KaTeX, keeping the TeX for screen readers", () => {
    const html = renderMarkdown("The output is $16 \\times 15$.\n\n$$\nn_{out} = \\lfloor (n + 2p - k)/s \\rfloor + 1\n$$");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">16 \\times 15</annotation>');
  });

  it("renders paragraphs, lists, code and emphasis", () => {
    const html = renderMarkdown("A *dense* layer:\n\n- `nn.Linear`\n- **bias**");
    expect(html).toContain("<em>dense</em>");
    expect(html).toContain("<li><code>nn.Linear</code></li>");
    expect(html).toContain("<strong>bias</strong>");
  });

  it("drops raw HTML an author wrote, so no markup or script gets through", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script><img src=x onerror="alert(1)"> world');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).toContain("Hello");
  });

  it("renders both languages of a localized text", () => {
    expect(renderLocalized({ en: "$x$", "zh-CN": "卷积核 $k$" })["zh-CN"]).toContain("卷积核");
  });
});
