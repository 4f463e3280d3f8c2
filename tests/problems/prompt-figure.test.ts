import { describe, expect, it } from "vitest";
import { type Answer, listTemplates, type Problem, sampleProblem, toLearnerView } from "@/lib/problems";

const SEEDS = Array.from({ length: 40 }, (_, index) => index + 1);

/** The ways a figure could write a key: a whole number with or without grouping, a shape as C×H×W. */
function keyTexts(answer: Answer): string[] {
  if (answer.kind === "integer") return [String(answer.value), answer.value.toLocaleString("en"), answer.value.toLocaleString("zh-CN")];
  if (answer.kind === "shape") return [answer.value.join("×"), answer.value.join(" × ")];
  return [];
}

/** The figure's visible text (SVG `<text>` contents) and its alt. */
function figureText(figure: NonNullable<Problem["figure"]>): string {
  return `${[...figure.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(" ")} ${figure.alt}`;
}

const givesKeyAway = (problem: Problem, figure: NonNullable<Problem["figure"]>) => keyTexts(problem.answer).some((text) => figureText(figure).includes(text));

describe("diagrams before answering", () => {
  const withPromptFigure = listTemplates()
    .map((entry) => entry.template)
    .filter((template) => sampleProblem({ template, seed: 1 }).promptFigure !== undefined);

  it("are drawn for the long block prompts whose key is a count: Inception's parameters, a residual shortcut's and a bottleneck block's", () => {
    expect(withPromptFigure.sort()).toEqual(["inception.params", "residual.bottleneck-params", "residual.shortcut-params"]);
  });

  it("the check below can fail: a residual block's solution figure draws its output shape, the key of residual.block-shape", () => {
    const problem = sampleProblem({ template: "residual.block-shape", seed: 3 });
    expect(problem.promptFigure).toBeUndefined();
    expect(givesKeyAway(problem, problem.figure!)).toBe(true);
  });

  for (const template of ["inception.params", "residual.bottleneck-params", "residual.shortcut-params"]) {
    it(`${template}: over 40 seeds in both languages the diagram never writes the key, and reaches the learner with the prompt`, () => {
      for (const seed of SEEDS) {
        for (const lang of ["en", "zh-CN"] as const) {
          const problem = sampleProblem({ template, seed, lang });
          expect(problem.answer.kind).toBe("integer");
          expect(problem.promptFigure?.svg).toMatch(/^<svg/);
          expect(givesKeyAway(problem, problem.promptFigure!)).toBe(false);
          const view = toLearnerView(problem);
          expect(view).toHaveProperty("promptFigure", problem.promptFigure);
          for (const secret of ["answer", "check", "solution", "figure"]) expect(view).not.toHaveProperty(secret);
        }
      }
    });
  }
});
