import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import type { DesignConstraint, Problem } from "@/lib/problems";

/** A design problem with these constraints and no template behind it (so no misconceptions). */
function designProblem(constraints: DesignConstraint[]): Problem {
  return {
    template: "test.design",
    seed: 0,
    lang: "en",
    topic: "design",
    difficulty: "easy",
    prompt: "",
    answer: { kind: "spec", value: constraints },
    check: null,
    solution: "",
  };
}

const grade = (constraints: DesignConstraint[], answer: unknown) => {
  const result = gradeAnswer({ problem: designProblem(constraints), answer: JSON.stringify(answer), misconceptions: [] });
  if (!result.gradable) throw new Error(`format error: ${result.formatError.en}`);
  return result;
};
const conv = (filters: number, kernel: number, extra: Record<string, unknown> = {}) => ({ type: "conv2d", filters, kernel, ...extra });
const lines = (feedback: string) => feedback.split("\n").filter((line) => line.startsWith("- "));

describe("gradeSpec: the engine analyses the learner's own spec and every constraint is checked", () => {
  it("a 3×3 convolution from 3 to 16 channels has 3·3·3·16 + 16 = 448 parameters: within 448, over 447 (d2l 7.4.2: k_h·k_w·c_i·c_o weights and c_o biases)", () => {
    const spec = { input: [3, 32, 32], layers: [conv(16, 3, { padding: 1 })] };
    expect(grade([{ kind: "max-params", max: 448 }], spec)).toMatchObject({ score: 1, correct: true });
    const over = grade([{ kind: "max-params", max: 447 }], spec);
    expect(over).toMatchObject({ score: 0, correct: false });
    expect(over.feedback.en).toContain("✗ not met: **Parameters**");
    expect(over.feedback.en).toContain("your network has $448$");
    expect(over.feedback["zh-CN"]).toContain("✗ 未满足：**参数量**");
  });

  it("padding 1 keeps a 32×32 map under a 3×3 kernel; without it the side is 32 − 3 + 1 = 30 (d2l 7.3.1)", () => {
    const shape: DesignConstraint = { kind: "output-shape", shape: [16, 32, 32] };
    expect(grade([shape], { input: [3, 32, 32], layers: [conv(16, 3, { padding: 1 })] }).correct).toBe(true);
    const wrong = grade([shape], { input: [3, 32, 32], layers: [conv(16, 3)] });
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback.en).toContain("your network outputs $[16, 30, 30]$");
  });

  it("3×32×32 to 64×8×8 with at most 20,000 parameters, 3×3 convolutions and pooling only (issue 13's example): 3·3·3·32 + 32 + 3·3·32·64 + 64 = 19,392", () => {
    const constraints: DesignConstraint[] = [
      { kind: "input-shape", shape: [3, 32, 32] },
      { kind: "output-shape", shape: [64, 8, 8] },
      { kind: "max-params", max: 20_000 },
      { kind: "layer-types", allowed: ["conv2d", "relu", "maxpool2d"] },
      { kind: "kernel-sizes", allowed: [3] },
    ];
    const pool = { type: "maxpool2d", kernel: 2 };
    const right = grade(constraints, { layers: [conv(32, 3, { padding: 1 }), { type: "relu" }, pool, conv(64, 3, { padding: 1 }), { type: "relu" }, pool] });
    expect(right).toMatchObject({ score: 1, correct: true });
    expect(right.feedback.en).toContain("your network has $19{,}392$");
    expect(lines(right.feedback.en)).toHaveLength(5);
    // The same with a 5×5 first kernel: 5·5·3·32 + 32 + 18,496 = 20,928 parameters, two constraints broken.
    const wide = grade(constraints, { layers: [conv(32, 5, { padding: 2 }), { type: "relu" }, pool, conv(64, 3, { padding: 1 }), { type: "relu" }, pool] });
    expect(wide).toMatchObject({ score: 3 / 5, correct: false });
    expect(wide.feedback.en).toContain("your network has $20{,}928$");
    expect(wide.feedback.en).toContain("✗ not met: **Kernel size**");
    expect(wide.feedback.en).toContain("layer `0` has a $5 \\times 5$ kernel");
    expect(wide.feedback.en.startsWith("Not quite: your network meets 3 of the 5 constraints.")).toBe(true);
  });

  it("names the first layer whose type is not allowed, and whose dilation is not the asked one", () => {
    const types = grade([{ kind: "layer-types", allowed: ["conv2d"] }], { input: [1, 8, 8], layers: [conv(2, 3), { type: "avgpool2d", kernel: 2 }] });
    expect(types.feedback.en).toContain("layer `1` is a `avgpool2d`");
    const dilation: DesignConstraint = { kind: "dilation", value: 2 };
    expect(grade([dilation], { input: [1, 16, 16], layers: [conv(2, 5, { dilation: 2, padding: 4 })] }).correct).toBe(true);
    const second = grade([dilation], { input: [1, 16, 16], layers: [conv(2, 5, { dilation: 2 }), conv(2, 3)] });
    expect(second.feedback.en).toContain("layer `1` has dilation $1$");
  });

  it("keeps a 5×5 kernel of dilation 2 at 16×16 with padding d·(k − 1)/2 = 4; its field is 2·4 + 1 = 9 (NNDL 5.5.2)", () => {
    const constraints: DesignConstraint[] = [
      { kind: "output-shape", shape: [8, 16, 16] },
      { kind: "min-receptive-field", min: 9 },
    ];
    expect(grade(constraints, { input: [1, 16, 16], layers: [conv(8, 5, { dilation: 2, padding: 4 })] }).correct).toBe(true);
    // Padding (k − 1)/2 = 2 ignores the dilation: 16 + 4 − 8 − 1 + 1 = 12.
    const undilated = grade(constraints, { input: [1, 16, 16], layers: [conv(8, 5, { dilation: 2, padding: 2 })] });
    expect(undilated).toMatchObject({ score: 1 / 2 });
    expect(undilated.feedback.en).toContain("your network outputs $[8, 12, 12]$");
  });

  it("three 3×3 stride-1 layers see 1 + 3·2 = 7 pixels; a 2×2 pooling of stride 2 after the first makes it 3 + 1 + 2·2·2 = 12 (d2l 7.2.6)", () => {
    const field = (min: number): DesignConstraint[] => [{ kind: "min-receptive-field", min }, { kind: "conv-count", count: 3 }];
    const plain = { input: [1, 32, 32], layers: [conv(4, 3), conv(4, 3), conv(4, 3)] };
    expect(grade(field(7), plain).correct).toBe(true);
    const short = grade(field(8), plain);
    expect(short).toMatchObject({ score: 1 / 2 });
    expect(short.feedback.en).toContain("yours is $7 \\times 7$");
    const pooled = { input: [1, 32, 32], layers: [conv(4, 3), { type: "maxpool2d", kernel: 2 }, conv(4, 3), conv(4, 3)] };
    expect(grade(field(12), pooled).correct).toBe(true);
    expect(grade(field(13), pooled).feedback.en).toContain("yours is $12 \\times 12$");
  });

  it("counts convolutional layers exactly, inside composites too", () => {
    const two = grade([{ kind: "conv-count", count: 2 }], { input: [2, 8, 8], layers: [conv(2, 3, { padding: 1 }), { type: "residual", body: [conv(2, 3, { padding: 1 })] }] });
    expect(two.correct).toBe(true);
    expect(grade([{ kind: "conv-count", count: 3 }], { input: [2, 8, 8], layers: [conv(2, 3)] }).feedback.en).toContain("yours has $1$");
  });

  it("fills in a missing input from the input-shape constraint, and fails that constraint for another input", () => {
    const constraints: DesignConstraint[] = [{ kind: "input-shape", shape: [3, 8, 8] }, { kind: "output-shape", shape: [4, 8, 8] }];
    expect(grade(constraints, { layers: [conv(4, 3, { padding: 1 })] }).correct).toBe(true);
    const other = grade(constraints, { input: [1, 8, 8], layers: [conv(4, 3, { padding: 1 })] });
    expect(other).toMatchObject({ score: 1 / 2, correct: false });
    expect(other.feedback.en).toContain("your spec takes $[1, 8, 8]$");
  });

  it("a spec the engine refuses is a format error quoting the engine, which names the layer, in both languages", () => {
    const result = gradeAnswer({ problem: designProblem([{ kind: "input-shape", shape: [1, 8, 8] }]), answer: '[{"type": "conv2d", "filters": 4, "kernel": 9}]', misconceptions: [] });
    expect(result.gradable).toBe(false);
    if (result.gradable) return;
    expect(result.formatError.en).toMatch(/^The engine cannot build this network: .*layer 0/);
    expect(result.formatError["zh-CN"]).toMatch(/^引擎无法构建这个网络：.*layer 0/);
  });

  it("a format error says what was wrong and what a spec looks like, naming the field", () => {
    const result = gradeAnswer({ problem: designProblem([{ kind: "input-shape", shape: [1, 8, 8] }]), answer: '{"layers": [{"type": "relu"}, {"filters": 2}]}', misconceptions: [] });
    expect(result.gradable).toBe(false);
    if (result.gradable) return;
    expect(result.formatError.en).toContain("Layer `1` has no “type”");
    expect(result.formatError.en).toContain('{"layers": [');
    expect(result.formatError["zh-CN"]).toContain("第 `1` 层没有 “type”");
  });

  it("a misconception matches only when the constraints it names are exactly the ones broken", () => {
    const constraints: DesignConstraint[] = [{ kind: "output-shape", shape: [4, 8, 8] }, { kind: "max-params", max: 50 }];
    const misconceptions = [{ id: "shape-only", wrongAnswer: { kind: "spec" as const, value: [{ kind: "output-shape" as const, shape: [] }] }, feedback: { en: "Mind the padding.", "zh-CN": "注意填充。" } }];
    const problem = designProblem(constraints);
    // 3·3·1·4 + 4 = 40 parameters, within 50; no padding gives 6×6.
    const shapeOnly = gradeAnswer({ problem, answer: '{"input": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 4, "kernel": 3}]}', misconceptions });
    expect(shapeOnly).toMatchObject({ gradable: true, mistake: "shape-only" });
    // 3·3·1·8 + 8 = 80 parameters and the wrong shape: two broken, no match.
    const both = gradeAnswer({ problem, answer: '{"input": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 8, "kernel": 3}]}', misconceptions });
    expect(both).toMatchObject({ gradable: true, score: 0 });
    expect(both).not.toHaveProperty("mistake");
  });
});
