import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/engine";
import { convOutputSizeStackTemplate, type ConvOutputSizeStackParams } from "@/lib/problems/templates/conv-output-size-stack";
import { convOutputSizeStackCatalogues } from "@/lib/problems/templates/conv-output-size-stack.messages";
import { expectCataloguesAgree, expectKeyFromEngine, misconceptionsThatDiffer, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "conv.output-size-stack";

interface Layer {
  type: "conv2d" | "maxpool2d";
  filters?: number;
  kernel: number;
  padding: number;
  stride: number;
}

/** PyTorch `nn.Conv2d` / `nn.MaxPool2d` ("Shape"), d2l 6.3: floor((n + 2p − k)/s) + 1, layer after layer. */
function shapeByHand(input: number[], layers: Layer[]): number[] {
  return layers.reduce(
    ([c, h, w], l) => {
      const axis = (n: number) => Math.floor((n + 2 * l.padding - l.kernel) / l.stride) + 1;
      return [l.type === "conv2d" ? l.filters! : c!, axis(h!), axis(w!)];
    },
    [...input],
  );
}

const keyOf = (params: ConvOutputSizeStackParams) => {
  const check = convOutputSizeStackTemplate.check(params);
  if (check?.mode !== "analyze") throw new Error("expected an analyze check");
  return analyze(check.spec).outputShape;
};

describe("conv.output-size-stack", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and the formula's layer by layer", () => {
    const patterns = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "conv-arithmetic", answer: { kind: "shape" }, check: { mode: "analyze", select: "outputShape" } });
      expectKeyFromEngine(en);
      if (en.check?.mode !== "analyze") throw new Error("unreachable");
      const layers = en.check.spec.layers as unknown as Layer[];
      expect(en.answer.value).toEqual(shapeByHand(en.check.spec.input as number[], layers));
      patterns.add(layers.map((l) => l.type).join("+"));
      expect(zh.prompt).toMatch(/卷积层/);
    }
    expect([...patterns].sort()).toEqual(["conv2d+conv2d", "conv2d+maxpool2d"]);
  });

  it("d2l 6.6 (LeNet): [1, 28, 28] through a 5×5 conv with 6 kernels and padding 2, then 2×2 pooling with stride 2, gives [6, 14, 14]", () => {
    const params: ConvOutputSizeStackParams = {
      difficulty: "easy",
      channelsIn: 1,
      height: 28,
      width: 28,
      layers: [
        { kind: "conv", filters: 6, kernel: 5, padding: 2, stride: 1 },
        { kind: "maxpool", filters: 0, kernel: 2, padding: 0, stride: 2 },
      ],
    };
    expect(keyOf(params)).toEqual([6, 14, 14]); // d2l 6.6 (zh) / 7.6 (en), LeNet's shape table
  });

  it("d2l 7.6 (ResNet's stem): [3, 224, 224] through a 7×7 stride-2 conv with 64 kernels, padding 3, then 3×3 max pooling, stride 2, padding 1, gives [64, 56, 56]", () => {
    const params: ConvOutputSizeStackParams = {
      difficulty: "medium",
      channelsIn: 3,
      height: 224,
      width: 224,
      layers: [
        { kind: "conv", filters: 64, kernel: 7, padding: 3, stride: 2 },
        { kind: "maxpool", filters: 0, kernel: 3, padding: 1, stride: 2 },
      ],
    };
    const key = keyOf(params);
    expect(key).toEqual([64, 56, 56]); // d2l 7.6 (zh) / 8.6 (en): 224 → 112 → 56
    const { solution } = convOutputSizeStackTemplate.render(params, { kind: "shape", value: key }, "zh-CN");
    expect(solution).toContain("$[64, 112, 112]$");
    expect(() => convOutputSizeStackTemplate.render(params, { kind: "shape", value: [64, 57, 57] }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["ceil-instead-of-floor", "forgot-plus-one", "input-channels-kept", "padding-once"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(convOutputSizeStackCatalogues);
  });
});
