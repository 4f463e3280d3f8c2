import fc from "fast-check";
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { katexHtmlToSafeHtml } from "@/lib/server/markdown/katex-safe-html";
import { sanitizeSchema } from "@/lib/server/markdown/sanitize-schema";
import { catalogueFormulas, tex } from "./katex-fixtures";

/** The maintained path: parse5, hast-util-sanitize with Stride's schema, hast-util-to-html. */
function sanitised(html: string): string {
  return toHtml(sanitize(fromHtml(html, { fragment: true }), sanitizeSchema) as Root);
}

describe("katexHtmlToSafeHtml", () => {
  it("writes exactly what the sanitiser and serialiser give, for every formula of the catalogue, never handing one over", { timeout: 120_000 }, () => {
    for (const { tex: source, display } of catalogueFormulas()) {
      const html = katex.renderToString(source, { displayMode: display, throwOnError: false });
      const direct = katexHtmlToSafeHtml(html);
      expect(direct, source).not.toBeNull();
      expect(direct, source).toBe(sanitised(html));
    }
  });

  it("writes exactly what the sanitiser gives, or hands the formula to it, for arbitrary and hostile TeX", () => {
    let direct = 0;
    fc.assert(
      fc.property(tex, fc.boolean(), (source, display) => {
        const html = katex.renderToString(source, { displayMode: display, throwOnError: false });
        const written = katexHtmlToSafeHtml(html);
        if (written === null) return;
        direct += 1;
        expect(written).toBe(sanitised(html));
      }),
      { seed: 1112, numRuns: 600 },
    );
    expect(direct).toBeGreaterThan(400);
  });

  it("drops what the schema does not allow, as the sanitiser does, in KaTeX's own form of markup", () => {
    for (const html of [
      '<span class="mord" onclick="alert(1)" onmouseover="x">a</span>',
      '<span style="background:url(javascript:alert(1))">a</span>',
      '<span style="color:red;" title="t &amp; &quot;q&quot; &#x27;s&#x27;">a &lt; b &amp; c &gt; d</span>',
      '<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" onload="x"><mi mathvariant="normal" class ="x" style="color:red;">b</mi></math></span>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="400em" height="1.08em" viewBox="0 0 400000 1080" preserveAspectRatio="xMinYMin slice" fill="red"><path d="M0 0"/><line x1="0" y1="0" x2="1" y2="1" stroke-width="0.04em"/></svg>',
      '<span width="2.50" height="1">x</span>',
      '<span aria-hidden="true" data-x="1">x</span>',
    ]) {
      const written = katexHtmlToSafeHtml(html);
      expect(written, html).not.toBeNull();
      expect(written, html).toBe(sanitised(html));
    }
  });

  it("hands over what it does not write itself: URLs, clobbered names, class names the schema would thin out, anything not KaTeX's form", () => {
    for (const html of [
      '<span href="javascript:alert(1)">x</span>',
      '<span id="x">x</span>',
      '<span class="ok bad!">x</span>',
      '<a href="javascript:alert(1)">x</a>',
      "<img src=x onerror=alert(1)>",
      "<span><script>alert(1)</script></span>",
      '<span class="katex">&nbsp;</span>',
      // An SVG attribute KaTeX does not write, an event handler among them, is not its form.
      '<svg xmlns="http://www.w3.org/2000/svg" onload="x"><path d="M0 0" onclick="y"/></svg>',
    ]) {
      expect(katexHtmlToSafeHtml(html), html).toBeNull();
    }
  });
});
