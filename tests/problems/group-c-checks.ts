import { expect } from "vitest";
import { analyze, run, selectPath } from "@/lib/engine";
import { createRng, type Problem, type ProblemTemplate, requireTemplate, sampleProblem } from "@/lib/problems";

/**
 * The checks every computed template of group C passes over 200 seeds: the key is a fresh engine
 * evaluation of its check and equals the test's own formula, prompt and solution exist in both
 * languages, and every listed misconception gives a different answer of the same kind somewhere.
 */
export function checkComputedTemplate<P>(
  template: ProblemTemplate<P>,
  expected: { topic: string; keyByHand: (params: P) => unknown; misconceptions: string[]; zhTerms: RegExp[] },
): void {
  const seen = new Set<string>();
  const difficulties = new Set<string>();
  for (let seed = 0; seed < 200; seed += 1) {
    const params = template.generate(createRng(seed));
    difficulties.add((params as { difficulty?: string }).difficulty ?? "");
    const en = sampleProblem({ template: template.id, seed });
    const zh = sampleProblem({ template: template.id, seed, lang: "zh-CN" });
    expect(en).toMatchObject({ template: template.id, seed, topic: expected.topic });
    expect(en.answer.kind).toBe(template.answerKind);
    expect(en.answer.value).toEqual(engineValue(en));
    expect(en.answer.value, `seed ${seed}`).toEqual(expected.keyByHand(params));
    expect(zh.answer).toEqual(en.answer);
    expect(zh.check).toEqual(en.check);
    for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text.split("$").length % 2, text).toBe(1);
      expect(text).not.toMatch(/undefined|NaN/);
      // Outside the maths, a `{name}` would be an ICU argument left unfilled.
      expect(text.replace(/\$\$[^$]*\$\$|\$[^$]*\$/g, "")).not.toMatch(/\{\w+\}/);
    }
    for (const term of expected.zhTerms) expect(zh.prompt + zh.solution).toMatch(term);
    for (const misconception of requireTemplate(template.id).misconceptions(seed)) {
      expect(misconception.wrongAnswer.kind).toBe(en.answer.kind);
      expect(misconception.feedback.en.length).toBeGreaterThan(0);
      expect(misconception.feedback["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      // A rule that would give the key in this variant is left out of it, so grading never names it for a right answer.
      expect(misconception.wrongAnswer.value, `${misconception.id}, seed ${seed}`).not.toEqual(en.answer.value);
      seen.add(misconception.id);
    }
  }
  expect([...difficulties].sort()).toEqual([...template.difficulties].sort());
  expect([...seen].sort()).toEqual([...expected.misconceptions].sort());
  expect(sampleProblem({ template: template.id, seed: 7 })).toEqual(sampleProblem({ template: template.id, seed: 7 }));
}

function engineValue(problem: Problem): unknown {
  if (!problem.check) throw new Error(`${problem.template}: a computed template needs a check`);
  const answer = problem.check.mode === "analyze" ? analyze(problem.check.spec) : run(problem.check.op as never);
  return selectPath(answer, problem.check.select);
}
