import { describe, expect, it } from "vitest";
import { randomOps, run } from "@/lib/engine";
import { tf } from "@/lib/engine/tf";

describe("run frees every tensor it makes", () => {
  it("leaves tf.memory().numTensors unchanged after 10,000 ops of every kind, refused ones included", () => {
    const ops = randomOps(4, 500);
    const refused = [
      { op: "corr2d", input: [[1, 2], [3, 4]], kernel: [[1, 2, 3]] },
      { op: "corr2d", input: [[3e38, 3e38]], kernel: [[1, 1]] }, // refused after computing: the result overflows
      { op: "batchnorm", input: [[1, 1], [1, 1]], eps: 0 }, // refused after computing: zero variance, eps 0
    ];
    const before = tf.memory().numTensors;
    let failures = 0;
    for (let i = 0; i < 10_000; i++) {
      try {
        run(i % 20 === 19 ? refused[i % refused.length] : ops[i % ops.length]);
      } catch {
        failures++;
      }
    }
    expect(failures).toBe(500);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
