import { describe, expect, it } from "vitest";
import { gradeAnswer } from "@/lib/grading";
import { type BuiltinQuestion, checkQuestionDefinition, parseQuestionDefinition, QuestionError, sampleQuestion } from "@/lib/questions";

const strideTwo = parseQuestionDefinition({
  kind: "builtin",
  title: { en: "Output size, stride 2" },
  template: "conv.output-size",
  constraints: [
    { path: "spec.layers.0.stride", in: [2] },
    { path: "spec.layers.0.kernel", min: 3, max: 5 },
  ],
}) as BuiltinQuestion;

type Conv = { kernel: number; stride: number; padding: number; filters: number };

describe("a built-in template narrowed by constraints on its check", () => {
  it("gives only stride-2 variants with kernels 3 to 5 over 100 seeds, keyed as d2l 6.3's formula says", () => {
    const started = performance.now();
    const kernels = new Set<number>();
    for (let seed = 0; seed < 100; seed += 1) {
      const { problem, source, variables } = sampleQuestion(strideTwo, { templateId: "question:q1", seed });
      expect(problem.template).toBe("question:q1");
      expect(problem.seed).toBe(seed);
      expect(source?.template).toBe("conv.output-size");
      if (problem.check?.mode !== "analyze") throw new Error("an analyze check was expected");
      const spec = problem.check.spec as unknown as { input: number[]; layers: Conv[] };
      const conv = spec.layers[0] as Conv;
      expect(conv.stride).toBe(2);
      expect(conv.kernel).toBeGreaterThanOrEqual(3);
      expect(conv.kernel).toBeLessThanOrEqual(5);
      kernels.add(conv.kernel);
      expect(variables).toMatchObject({ "spec.layers.0.stride": 2, "spec.layers.0.kernel": conv.kernel, "spec.input.1": spec.input[1] });
      // d2l zh 6.3 / en 7.3: floor((n + 2p − k)/s) + 1 on each side.
      const [, h] = spec.input as [number, number, number];
      const side = Math.floor((h + 2 * conv.padding - conv.kernel) / 2) + 1;
      expect(problem.answer).toEqual({ kind: "shape", value: [conv.filters, side, side] });
    }
    // The narrowing keeps variety: more than one kernel size survives.
    expect(kernels.size).toBeGreaterThan(1);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("is deterministic in the seed, and the catalog's misconceptions grade through the injection point", () => {
    const a = sampleQuestion(strideTwo, { templateId: "question:q1", seed: 7 });
    const b = sampleQuestion(strideTwo, { templateId: "question:q1", seed: 7, lang: "zh-CN" });
    expect(b.source).toEqual(a.source);
    expect(b.problem.answer).toEqual(a.problem.answer);
    expect(b.problem.lang).toBe("zh-CN");
    const right = (a.problem.answer.value as number[]).join("x");
    expect(gradeAnswer({ problem: a.problem, answer: right, misconceptions: a.misconceptions })).toMatchObject({ gradable: true, correct: true });
    expect(a.misconceptions.length).toBeGreaterThan(0);
  });

  it("keeps only the allowed difficulties", () => {
    const hard = parseQuestionDefinition({ kind: "builtin", title: { en: "Hard" }, template: "conv.output-size", difficulties: ["hard"] });
    for (let seed = 0; seed < 20; seed += 1) expect(sampleQuestion(hard, { templateId: "q", seed }).problem.difficulty).toBe("hard");
  });

  it("says clearly when no seed satisfies the constraints, and which path never occurred", () => {
    const impossible = parseQuestionDefinition({ kind: "builtin", title: { en: "x" }, template: "conv.output-size", constraints: [{ path: "spec.layers.0.strid", in: [2] }] });
    let thrown: unknown;
    try {
      sampleQuestion(impossible, { templateId: "q", seed: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QuestionError);
    expect((thrown as QuestionError).code).toBe("no-seed");
    expect((thrown as QuestionError).message).toMatch(/no seed satisfies these constraints[\s\S]*spec\.layers\.0\.strid never occurred/);
  });

  it("refuses an unknown template or a difficulty the template lacks, naming the field", () => {
    const unknown = checkQuestionDefinition({ kind: "builtin", title: { en: "x" }, template: "conv.nope" });
    expect(unknown).toMatchObject({ ok: false, issues: [{ path: "template", message: 'unknown template "conv.nope"' }] });
    const bounds = checkQuestionDefinition({ kind: "builtin", title: { en: "x" }, template: "conv.output-size", constraints: [{ path: "spec.layers.0.kernel", min: 5, max: 3 }] });
    expect(bounds).toMatchObject({ ok: false, issues: [{ path: "constraints.0.max" }] });
  });
});
