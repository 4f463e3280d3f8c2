import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProblemFigure } from "@/app/_components/problem-figure";
import { sampleProblem } from "@/lib/problems";

describe("ProblemFigure", () => {
  it("shows the SVG as an image inside a <figure>, named by the alt text, scaled down to fit", () => {
    const problem = sampleProblem({ template: "xcorr.values", seed: 1, lang: "zh-CN" });
    if (!problem.figure) throw new Error("xcorr.values draws a figure");
    const html = renderToStaticMarkup(createElement(ProblemFigure, { figure: problem.figure }));
    expect(html).toMatch(/^<figure [^>]*><img [^>]*\/><\/figure>$/);
    const src = /src="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    expect(src.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(src.slice(src.indexOf(",") + 1))).toBe(problem.figure.svg);
    expect(html).toContain(`alt="${problem.figure.alt}"`);
    expect(html).toMatch(/class="[^"]*max-w-full[^"]*h-auto|class="[^"]*h-auto[^"]*max-w-full/);
    expect(html).toMatch(/width="\d+" height="\d+"/);
  });

  it("escapes an alt text with quotes and angle brackets", () => {
    const html = renderToStaticMarkup(createElement(ProblemFigure, { figure: { svg: '<svg width="10" height="10"/>', alt: 'a "b" <c>' } }));
    expect(html).toContain('alt="a &quot;b&quot; &lt;c&gt;"');
  });
});
