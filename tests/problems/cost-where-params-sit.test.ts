import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { conv, type CostLayer } from "@/lib/problems/templates/cost-layers";
import { costWhereParamsSitTemplate, type CostWhereParamsSitParams } from "@/lib/problems/templates/cost-where-params-sit";
import { costWhereParamsSitCatalogues } from "@/lib/problems/templates/cost-where-params-sit.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, selectOf, specOf, sumOf } from "./support/cost-checks";

const TEMPLATE = "cost.where-params-sit";

const keyOf = (params: CostWhereParamsSitParams) => {
  const check = costWhereParamsSitTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select) as number;
};

/** The two blocks of a problem's spec, counted by hand. */
function partsOf(problem: Parameters<typeof specOf>[0]) {
  const [features, classifier] = specOf(problem).layers;
  const input = specOf(problem).input;
  const featureRows = countSpec({ input, layers: [features!] });
  const classifierInput = featureRows.at(-1)!.outputShape;
  return { features: featureRows, classifier: countSpec({ input: classifierInput, layers: [classifier!] }) };
}

// d2l's LeNet (d2l 7.6): 1×28×28, 5×5 convolutions with 6 (padding 2) and 16 channels, 2×2 pooling, dense 120, 84, 10.
// ReLU and max pooling in place of sigmoid and average pooling change no count.
const LENET: Pick<CostWhereParamsSitParams, "input" | "features" | "classifier"> = {
  input: [1, 28, 28],
  features: [
    { type: "conv", conv: conv(6, 5, { padding: 2 }) },
    { type: "relu" },
    { type: "maxpool", kernel: 2 },
    { type: "conv", conv: conv(16, 5) },
    { type: "relu" },
    { type: "maxpool", kernel: 2 },
  ] satisfies CostLayer[],
  classifier: [{ type: "flatten" }, { type: "dense", units: 120 }, { type: "relu" }, { type: "dense", units: 84 }, { type: "relu" }, { type: "dense", units: 10 }],
};

describe("cost.where-params-sit", () => {
  it("over 200 seeds: the key is the engine's block sum, and the asked part's Σ parameters or MACs by hand", () => {
    const asked = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "integer" } });
      expectKeyFromEngine(en);
      const parts = partsOf(en);
      const select = selectOf(en);
      const part = select.startsWith("layers.0.") ? "features" : "classifier";
      const field = select.endsWith("subtreeParams") ? "params" : "macs";
      asked.add(`${part}/${field}`);
      expect(en.answer.value).toBe(sumOf(parts[part], field));
      expect(zh.prompt).toMatch(part === "features" ? /卷积层/ : /全连接层/);
    }
    expect([...asked].sort()).toEqual(["classifier/macs", "classifier/params", "features/macs", "features/params"]);
  });

  it("d2l's LeNet: 2,572 parameters in the convolutions, 59,134 in the dense layers (61,706 in all); 357,600 and 58,920 MACs (416,520)", () => {
    // Totals as DESIGN.md's analyze example for d2l's LeNet (61,706 parameters, 416,520 MACs); by hand:
    // conv 6·1·25 + 6 = 156, 16·6·25 + 16 = 2416; dense 400·120 + 120 = 48,120, 120·84 + 84 = 10,164, 84·10 + 10 = 850;
    // MACs 6·28·28·25 = 117,600, 16·10·10·150 = 240,000; 48,000 + 10,080 + 840
    const of = (part: "features" | "classifier", asked: "params" | "macs") => keyOf({ difficulty: "easy", ...LENET, part, asked });
    expect([of("features", "params"), of("classifier", "params")]).toEqual([2572, 59_134]);
    expect(of("features", "params") + of("classifier", "params")).toBe(61_706);
    expect([of("features", "macs"), of("classifier", "macs")]).toEqual([357_600, 58_920]);
    expect(of("features", "macs") + of("classifier", "macs")).toBe(416_520);
  });

  it("in every variant the dense layers hold a larger share of the parameters than of the MACs (the lesson the solution draws)", () => {
    for (const seed of SEEDS) {
      const problem = sampleBoth(TEMPLATE, seed).en;
      const { features, classifier } = partsOf(problem);
      const share = (field: "params" | "macs") => sumOf(classifier, field) / (sumOf(classifier, field) + sumOf(features, field));
      expect(share("params"), `seed ${seed}`).toBeGreaterThan(share("macs"));
    }
  });

  it("difficulty follows the work: easy the convolutions' parameters (no shape carried); medium the dense layers' parameters (the flattened size carried); hard MACs", () => {
    const groups = byDifficulty(TEMPLATE);
    for (const problem of groups.easy) expect(selectOf(problem)).toBe("layers.0.subtreeParams");
    for (const problem of groups.medium) expect(selectOf(problem)).toMatch(/^layers\.[1-9]\d*\.subtreeParams$/);
    for (const problem of groups.hard) expect(selectOf(problem)).toMatch(/\.subtreeMacs$/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["forgot-bias", "other-part", "params-instead", "whole-network"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costWhereParamsSitCatalogues);
  });
});
