import { describe, expect, it } from "vitest";
import { answerDistance, OP_NAMES, randomOps, run } from "@/lib/engine";
import { prepareNodeEngine } from "@/lib/engine/backend-node";

describe("randomOps", () => {
  it("is a pure function of the seed, covering every op", () => {
    expect(randomOps(7, 50)).toEqual(randomOps(7, 50));
    expect(randomOps(7, 50)).not.toEqual(randomOps(8, 50));
    expect(new Set(randomOps(1, 200).map((op) => op.op))).toEqual(new Set(OP_NAMES));
  });

  it("draws only valid ops", () => {
    for (const op of randomOps(11, 2000)) expect(() => run(op), JSON.stringify(op)).not.toThrow();
  });
});

describe("the cpu and wasm backends", () => {
  it("agree on 1000 random ops within 1e-5 relative", async () => {
    // conv2d_grad needs tfjs's Conv2DBackpropFilter kernel, which the wasm backend lacks (tfjs 4.22).
    const ops = randomOps(2024, 1000).filter((op) => op.op !== "conv2d_grad");
    await prepareNodeEngine("cpu");
    const onCpu = ops.map((op) => run(op));
    await prepareNodeEngine("wasm");
    const onWasm = ops.map((op) => run(op));
    await prepareNodeEngine("cpu");
    const worst = Math.max(...ops.map((_, i) => answerDistance(onWasm[i]!, onCpu[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });

  it("refuses conv2d_grad on wasm, naming the backend that lacks the kernel gradient, and computes it on cpu", async () => {
    const op = { op: "conv2d_grad", input: [[1, 2], [3, 4]], kernel: [[1]], grad_output: [[1, 1], [1, 1]] };
    await prepareNodeEngine("wasm");
    expect(() => run(op)).toThrow(/wasm backend cannot differentiate a convolution by its kernel/);
    await prepareNodeEngine("cpu");
    expect(run(op)).toEqual({ grad_input: [[1, 1], [1, 1]], grad_kernel: [[10]], grad_bias: 4 });
  });
});

describe("answerDistance", () => {
  it("is relative above 1 and absolute below, and infinite when shapes differ", () => {
    expect(answerDistance({ output: [200.02] }, { output: [200] })).toBeCloseTo(1e-4, 8);
    expect(answerDistance({ output: [1e-7] }, { output: [0] })).toBeCloseTo(1e-7, 12);
    expect(answerDistance({ output: [[1, 2]] }, { output: [[1, 2, 3]] })).toBe(Infinity);
    expect(answerDistance({ output: [1], running_mean: [0] }, { output: [1] })).toBe(Infinity);
  });
});
