import { fromHtml } from "hast-util-from-html";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { listTemplates, requireTemplate } from "@/lib/problems";
import foldDetails from "@/lib/server/markdown/fold-details";
import { renderLocalized, renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { sanitizeSchema } from "@/lib/server/markdown/sanitize-schema";
import parse5Katex from "./parse5-katex";
import { urlAttributes } from "./url-attributes";

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

/** Issue 11, item 1: each of these reached learners as a live `href`/`src` before the sanitiser. */
describe("renderMarkdown keeps no script URL an author wrote", () => {
  it.each([
    ["a link", "[x](javascript:alert(1))", "<p><a>x</a></p>"],
    ["an upper-case scheme", "[x](JAVASCRIPT:alert(1))", "<p><a>x</a></p>"],
    ["a mixed-case scheme", "[x](JaVaScRiPt:alert(1))", "<p><a>x</a></p>"],
    ["an image", "![i](javascript:alert(1))", '<p><img alt="i"></p>'],
    ["a data: HTML link", "[d](data:text/html,<script>alert(1)</script>)", "<p><a>d</a></p>"],
    ["a data: image", "![d](data:image/svg+xml;base64,PHN2Zy8+)", '<p><img alt="d"></p>'],
    ["a vbscript: link", "[v](vbscript:msgbox(1))", "<p><a>v</a></p>"],
    // CommonMark decodes entities in a destination (spec 6.6), so this is `javascript:` again.
    ["an entity-encoded scheme", "[e](jav&#x61;script:alert(1))", "<p><a>e</a></p>"],
    ["a decimal entity colon", "[e](javascript&#58;alert(1))", "<p><a>e</a></p>"],
    ["a percent-encoded colon", "[e](javascript%3Aalert(1))", '<p><a href="javascript%3Aalert(1)">e</a></p>'],
    // A tab is not allowed in a destination: CommonMark leaves the whole thing as text.
    ["a tab inside the scheme", "[t](java\tscript:alert(1))", "<p>[t](java\tscript:alert(1))</p>"],
    ["a tab inside the scheme, in angle brackets", "[t](<java\tscript:alert(1)>)", "<p><a>t</a></p>"],
    ["an entity tab inside the scheme", "[t](java&#x09;script:alert(1))", "<p><a>t</a></p>"],
    ["a newline entity inside the scheme", "[t](java&#10;script:alert(1))", "<p><a>t</a></p>"],
    ["a leading space entity", "[t](&#32;javascript:alert(1))", "<p><a>t</a></p>"],
    ["an autolink", "<javascript:alert(1)>", "<p><a>javascript:alert(1)</a></p>"],
    ["a reference-style link", "[r][1]\n\n[1]: javascript:alert(1)", "<p><a>r</a></p>"],
    ["a reference-style image", "![r][1]\n\n[1]: javascript:alert(1)", '<p><img alt="r"></p>'],
    ["a reference with a title", '[r][1]\n\n[1]: javascript:alert(1) "t"', '<p><a title="t">r</a></p>'],
  ])("%s: %j", (_, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });

  it("keeps http, https, mailto and relative links, and http(s) images", () => {
    expect(renderMarkdown("[d2l](https://d2l.ai/chapter_convolutional-neural-networks/) [h](http://x.org) [m](mailto:a@b.org) [r](../glossary#stride) [q](?a=1:2)")).toBe(
      '<p><a href="https://d2l.ai/chapter_convolutional-neural-networks/">d2l</a> <a href="http://x.org">h</a> <a href="mailto:a@b.org">m</a> <a href="../glossary#stride">r</a> <a href="?a=1:2">q</a></p>',
    );
    expect(renderMarkdown("![fig](https://d2l.ai/_images/correlation.svg)")).toBe('<p><img src="https://d2l.ai/_images/correlation.svg" alt="fig"></p>');
  });

  it("drops raw HTML with event handlers, however it is written", () => {
    for (const markdown of ['<img src=x onerror="alert(1)">', "<svg onload=alert(1)>", '<a href="javascript:alert(1)">x</a>', "<iframe src=//evil></iframe>", "<style>*{}</style>", "<form action=//evil><button>x</button></form>"]) {
      const html = renderMarkdown(`before ${markdown} after`);
      expect(html).not.toMatch(/<(img|svg|a|iframe|style|form|button)\b/);
      expect(urlAttributes(fromHtml(html, { fragment: true }))).toEqual([]);
    }
  });

  it("keeps KaTeX's own hyperlinks off: \\href and \\url to javascript: render as errors, not links", () => {
    const html = renderMarkdown("$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$");
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/href=/);
  });
});

