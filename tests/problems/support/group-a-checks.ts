import { expect } from "vitest";
import { type CatalogueTree, expectSameKeysAndArguments, flattenCatalogue } from "../../support/catalogue-checks";
import { analyze, run, selectPath } from "@/lib/engine";
import { type Answer, type Problem, requireTemplate, sampleProblem } from "@/lib/problems";

/** The seeds every template is checked over. */
export const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);

/** A template's own catalogue: the same keys and ICU arguments in both languages, no LaTeX inside. */
export function expectCataloguesAgree(catalogues: { en: CatalogueTree; "zh-CN": CatalogueTree }): void {
  const en = flattenCatalogue(catalogues.en);
  const zh = flattenCatalogue(catalogues["zh-CN"]);
  expectSameKeysAndArguments(en, zh);
  for (const message of [...en.values(), ...zh.values()]) expect(message).not.toMatch(/\\[a-z]+/);
}

/** Both languages of one variant, checked: same key and check, texts non-empty with balanced maths. */
export function sampleBoth(template: string, seed: number): { en: Problem; zh: Problem } {
  const en = sampleProblem({ template, seed, lang: "en" });
  const zh = sampleProblem({ template, seed, lang: "zh-CN" });
  expect(zh.answer).toEqual(en.answer);
  expect(zh.check).toEqual(en.check);
  for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) {
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.split("$").length % 2, text).toBe(1);
  }
  expect(sampleProblem({ template, seed, lang: "en" })).toEqual(en); // deterministic
  return { en, zh };
}

/** The key is a fresh engine evaluation of the problem's check. */
export function expectKeyFromEngine(problem: Problem): void {
  const check = problem.check;
  if (!check) throw new Error("expected a check");
  const answer = check.mode === "analyze" ? analyze(check.spec) : run(check.op as never);
  expect(problem.answer.value).toEqual(selectPath(answer, check.select));
}

/** Matrices equal entry by entry within `tolerance` (absolute), with the same dimensions. */
export function expectMatrixClose(actual: Answer["value"], expected: number[][], tolerance = 1e-5): void {
  const matrix = actual as number[][];
  expect(matrix.map((row) => row.length)).toEqual(expected.map((row) => row.length));
  matrix.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x - (expected[i]?.[j] ?? NaN))).toBeLessThanOrEqual(tolerance)));
}

const numbersOf = (value: unknown): unknown[] => (Array.isArray(value) ? [`[${value.length}`, ...value.flatMap(numbersOf)] : [value]);

/** Whether two answers differ beyond float32 rounding (relative 1e-4), dimensions included. */
function answersDiffer(a: Answer["value"], b: Answer["value"]): boolean {
  const xs = numbersOf(a);
  const ys = numbersOf(b);
  return (
    xs.length !== ys.length ||
    xs.some((x, i) => {
      const y = ys[i];
      return typeof x === "number" && typeof y === "number" ? Math.abs(x - y) > 1e-4 * Math.max(1, Math.abs(y)) : x !== y;
    })
  );
}

/** The ids of the misconceptions whose wrong answer differs from the key on some seed, feedback checked in both languages. */
export function misconceptionsThatDiffer(template: string): string[] {
  const registered = requireTemplate(template);
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    const key = sampleProblem({ template, seed }).answer;
    for (const misconception of registered.misconceptions(seed)) {
      expect(misconception.wrongAnswer.kind).toBe(key.kind);
      expect(misconception.feedback.en.length).toBeGreaterThan(0);
      expect(misconception.feedback["zh-CN"].length).toBeGreaterThan(0);
      expect(misconception.feedback["zh-CN"]).not.toBe(misconception.feedback.en);
      if (answersDiffer(misconception.wrongAnswer.value, key.value)) seen.add(misconception.id);
    }
  }
  return [...seen].sort();
}

/** The op of a problem keyed by `run`, typed as the test reads it. */
export function runOpOf<T>(problem: Problem): T {
  if (problem.check?.mode !== "run") throw new Error(`${problem.template}: expected a run check`);
  return problem.check.op as unknown as T;
}
