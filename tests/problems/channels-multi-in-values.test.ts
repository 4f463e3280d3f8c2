import { describe, expect, it } from "vitest";
import { run } from "@/lib/engine";
import { channelsMultiInValuesTemplate, type ChannelsMultiInValuesParams } from "@/lib/problems/templates/channels-multi-in-values";
import { channelsMultiInValuesCatalogues } from "@/lib/problems/templates/channels-multi-in-values.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "channels.multi-in-values";

interface MultiCorrOp {
  input: number[][][];
  kernel: number[][][];
  bias?: number;
}

/** d2l 6.4.1's `corr2d_multi_in`: sum over channels of corr2d(X_c, K_c), plus the bias (PyTorch `nn.Conv2d` with one output channel). */
function multiInByHand({ input, kernel, bias = 0 }: MultiCorrOp): number[][] {
  const n = input[0]!.length;
  const k = kernel[0]!.length;
  return Array.from({ length: n - k + 1 }, (_, i) =>
    Array.from({ length: n - k + 1 }, (_, j) => {
      let sum = bias;
      input.forEach((x, c) => {
        for (let a = 0; a < k; a += 1) for (let b = 0; b < k; b += 1) sum += x[i + a]![j + b]! * kernel[c]![a]![b]!;
      });
      return sum;
    }),
  );
}

describe("channels.multi-in-values", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's and d2l's corr2d_multi_in", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "channels", answer: { kind: "matrix" }, check: { mode: "run", select: "output" } });
      expectKeyFromEngine(en);
      const op = runOpOf<MultiCorrOp>(en);
      expectMatrixClose(en.answer.value, multiInByHand(op), 0);
      kinds.add(`${op.input.length}/${op.bias === undefined ? "no-bias" : "bias"}`);
      expect(zh.prompt).toMatch(/输入通道/);
    }
    expect([...kinds].sort()).toEqual(["2/no-bias", "3/bias", "3/no-bias"]);
  });

  it("d2l 6.4.1, figure 6.4.1: two channels give [[56, 72], [104, 120]]", () => {
    const params: ChannelsMultiInValuesParams = {
      difficulty: "easy",
      input: [
        [[0, 1, 2], [3, 4, 5], [6, 7, 8]],
        [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
      ],
      kernel: [
        [[0, 1], [2, 3]],
        [[1, 2], [3, 4]],
      ],
      bias: 0,
    };
    const check = channelsMultiInValuesTemplate.check(params);
    if (check?.mode !== "run") throw new Error("expected a run check");
    const key = run(check.op as never).output as number[][];
    expect(key).toEqual([[56, 72], [104, 120]]); // d2l 6.4.1 (zh) / 7.4.1 (en)
    const { solution } = channelsMultiInValuesTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("Y_{1} = X_{1} \\star K_{1} = \\begin{bmatrix} 19 & 25 \\\\ 37 & 43 \\end{bmatrix}"); // d2l 6.2.1's figure
    const firstOnly = channelsMultiInValuesTemplate.misconceptions.find((m) => m.id === "first-channel-only")!;
    expect(firstOnly.wrongAnswer(params)).toEqual([[19, 25], [37, 43]]);
    expect(() => channelsMultiInValuesTemplate.render(params, { kind: "matrix", value: [[19, 25], [37, 43]] }, "en")).toThrow(/worked solution/);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual(["averaged-channels", "first-channel-only", "forgot-bias", "kernel-flipped"]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(channelsMultiInValuesCatalogues);
  });
});