describe("the sanitiser's schema on HTML no Markdown could produce", () => {
  const clean = (html: string) => String(unified().use(rehypeStringify).stringify(unified().use(rehypeSanitize, sanitizeSchema).runSync(fromHtml(html, { fragment: true }))));

  it("removes script, style, iframe, object, embed and form elements", () => {
    expect(clean("<p>a</p><script>alert(1)</script><style>p{}</style><iframe src=x></iframe><object data=x></object><embed src=x><form><input></form>")).toBe("<p>a</p>");
  });

  it("removes every on* attribute, on HTML, MathML and SVG elements alike", () => {
    expect(clean('<span class="mord" onclick="x" onmouseover="y">a</span><math onload="x"><mi onfocus="y">b</mi></math><svg onload="x"><path d="M0 0" onclick="y"></path></svg>')).toBe(
      '<span class="mord">a</span><math><mi>b</mi></math><svg><path d="M0 0"></path></svg>',
    );
  });

  it("keeps a style attribute of plain declarations and drops one with url( or expression(", () => {
    expect(clean('<span style="height:0.8141em;vertical-align:-0.25em;">a</span>')).toBe('<span style="height:0.8141em;vertical-align:-0.25em;">a</span>');
    expect(clean('<span style="min-width:calc(100% - 2em)">a</span>')).toBe('<span style="min-width:calc(100% - 2em)">a</span>');
    for (const style of ["background:url(javascript:alert(1))", "background: URL( 'x' )", "width:expression(alert(1))", "background:\\75rl(x)", "background:image-set('x' 1x)", "color:red;background:url(x)"]) {
      expect(clean(`<span style="${style}">a</span>`)).toBe("<span>a</span>");
    }
  });

  it("allows href only on links and src only on images, and only http(s), mailto or relative", () => {
    expect(clean('<math href="javascript:alert(1)"><mi xlink:href="javascript:alert(2)">x</mi></math>')).toBe("<math><mi>x</mi></math>");
    expect(clean('<span href="https://x.org">a</span><a href="https://x.org" target="_blank">b</a>')).toBe('<span>a</span><a href="https://x.org">b</a>');
    expect(clean('<img src="mailto:a@b.org"><a href=" javascript:alert(1)">c</a>')).toBe("<img><a>c</a>");
  });
});

describe("sanitising keeps the look of the catalog's problems", () => {
  /** The renderer without the sanitiser: Markdown, folded details, KaTeX (its HTML read back by parse5), HTML. */
  const unsanitised = unified().use(remarkParse).use(remarkMath).use(foldDetails).use(remarkRehype).use(parse5Katex).use(rehypeStringify);

  it("renders every template's prompt, options and solution, in both languages, exactly as without it", () => {
    const texts = listTemplates().flatMap(({ template }) =>
      [1, 2].flatMap((seed) =>
        (["en", "zh-CN"] as const).flatMap((lang) => {
          const problem = requireTemplate(template).sample(seed, lang);
          return [problem.prompt, problem.solution, ...(problem.options ?? []).map((option) => option.text)];
        }),
      ),
    );
    expect(texts.length).toBeGreaterThan(400);
    const changed = texts.filter((text) => renderMarkdown(text) !== String(unsanitised.processSync(text)));
    expect(changed).toEqual([]);
  }, 60_000);

  it("keeps KaTeX's SVGs, MathML, classes, inline styles and colours", () => {
    const tex = String.raw`$\sqrt{x} \overrightarrow{AB} \cancel{y} \color{red}{z} \colorbox{yellow}{w} \begin{pmatrix}1&2\\3&4\end{pmatrix} \underbrace{a+b}_{n} \rule{1em}{2em} \xrightarrow{f} \boxed{k} \frac{1}{2}$`;
    const html = renderMarkdown(`${tex}\n\n$$\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1 \\tag{1}$$`);
    expect(html).toBe(String(unsanitised.processSync(`${tex}\n\n$$\\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1 \\tag{1}$$`)));
    expect(html).toMatch(/<svg [^>]*viewBox=/);
    expect(html).toContain("<mfrac>");
    expect(html).toContain('style="color:red;"');
  });
});
