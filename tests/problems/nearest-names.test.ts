import { describe, expect, it } from "vitest";
import { listTemplates, nearestNames, ProblemError, sampleProblem, unknownTemplateMessage } from "@/lib/problems";

const names = ["conv.output-size", "conv.output-size-stack", "tconv.output-size", "dilated.output-size", "pooling.max-values", "params.dense-vs-conv", "nin.gap-vs-dense"];

describe("nearestNames", () => {
  it("finds a typo within a few edits, nearest first", () => {
    // by hand: conv.outptu-size → conv.output-size is 2 edits (swap t/u as two substitutions), tconv… 3
    expect(nearestNames("conv.outptu-size", names)).toEqual(["conv.output-size", "tconv.output-size"]);
  });

  it("prefers names that contain what was typed whole", () => {
    expect(nearestNames("params.dense", names)).toEqual(["params.dense-vs-conv"]);
    expect(nearestNames("output-size", names)).toEqual(["conv.output-size", "tconv.output-size", "dilated.output-size"]);
  });

  it("falls back to the last dotted part, so a wrong prefix still finds the template", () => {
    expect(nearestNames("pool.max-values", names)).toEqual(["pooling.max-values"]);
  });

  it("finds nothing for a name far from all of them, or for nothing typed", () => {
    expect(nearestNames("conv.nope", names)).toEqual([]);
    expect(nearestNames("  ", names)).toEqual([]);
  });

  it("ignores case and stops at the limit", () => {
    expect(nearestNames("CONV.OUTPUT-SIZE-STAK", names, 1)).toEqual(["conv.output-size-stack"]);
  });
});

describe("an unknown template", () => {
  it("is refused with the nearest ids when it looks like a typo", () => {
    const count = listTemplates().length;
    expect(unknownTemplateMessage("conv.outptu-size")).toBe(
      `unknown template "conv.outptu-size"; did you mean conv.output-size or tconv.output-size? (${count} templates in all)`,
    );
    expect(() => sampleProblem({ template: "dense-vs-conv", seed: 1 })).toThrow(
      new ProblemError("unknown-template", `unknown template "dense-vs-conv"; did you mean params.dense-vs-conv? (${count} templates in all)`),
    );
  });

  it("is refused with the whole list when nothing is close", () => {
    expect(unknownTemplateMessage("zzz")).toBe(`unknown template "zzz"; known templates: ${listTemplates().map((t) => t.template).join(", ")}`);
  });
});
