import { describe, expect, it } from "vitest";
import {
  getTemplate,
  listTemplates,
  MAX_SEED,
  parseSeed,
  ProblemError,
  sampleProblem,
} from "@/lib/problems";

function problemError(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a ProblemError");
}

describe("sampleProblem", () => {
  it("produces a valid variant for seed 7, the seed of DESIGN.md's CLI example", () => {
    const problem = sampleProblem({ template: "conv.output-size", seed: 7 });
    expect(Object.keys(problem)).toEqual(["template", "seed", "lang", "topic", "difficulty", "prompt", "answer", "check", "solution", "figure"]);
    expect(problem.answer.kind).toBe("shape");
  });

  it("refuses an unknown template, naming the known ones", () => {
    const error = problemError(() => sampleProblem({ template: "conv.nope", seed: 1 }));
    expect(error.code).toBe("unknown-template");
    // Every registered template is listed, in registration order, conv.output-size first.
    expect(error.message).toMatch(/^unknown template "conv\.nope"; known templates: conv\.output-size(, [a-z0-9.-]+)*$/);
  });

  it.each([-1, 1.5, Number.NaN, MAX_SEED + 1, "abc", "7"])("refuses the seed %s", (seed) => {
    const error = problemError(() => sampleProblem({ template: "conv.output-size", seed: seed as number }));
    expect(error.code).toBe("invalid-seed");
  });

  it("accepts the largest seed, 2^31 − 1", () => {
    expect(sampleProblem({ template: "conv.output-size", seed: MAX_SEED }).seed).toBe(2147483647);
  });

  it("refuses a language other than en and zh-CN", () => {
    expect(problemError(() => sampleProblem({ template: "conv.output-size", seed: 1, lang: "fr" as "en" })).code).toBe(
      "invalid-lang",
    );
  });
});

describe("parseSeed", () => {
  it("reads decimal digits as the CLI receives them", () => {
    expect(parseSeed("42")).toBe(42);
    expect(parseSeed(0)).toBe(0);
  });

  it.each(["-1", "1.5", "abc", "1e3", "", "2147483648"])("refuses %j", (text) => {
    expect(problemError(() => parseSeed(text)).code).toBe("invalid-seed");
  });
});

describe("the template registry", () => {
  it("lists each template with its topic, titles in both languages and answer kind", () => {
    const templates = listTemplates();
    // Registration order: conv.output-size first, then groups A, B and C (registry.ts).
    expect(templates[0]).toEqual({
      template: "conv.output-size",
      topic: "conv-arithmetic",
      title: { en: "Output shape of a convolutional layer", "zh-CN": "卷积层的输出形状" },
      answerKind: "shape",
      difficulties: ["easy", "medium", "hard"],
    });
    expect(new Set(templates.map((info) => info.template)).size).toBe(templates.length);
    for (const info of templates) {
      expect(info.template).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(info.title.en.length).toBeGreaterThan(0);
      expect(info.title["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("finds a template by id, and nothing for an unknown one", () => {
    expect(getTemplate("conv.output-size")?.topic).toBe("conv-arithmetic");
    expect(getTemplate("conv.nope")).toBeUndefined();
  });
});
