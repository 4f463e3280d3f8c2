import { describe, expect, it } from "vitest";
import { variableLabel } from "@/app/teach/[courseId]/stats/variable-label";

describe("variableLabel", () => {
  it("reads a layer's field, numbering layers from 1", () => {
    expect(variableLabel("spec.layers.0.kernel")).toEqual({ kind: "layer", layer: 1, field: "kernel" });
    expect(variableLabel("spec.layers.3.stride")).toEqual({ kind: "layer", layer: 4, field: "stride" });
  });

  it("reads the input's axes and an op's fields", () => {
    expect(variableLabel("spec.input.0")).toEqual({ kind: "input", axis: 0 });
    expect(variableLabel("op.padding")).toEqual({ kind: "op", field: "padding" });
  });

  it("leaves an author's variable, a nested layer and an unknown field to be shown as written", () => {
    expect(variableLabel("s")).toBeNull();
    expect(variableLabel("spec.layers.3.body.0.kernel")).toBeNull();
    expect(variableLabel("spec.layers.0.name")).toBeNull();
    expect(variableLabel("op.kernel.0")).toBeNull();
  });
});
