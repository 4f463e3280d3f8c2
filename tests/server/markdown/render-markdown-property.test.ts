import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { normaliseUrl, urlAttributes } from "./url-attributes";

/** A scheme that runs code, written the ways that slip past a naive check. */
const scheme = fc
  .tuple(fc.constantFrom("javascript", "data", "vbscript"), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.constantFrom("", "\t", "\n", "\u0000", "\u001f", "&#x09;", "&#10;", " ", "&#32;"), fc.nat(9))
  .map(([name, upper, inserted, at]) => {
    const cased = [...name].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join("");
    const split = Math.min(at, cased.length);
    return `${cased.slice(0, split)}${inserted}${cased.slice(split)}`;
  });
const colon = fc.constantFrom(":", "&#58;", "&#x3a;", "&colon;", "%3A");
const payload = fc.constantFrom("alert(1)", "text/html,<script>alert(1)</script>", "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "msgbox(1)", "//%0aalert(1)");
const hostileUrl = fc.tuple(fc.constantFrom("", " ", "&#32;", "\u0001"), scheme, colon, payload).map((parts) => parts.join(""));

/** Markdown and HTML constructs that carry a URL or an attribute. */
const hostileFragment = fc.oneof(
  hostileUrl.map((url) => `[link](${url})`),
  hostileUrl.map((url) => `[link](<${url}>)`),
  hostileUrl.map((url) => `![img](${url})`),
  hostileUrl.map((url) => `<${url}>`),
  hostileUrl.map((url) => `[ref][r]\n\n[r]: ${url}\n`),
  hostileUrl.map((url) => `![ref][r]\n\n[r]: <${url}> "title"\n`),
  hostileUrl.map((url) => `<a href="${url}">x</a>`),
  hostileUrl.map((url) => `<img src="${url}" onerror="alert(1)">`),
  hostileUrl.map((url) => `$\\href{${url}}{x}$`),
  hostileUrl.map((url) => `$\\url{${url}}$`),
  // KaTeX's commands that would make an image, a class, an id, a style or data attributes with trust on.
  hostileUrl.map((url) => `$\\includegraphics{${url}}$`),
  hostileUrl.map((url) => `$\\includegraphics[height=1em]{${url}}$`),
  hostileUrl.map((url) => `$$\\htmlClass{${url}}{x}$$`),
  hostileUrl.map((url) => `$\\htmlId{${url}}{x} \\htmlData{x=${url}}{y}$`),
  hostileUrl.map((url) => `$\\htmlStyle{background:url(${url})}{x}$`),
  fc.constantFrom("$\\htmlClass{x\" onmouseover=\"alert(1)}{y}$", "$\\text{<img src=x onerror=alert(1)>}$", "$\\href{javascript:alert(1)}{\\includegraphics{javascript:alert(2)}}$"),
  fc.constantFrom("<svg onload=alert(1)>", '<p onclick="x">', "<iframe src=javascript:alert(1)>", "<math><mi xlink:href=javascript:alert(1)>x</mi></math>", '<span style="background:url(javascript:alert(1))">'),
);
/** What prompts are made of otherwise: text, maths, emphasis, lists. */
const ordinaryFragment = fc.constantFrom("The output is $16 \\times 15$.", "$$\n\\frac{n+2p-k}{s}+1\n$$", "**bold** *it* `code`", "\n\n- item\n- item\n\n", "[d2l](https://d2l.ai)", " ", "\n", "<", ">", "]", "(", ")", "&amp;", "\\");
const markdown = fc.array(fc.oneof({ weight: 3, arbitrary: hostileFragment }, { weight: 2, arbitrary: ordinaryFragment }), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));

describe("renderMarkdown, on arbitrary Markdown built from hostile fragments", () => {
  it("the URL helper normalises the way a browser reads a scheme", () => {
    expect(normaliseUrl(" \u0001Java\tScr\nipt:x ")).toBe("javascript:x");
  });

  it("leaves no javascript:, data: or vbscript: URL and no on* attribute in the HTML", () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const html = renderMarkdown(text);
        expect(urlAttributes(fromHtml(html, { fragment: true }))).toEqual([]);
      }),
      // Seeded and bounded, so a failure replays and CI time stays fixed.
      { seed: 1101, numRuns: 400 },
    );
  });
});
