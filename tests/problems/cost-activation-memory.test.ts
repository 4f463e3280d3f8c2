import { describe, expect, it } from "vitest";
import { analyze, selectPath } from "@/lib/engine";
import { costActivationMemoryTemplate, type CostActivationMemoryParams } from "@/lib/problems/templates/cost-activation-memory";
import { costActivationMemoryCatalogues } from "@/lib/problems/templates/cost-activation-memory.messages";
import { conv } from "@/lib/problems/templates/cost-layers";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";
import { byDifficulty, countSpec, elementsOf, selectOf, specOf } from "./support/cost-checks";

const TEMPLATE = "cost.activation-memory";
// Binary prefixes (IEC 80000-13): 1 KiB = 2^10 bytes, 1 MiB = 2^20 bytes; float32 is 4 bytes.
const UNIT_BYTES = { bytes: 1, KiB: 2 ** 10, MiB: 2 ** 20 } as const;

const keyOf = (params: CostActivationMemoryParams) => {
  const check = costActivationMemoryTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return selectPath(analyze(check.spec), check.select) as number;
};

const unitOf = (select: string): keyof typeof UNIT_BYTES => (select.endsWith("MiB") ? "MiB" : select.endsWith("KiB") ? "KiB" : "bytes");

describe("cost.activation-memory", () => {
  it("over 200 seeds: the key is the engine's, and the product of the output shapes × 4 bytes in the asked unit by hand", () => {
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "cost", answer: { kind: "number" } });
      expectKeyFromEngine(en);
      const rows = countSpec(specOf(en));
      const select = selectOf(en);
      const target = /^layers\.(\d+)\./.exec(select)?.[1];
      const values = target === undefined ? rows.reduce((sum, row) => sum + elementsOf(row), 0) : elementsOf(rows[Number(target)]!);
      const unit = unitOf(select);
      expect(en.answer.value).toBeCloseTo((values * 4) / UNIT_BYTES[unit], 9);
      expect(en.prompt).toContain(unit === "bytes" ? "in bytes" : unit === "KiB" ? "1 KiB = 1024 bytes" : "1 MiB = 1024 · 1024 bytes");
      expect(zh.prompt).toMatch(/float32（每个 4 字节）/);
    }
  });

  it("LeNet's C1 output, 6 × 28 × 28 = 4,704 values (d2l 7.6's printed shape), takes 18,816 bytes, not 4,704", () => {
    const params: CostActivationMemoryParams = { difficulty: "easy", input: [1, 28, 28], layers: [{ type: "conv", conv: conv(6, 5, { padding: 2 }) }], target: 0, unit: "bytes" };
    expect(keyOf(params)).toBe(18_816);
    expect(costActivationMemoryTemplate.misconceptions.find((m) => m.id === "elements-not-bytes")!.wrongAnswer(params)).toBe(4704);
    // One layer is asked in bytes only: the engine's per-layer field.
    expect(() => costActivationMemoryTemplate.check({ ...params, unit: "KiB" })).toThrow(/in bytes/);
  });

  it("a LeNet-like network's outputs, ReLU and flatten included, add up as the engine test's hand count", () => {
    // by hand, [1, 28, 28]: conv 6×28×28 = 4704, relu 4704, pool 6×14×14 = 1176, conv 16×10×10 = 1600,
    // relu 1600, pool 16×5×5 = 400, flatten 400, dense 120, relu 120, dense 10: 14,834 values
    const params: CostActivationMemoryParams = {
      difficulty: "hard",
      input: [1, 28, 28],
      layers: [
        { type: "conv", conv: conv(6, 5, { padding: 2 }) },
        { type: "relu" },
        { type: "maxpool", kernel: 2 },
        { type: "conv", conv: conv(16, 5) },
        { type: "relu" },
        { type: "maxpool", kernel: 2 },
        { type: "flatten" },
        { type: "dense", units: 120 },
        { type: "relu" },
        { type: "dense", units: 10 },
      ],
      target: null,
      unit: "KiB",
    };
    // 14,834 · 4 = 59,336 bytes = 57.9453125 KiB, not 59.336 kB
    expect(keyOf(params)).toBe(57.9453125);
    expect(costActivationMemoryTemplate.misconceptions.find((m) => m.id === "decimal-kilobytes")!.wrongAnswer(params)).toBeCloseTo(59.336, 9);
    // Without the ReLU and flatten copies: 14,834 − 4704 − 1600 − 400 − 120 = 8010 values
    expect(costActivationMemoryTemplate.misconceptions.find((m) => m.id === "activations-in-place")!.wrongAnswer(params)).toBeCloseTo((8010 * 4) / 1024, 9);
  });

  it("difficulty follows the work: easy one layer in bytes; medium one layer of a four-layer stack in bytes; hard every layer of a ten-layer network in KiB or MiB", () => {
    const groups = byDifficulty(TEMPLATE);
    for (const problem of groups.easy) expect([specOf(problem).layers.length, unitOf(selectOf(problem)), selectOf(problem)]).toEqual([1, "bytes", "layers.0.outputBytes"]);
    for (const problem of groups.medium) {
      expect([specOf(problem).layers.length, unitOf(selectOf(problem))]).toEqual([4, "bytes"]);
      expect(selectOf(problem)).toMatch(/^layers\.\d\.outputBytes$/);
    }
    for (const problem of groups.hard) {
      expect(specOf(problem).layers.length).toBe(10);
      expect(selectOf(problem)).toMatch(/^totalOutput(KiB|MiB)$/);
    }
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["activations-in-place", "decimal-kilobytes", "elements-not-bytes", "input-counted"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(costActivationMemoryCatalogues);
  });
});
