import { describe, expect, it } from "vitest";
import { analyze, EngineError, selectPath } from "@/lib/engine";

// A select path may end in unit factors (issue 13, cost problems): FLOPs are 2·MACs and float32
// activations take 4 bytes a value, quantities the engine answers in MACs and values.
const answer = analyze({ input: [1, 28, 28], layers: [{ type: "conv2d", filters: 6, kernel: 5, padding: 2 }] });

const refusal = (select: string) => {
  try {
    selectPath(answer, select);
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  return "accepted";
};

describe("select with unit factors", () => {
  it("doubles LeNet's first convolution's MACs into FLOPs", () => {
    // d2l 7.6's C1 on 1×28×28 with padding 2: 6·28·28·1·5·5 = 117,600 MACs, so 235,200 FLOPs (by hand)
    expect(selectPath(answer, "layers.0.macs")).toBe(117600);
    expect(selectPath(answer, "layers.0.macs*2")).toBe(235200);
  });

  it("turns values into float32 bytes and KiB, applying factors left to right", () => {
    // 6·28·28 = 4704 values, 18,816 bytes, 18,816 / 1024 = 18.375 KiB (by hand)
    expect(selectPath(answer, "totalOutputElements*4")).toBe(18816);
    expect(selectPath(answer, "totalOutputElements*4/1024")).toBe(18.375);
    expect(selectPath(answer, "layers.0.outputElements/2*4")).toBe(9408);
  });

  it("refuses a factor on a shape, a zero or decimal factor, and anything that is not a factor", () => {
    for (const select of ["outputShape*2", "totalMacs*0", "totalMacs*1.5", "totalMacs+1", "totalMacs*", "totalMacs*2x", "nothing*2"]) {
      expect(refusal(select), select).toBe("invalid-select");
    }
  });
});
