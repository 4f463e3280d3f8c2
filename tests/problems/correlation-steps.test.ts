import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { solutionSteps } from "@/lib/server/reviews/walkthrough";
import { correlationSteps, type CorrelationParams, LISTED_WINDOWS } from "@/lib/problems/templates/cross-correlation-variants";
import { correlationStepsCatalogues } from "@/lib/problems/templates/correlation-steps.messages";
import { expectCataloguesAgree } from "./support/group-a-checks";

const figure621: CorrelationParams = { difficulty: "easy", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]], stride: 1, padding: 0 };
// A hard variant: a 5×5 input, a 3×3 kernel, padding 1, stride 1 → 5 × 5 = 25 windows of 9 products.
const hard: CorrelationParams = {
  difficulty: "hard",
  input: [[1, 0, 2, 0, 1], [0, 1, 0, 1, 0], [2, 0, 1, 0, 2], [0, 1, 0, 1, 0], [1, 0, 2, 0, 1]],
  kernel: [[1, 0, -1], [0, 1, 0], [-1, 0, 1]],
  stride: 1,
  padding: 1,
};

describe("correlationSteps", () => {
  it("lists every window when there are few: d2l figure 6.2.1's four sums", () => {
    const steps = correlationSteps(figure621, figure621.kernel, "en");
    expect(steps.split("\n")).toEqual([
      "- $Y_{1,1} = 0 \\cdot 0 + 1 \\cdot 1 + 3 \\cdot 2 + 4 \\cdot 3 = 19$",
      "- $Y_{1,2} = 1 \\cdot 0 + 2 \\cdot 1 + 4 \\cdot 2 + 5 \\cdot 3 = 25$",
      "- $Y_{2,1} = 3 \\cdot 0 + 4 \\cdot 1 + 6 \\cdot 2 + 7 \\cdot 3 = 37$",
      "- $Y_{2,2} = 4 \\cdot 0 + 5 \\cdot 1 + 7 \\cdot 2 + 8 \\cdot 3 = 43$",
    ]);
    expect(LISTED_WINDOWS).toBe(4);
  });

  it("works the first of 25 windows and folds all of them, in both languages", () => {
    const en = correlationSteps(hard, hard.kernel, "en");
    // by hand: the top-left window is padding but for X[0..1][0..1] = [[1, 0], [0, 1]] under K[1..2][1..2] = [[1, 0], [0, 1]]: 1 + 1 = 2;
    // by symmetry the bottom-right one is 2 as well
    expect(en).toContain("$$\nY_{1,1} = 0 \\cdot 1 + 0 \\cdot 0 + 0 \\cdot (-1) + 0 \\cdot 0 + 1 \\cdot 1 + 0 \\cdot 0 + 0 \\cdot (-1) + 0 \\cdot 0 + 1 \\cdot 1 = 2\n$$");
    expect(en).toContain("The other 24 windows are computed the same way");
    expect(en).toContain(":::details[All 25 windows, step by step]\n- $Y_{1,1} =");
    expect(en.match(/^- \$Y_/gm)).toHaveLength(25);
    expect(en.endsWith("= 2$\n:::")).toBe(true);
    const zh = correlationSteps(hard, hard.kernel, "zh-CN");
    expect(zh).toContain(":::details[全部 25 个窗口的逐步计算]");
    expect(zh).toContain("其余 24 个窗口按同样的方法计算");
  });

  it("renders as a <details> the learner opens, its 25 sums inside, and stays one walkthrough step", () => {
    const html = renderMarkdown(correlationSteps(hard, hard.kernel, "en"));
    const fold = html.slice(html.indexOf("<details>"));
    expect(fold.startsWith("<details><summary>All 25 windows, step by step</summary><ul>")).toBe(true);
    expect(fold.match(/<li>/g)).toHaveLength(25);
    expect(html.slice(0, html.indexOf("<details>"))).not.toContain("<li>");
    expect(solutionSteps(correlationSteps(hard, hard.kernel, "en")).filter((step) => step.startsWith(":::details"))).toHaveLength(1);
  });

  it("has the same messages in both languages", () => {
    expectCataloguesAgree(correlationStepsCatalogues);
  });
});
