import { describe, expect, it } from "vitest";
import { EngineError, run } from "@/lib/engine";
import { runMany } from "@/lib/engine/run-batch";
import { tf } from "@/lib/engine/tf";

/**
 * `runMany` groups single-channel correlations into one depthwise convolution; its answers must
 * be `run`'s bit for bit, which the values here make visible: fractions like 3/7 are not exact
 * in float32, so an accumulation in another order or precision would change last bits.
 */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawOps(seed: number, count: number): unknown[] {
  const random = seeded(seed);
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const value = () => int(-300, 300) / int(1, 13);
  const grid = (h: number, w: number) => Array.from({ length: h }, () => Array.from({ length: w }, value));
  const ops: unknown[] = [];
  for (let i = 0; i < count; i++) {
    // few geometries, so that groups form; some ops fall outside any group
    const kind = int(0, 9);
    const size = int(4, 6);
    const k = int(1, 3);
    const common = {
      ...(int(0, 2) === 0 ? { stride: int(1, 2) } : {}),
      ...(int(0, 2) === 0 ? { padding: int(0, 1) } : {}),
      ...(int(0, 3) === 0 ? { dilation: 2 } : {}),
    };
    if (kind <= 3) ops.push({ op: "corr2d", input: grid(size, size), kernel: grid(k, k), ...common });
    else if (kind === 4) ops.push({ op: "conv2d", input: grid(size, size), kernel: grid(k, k), bias: value(), ...common });
    else if (kind === 5) ops.push({ op: "corr2d", input: [grid(size, size)], kernel: [[grid(k, k)], [grid(k, k)]], bias: [value(), value()], ...common });
    else if (kind === 6) ops.push({ op: "corr1d", input: grid(1, size)[0], kernel: grid(1, k)[0], ...(int(0, 1) ? { padding: 1 } : {}) });
    else if (kind === 7) ops.push({ op: "corr2d", input: [grid(size, size), grid(size, size)], kernel: [grid(k, k), grid(k, k)] });
    else if (kind === 8) ops.push({ op: "relu", input: grid(2, 2) });
    else ops.push({ op: "corr2d", input: grid(2, 2), kernel: grid(3, 3) }); // kernel larger than the input: an error
  }
  return ops;
}

function answerOf(spec: unknown): unknown {
  try {
    return run(spec);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
}

describe("runMany", () => {
  it("answers 600 mixed ops exactly as run answers each, errors included, in order", () => {
    const ops = drawOps(13, 600);
    const many = runMany(ops);
    expect(many).toHaveLength(ops.length);
    ops.forEach((spec, index) => {
      const one = answerOf(spec);
      const got = many[index];
      if (one instanceof EngineError) {
        expect(got).toBeInstanceOf(EngineError);
        expect((got as EngineError).message).toBe(one.message);
      } else {
        // the CLI writes JSON: the same text, and the same numbers down to the sign of zero
        expect(JSON.stringify(got)).toBe(JSON.stringify(one));
        expect(got).toEqual(one);
      }
    });
  });

  it("computes d2l's corr2d example in a group as alone", () => {
    // d2l 6.2 (zh) / 7.2 (en): X = 0..8 as 3×3, K = [[0, 1], [2, 3]] → [[19, 25], [37, 43]]
    const spec = { op: "corr2d", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]] };
    const answers = runMany([spec, spec, { ...spec, kernel: [[1, 0], [0, 0]] }]);
    expect(answers[0]).toEqual({ output: [[19, 25], [37, 43]] });
    expect(answers[1]).toEqual({ output: [[19, 25], [37, 43]] });
    // by hand: the top-left tap alone picks X[0..1][0..1]
    expect(answers[2]).toEqual({ output: [[0, 1], [3, 4]] });
  });

  it("leaves no tensor behind", () => {
    const before = tf.memory().numTensors;
    runMany(drawOps(7, 200));
    expect(tf.memory().numTensors).toBe(before);
  });
});
