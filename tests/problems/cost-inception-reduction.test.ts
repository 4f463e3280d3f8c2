import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { costInceptionReductionTemplate, type CostInceptionReductionParams } from "@/lib/problems/templates/cost-inception-reduction";
import { costInceptionReductionCatalogues } from "@/lib/problems/templates/cost-inception-reduction.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, selectOf, specOf, sumOf } from "./support/cost-checks";

const TEMPLATE = "cost.inception-reduction";

const keyOf = (params: CostInceptionReductionParams) => {
  const check = costInceptionReductionTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select);
};

const wrong = (id: string, params: CostInceptionReductionParams) => costInceptionReductionTemplate.misconceptions.find((m) => m.id === id)!.wrongAnswer(params);

describe("cost.inception-reduction", () => {
  it("over 200 seeds: the key is the engine's, and k²·C·N or C·R + k²·R·N (times H·W for MACs) by hand; the size is kept", () => {
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "integer" } });
      expectKeyFromEngine(en);
      const spec = specOf(en);
      const rows = countSpec(spec);
      const [c, h, w] = spec.input as [number, number, number];
      expect(rows.at(-1)!.outputShape.slice(1)).toEqual([h, w]);
      const convs = (spec.layers as unknown as { kernel: number; filters: number }[]).filter((layer) => "filters" in layer);
      const positions = selectOf(en) === "totalMacs" ? h * w : 1;
      const byHand =
        convs.length === 1
          ? convs[0]!.kernel ** 2 * c * convs[0]!.filters * positions
          : (c * convs[0]!.filters + convs[1]!.kernel ** 2 * convs[0]!.filters * convs[1]!.filters) * positions;
      expect(en.answer.value).toBe(byHand);
      expect(en.answer.value).toBe(sumOf(rows, selectOf(en) === "totalMacs" ? "macs" : "params"));
      expect(zh.prompt).toMatch(/各层都没有偏置/);
    }
  });

  it("NNDL exercise 5-4: a 3×3 convolution 256 → 256 on 100×100 takes 5,898,240,000 MACs and 589,824 weights; after a 1×1 reduction to 64, 1,638,400,000 and 163,840", () => {
    // NNDL ch. 5, exercise 5-4's layer; by hand: 100·100·9·256·256; 9·256·256; 100·100·(256·64 + 9·64·256); 256·64 + 9·64·256
    const direct: CostInceptionReductionParams = { difficulty: "easy", channelsIn: 256, size: 100, kernel: 3, reduce: 64, filters: 256, variant: "direct", asked: "macs" };
    const reduced = { ...direct, difficulty: "hard" as const, variant: "reduced" as const };
    expect(keyOf(direct)).toBe(5_898_240_000);
    expect(keyOf(reduced)).toBe(1_638_400_000);
    expect(keyOf({ ...direct, asked: "params" })).toBe(589_824);
    expect(keyOf({ ...reduced, asked: "params" })).toBe(163_840);
    // The saving NNDL's exercise is after: 3.6 times fewer MACs
    expect(5_898_240_000 / 1_638_400_000).toBe(3.6);
    expect(wrong("bottleneck-ignored", reduced)).toBe(5_898_240_000);
    expect(wrong("reduction-cost-forgotten", reduced)).toBe(1_474_560_000);
  });

  it("GoogLeNet's block 3a 5×5 branch, 28×28×192 → 16 → 32: about 120.4 million MACs directly, 12.4 million with the reduction", () => {
    // Szegedy et al. 2015, Table 1 (inception 3a: #5×5 reduce 16, #5×5 32, input 28×28×192); d2l's Inception(192, 64, (96, 128), (16, 32), 32);
    // by hand: 28·28·25·192·32 = 120,422,400; 28·28·(192·16 + 25·16·32) = 12,443,648
    const direct: CostInceptionReductionParams = { difficulty: "easy", channelsIn: 192, size: 28, kernel: 5, reduce: 16, filters: 32, variant: "direct", asked: "macs" };
    expect(keyOf(direct)).toBe(120_422_400);
    expect(keyOf({ ...direct, variant: "reduced" })).toBe(12_443_648);
  });

  it("names both branches, the saving and the ratio in the solution", () => {
    const params: CostInceptionReductionParams = { difficulty: "hard", channelsIn: 192, size: 28, kernel: 5, reduce: 16, filters: 32, variant: "reduced", asked: "macs" };
    const { solution } = costInceptionReductionTemplate.render(params, { kind: "integer", value: 12_443_648 }, "en");
    expect(solution).toContain("= 120422400");
    expect(solution).toContain("= 12443648");
    expect(solution).toContain("$107{,}978{,}752$"); // 120,422,400 − 12,443,648
    expect(solution).toContain("$1/9.68$"); // 120,422,400 / 12,443,648 ≈ 9.677
    expect(() => costInceptionReductionTemplate.render(params, { kind: "integer", value: 120_422_400 }, "en")).toThrow(/worked solution/);
  });

  it("difficulty follows the work: easy the direct convolution; medium the reduced branch's parameters; hard its MACs", () => {
    const groups = byDifficulty(TEMPLATE);
    const convs = (problem: Parameters<typeof specOf>[0]) => countSpec(specOf(problem)).filter((row) => row.type === "conv2d").length;
    for (const problem of groups.easy) expect(convs(problem)).toBe(1);
    for (const problem of groups.medium) expect([convs(problem), selectOf(problem)]).toEqual([2, "totalParams"]);
    for (const problem of groups.hard) expect([convs(problem), selectOf(problem)]).toEqual([2, "totalMacs"]);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["bottleneck-ignored", "forgot-input-channels", "reduced-input-used", "reduction-cost-forgotten"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costInceptionReductionCatalogues);
  });
});
