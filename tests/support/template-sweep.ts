import { expect } from "vitest";
import { analyze, run, selectPath } from "@/lib/engine";
import { type Answer, LANGS, type Problem, requireTemplate, sampleProblem, toLearnerView } from "@/lib/problems";

/** Seeds 0…199, the sweep every template passes (issue 5, "Acceptance"). */
export const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);

/** The engine's value at the problem's `check`, evaluated afresh. */
export function engineValue(problem: Pick<Problem, "check">): unknown {
  const check = problem.check;
  if (!check) throw new Error("expected a check");
  return selectPath(check.mode === "analyze" ? analyze(check.spec) : run(check.op as never), check.select);
}

/**
 * Over 200 seeds: the variant is valid, deterministic, keyed by a fresh engine evaluation of its
 * check and by the test's own formula, samples in both languages with balanced inline maths and no
 * message key left over, and keeps key, check and solution out of the learner's view.
 */
export function expectSweep(template: string, topic: string, kind: Answer["kind"], keyByFormula: (problem: Problem) => unknown): void {
  for (const seed of SEEDS) {
    const en = sampleProblem({ template, seed });
    expect(en).toMatchObject({ template, seed, lang: "en", topic });
    expect(en.answer.kind).toBe(kind);
    expect(en.answer.value).toEqual(engineValue(en));
    expect(en.answer.value, `seed ${seed}`).toEqual(keyByFormula(en));
    expect(sampleProblem({ template, seed })).toEqual(en);
    const zh = sampleProblem({ template, seed, lang: "zh-CN" });
    expect(zh.answer).toEqual(en.answer);
    expect(zh.check).toEqual(en.check);
    expect(zh.prompt).toMatch(/[\u4e00-\u9fff]/);
    for (const text of [en.prompt, en.solution, zh.prompt, zh.solution]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.split("$").length % 2, text).toBe(1);
      expect(text).not.toMatch(/mistakes\.|undefined|NaN|\[object /);
    }
    for (const lang of LANGS) {
      const view = toLearnerView(sampleProblem({ template, seed, lang }));
      expect(JSON.stringify(view)).not.toMatch(/"answer"|"check"|"solution"/);
    }
  }
}

/** Every listed misconception gives an answer of the template's kind that differs from the key on some seed. */
export function expectMisconceptions(template: string, ids: string[]): void {
  const registered = requireTemplate(template);
  const differing = new Set<string>();
  for (const seed of SEEDS) {
    const key = sampleProblem({ template, seed }).answer;
    const misconceptions = registered.misconceptions(seed);
    expect(misconceptions.map((m) => m.id)).toEqual(ids);
    for (const misconception of misconceptions) {
      expect(misconception.wrongAnswer.kind).toBe(key.kind);
      for (const lang of LANGS) expect(misconception.feedback[lang].length).toBeGreaterThan(0);
      if (JSON.stringify(misconception.wrongAnswer.value) !== JSON.stringify(key.value)) differing.add(misconception.id);
    }
  }
  expect([...differing].sort()).toEqual([...ids].sort());
}
