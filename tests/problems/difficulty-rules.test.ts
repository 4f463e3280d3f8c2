import { describe, expect, it } from "vitest";
import { analyze, type Conv2dSpec } from "@/lib/engine";
import { type DesignConstraint, type Difficulty, type Problem, sampleProblem } from "@/lib/problems";
import { conceptItems } from "@/lib/problems/concepts";

/**
 * Issue 13, item 6: a template's difficulty follows the work a learner does (steps, size of the
 * arithmetic, traps), whatever network or numbers the variant happens to use. Each test states
 * one template's rule (written beside its `generate` in lib/problems/templates) and measures it
 * from the problems of 600 seeds: from the check's spec, the key or the prompt, never from the
 * template's own parameters.
 */
const SEEDS = Array.from({ length: 600 }, (_, seed) => seed);

function byDifficulty(template: string): Record<Difficulty, Problem[]> {
  const groups: Record<Difficulty, Problem[]> = { easy: [], medium: [], hard: [] };
  for (const seed of SEEDS) {
    const problem = sampleProblem({ template, seed });
    groups[problem.difficulty].push(problem);
  }
  for (const group of Object.values(groups)) expect(group.length).toBeGreaterThan(100);
  return groups;
}

const keyOf = (problem: Problem) => problem.answer.value as number;
const range = (values: number[]) => [Math.min(...values), Math.max(...values)] as const;

/** The number of layers listed in an architecture prompt ("1. convolution …" lines): the layers worked through. */
const listedLayers = (problem: Problem) => problem.prompt.split("\n").filter((line) => /^\d+\. /.test(line)).length;

describe("difficulty follows the work (issue 13, item 6)", () => {
  it("params.dense-vs-conv: every hard key is larger than every medium key, every medium larger than every easy; easy asks for the convolution", () => {
    const groups = byDifficulty("params.dense-vs-conv");
    const [, easyMax] = range(groups.easy.map(keyOf));
    const [mediumMin, mediumMax] = range(groups.medium.map(keyOf));
    const [hardMin] = range(groups.hard.map(keyOf));
    expect(easyMax).toBeLessThan(mediumMin);
    expect(mediumMax).toBeLessThan(hardMin);
    for (const problem of groups.easy) expect(problem.check?.mode === "analyze" && problem.check.spec.layers[0]?.type).toBe("conv2d");
    for (const problem of [...groups.medium, ...groups.hard]) expect(problem.check?.mode === "analyze" && problem.check.spec.layers[1]?.type).toBe("dense");
  });

  it("dilated.effective-kernel: one product d·(k − 1) a layer; easy one layer, medium two, hard three or four", () => {
    const groups = byDifficulty("dilated.effective-kernel");
    const layers = (problem: Problem) => (problem.check?.mode === "analyze" ? (problem.check.spec.layers as Conv2dSpec[]).length : 0);
    expect(new Set(groups.easy.map(layers))).toEqual(new Set([1]));
    expect(new Set(groups.medium.map(layers))).toEqual(new Set([2]));
    expect(new Set(groups.hard.map(layers))).toEqual(new Set([3, 4]));
  });

  it("arch.layer-shape and arch.macs: the layers carried to the asked one; easy up to 4, medium 5 to 8, hard 9 or more, in every network", () => {
    for (const template of ["arch.layer-shape", "arch.macs"]) {
      const groups = byDifficulty(template);
      expect(range(groups.easy.map(listedLayers))[1], template).toBeLessThanOrEqual(4);
      const [mediumMin, mediumMax] = range(groups.medium.map(listedLayers));
      expect([mediumMin >= 5, mediumMax <= 8], template).toEqual([true, true]);
      expect(range(groups.hard.map(listedLayers))[0], template).toBeGreaterThanOrEqual(9);
      // No difficulty is one network's any more: LeNet, AlexNet and VGG-11 are each asked at two difficulties or more.
      const nets = (problems: Problem[]) => new Set(problems.map((problem) => (problem.check?.mode === "analyze" ? problem.check.spec.name : "")));
      expect(nets(groups.easy).size, template).toBe(3);
      expect(nets(groups.medium).size, template).toBeGreaterThanOrEqual(2);
    }
  });

  it("arch.zoo-params: easy a dense layer fed by a dense layer (one product), medium a convolution (k·k·c_i·c_o), hard the first dense layer (the whole flattened shape carried)", () => {
    const groups = byDifficulty("arch.zoo-params");
    const asked = (problem: Problem) => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      const index = Number(/^layers\.(\d+)\.params$/.exec(problem.check.select)?.[1]);
      const rows = analyze(problem.check.spec).layers;
      const before = rows.slice(0, index).reverse().find((row) => !["relu", "sigmoid", "dropout", "sequential"].includes(row.type));
      return `${rows[index]?.type} after ${before?.type ?? "input"}`;
    };
    expect(new Set(groups.easy.map(asked))).toEqual(new Set(["dense after dense"]));
    expect([...new Set(groups.medium.map(asked))].every((kind) => kind.startsWith("conv2d after"))).toBe(true);
    expect(new Set(groups.hard.map(asked))).toEqual(new Set(["dense after flatten"]));
  });

  it("rf.two-3x3-vs-5x5: easy two layers, medium three; hard counted without bias, every hard key larger than every medium and easy one", () => {
    const groups = byDifficulty("rf.two-3x3-vs-5x5");
    const convs = (problem: Problem) => (problem.check?.mode === "analyze" ? (problem.check.spec.layers as Conv2dSpec[]).filter((layer) => layer.type === "conv2d") : []);
    expect(new Set(groups.easy.map((problem) => convs(problem).length))).toEqual(new Set([2]));
    expect(new Set(groups.medium.map((problem) => convs(problem).length))).toEqual(new Set([3]));
    for (const problem of groups.hard) expect(convs(problem).every((layer) => layer.bias === false)).toBe(true);
    for (const problem of [...groups.easy, ...groups.medium]) expect(convs(problem).every((layer) => layer.bias !== false)).toBe(true);
    expect(range(groups.hard.map(keyOf))[0]).toBeGreaterThan(Math.max(...groups.medium.map(keyOf), ...groups.easy.map(keyOf)));
  });

  it("nin.block-shape: easy keeps height and width (stride 1, padding (k − 1)/2), medium shrinks them at stride 1, hard divides by a stride of 2 to 4", () => {
    const groups = byDifficulty("nin.block-shape");
    const first = (problem: Problem) => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      const block = problem.check.spec.layers[0] as { layers: Conv2dSpec[] };
      return { size: problem.check.spec.input[1] as number, out: (problem.answer.value as number[])[1] as number, stride: (block.layers[0]?.stride as number | undefined) ?? 1 };
    };
    for (const problem of groups.easy) expect(first(problem)).toMatchObject({ stride: 1, out: first(problem).size });
    for (const problem of groups.medium) {
      const { size, out, stride } = first(problem);
      expect([stride, out < size]).toEqual([1, true]);
    }
    for (const problem of groups.hard) expect(first(problem).stride).toBeGreaterThan(1);
  });

  it("residual.block-shape: easy keeps the shape (no arithmetic), medium halves an even size, hard halves an odd size (the floor matters)", () => {
    const groups = byDifficulty("residual.block-shape");
    const input = (problem: Problem) => (problem.check?.mode === "analyze" ? problem.check.spec.input : []);
    for (const problem of groups.easy) expect(problem.answer.value).toEqual(input(problem));
    for (const problem of groups.medium) expect([(input(problem)[1] as number) % 2, (problem.answer.value as number[])[1]]).toEqual([0, (input(problem)[1] as number) / 2]);
    for (const problem of groups.hard) expect([(input(problem)[1] as number) % 2, (problem.answer.value as number[])[1]]).toEqual([1, ((input(problem)[1] as number) + 1) / 2]);
  });

  it("densenet.block-channels: the multiplier n of c0 + n·k grows, easy 2 blocks, medium 3 to 6, hard 8 to 24", () => {
    const groups = byDifficulty("densenet.block-channels");
    const blocks = (problem: Problem) => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      return (problem.check.spec.layers[0] as { layers: unknown[] }).layers.length;
    };
    expect(new Set(groups.easy.map(blocks))).toEqual(new Set([2]));
    expect(range(groups.medium.map(blocks))).toEqual([3, 6]);
    expect(range(groups.hard.map(blocks))).toEqual([8, 24]);
  });

  it("rf.stacked-layers: easy adds kernels with no jump, medium has one jump of 2 in three layers, hard four or five layers starting with a stride of 2", () => {
    const groups = byDifficulty("rf.stacked-layers");
    const strides = (problem: Problem) =>
      problem.check?.mode === "analyze" ? (problem.check.spec.layers as { kernel: number; stride?: number }[]).map((layer) => layer.stride ?? layer.kernel) : [];
    for (const problem of groups.easy) expect(strides(problem).every((stride) => stride === 1) && strides(problem).length <= 3).toBe(true);
    for (const problem of groups.medium) expect([strides(problem).length, strides(problem).filter((stride) => stride > 1)]).toEqual([3, [2]]);
    for (const problem of groups.hard) expect([strides(problem).length >= 4, strides(problem)[0]]).toEqual([true, 2]);
  });

  it("inception.params: every easy key (a narrow block) is below every medium key; hard is medium's arithmetic with batch norm instead of biases", () => {
    const groups = byDifficulty("inception.params");
    expect(Math.max(...groups.easy.map(keyOf))).toBeLessThan(Math.min(...groups.medium.map(keyOf)));
    const batchNorm = (problem: Problem) => JSON.stringify(problem.check?.mode === "analyze" ? problem.check.spec : null).includes('"batchnorm"');
    expect(groups.hard.every(batchNorm)).toBe(true);
    expect([...groups.easy, ...groups.medium].some(batchNorm)).toBe(false);
  });

  it("inception.output-channels: easy sums paths at most 32 wide, medium one block (wider: most keys above every easy one), hard the second of two blocks", () => {
    const groups = byDifficulty("inception.output-channels");
    const blocks = (problem: Problem) => (problem.check?.mode === "analyze" ? problem.check.spec.layers.length : 0);
    const widths = (problem: Problem) => [...JSON.stringify(problem.check?.mode === "analyze" ? problem.check.spec : null).matchAll(/"filters":(\d+)/g)].map((match) => Number(match[1]));
    for (const problem of groups.easy) expect([blocks(problem), Math.max(...widths(problem)) <= 32]).toEqual([1, true]);
    for (const problem of groups.medium) expect(blocks(problem)).toBe(1);
    const easyMax = Math.max(...groups.easy.map(keyOf));
    expect(easyMax).toBeLessThan(120);
    expect(groups.medium.filter((problem) => keyOf(problem) > easyMax).length / groups.medium.length).toBeGreaterThan(0.9);
    for (const problem of groups.hard) expect(blocks(problem)).toBe(2);
  });

  it("concept items: easy recalls a fact, medium applies one, hard reasons about why or an edge case (lib/problems/concepts/types.ts); items that only recall what a book states are not hard", () => {
    const items = Object.values(conceptItems).flat();
    const difficultyOf = (id: string) => items.find((item) => item.id === id)?.difficulty;
    // Recall: NNDL 5.1's two properties by name; that VGG-11's convolutions are all 3×3 with padding 1.
    expect([difficultyOf("nndl-fewer-parameters"), difficultyOf("vgg-all-3x3")]).toEqual(["easy", "easy"]);
    // Reasoning in its place: a VGG block's receptive field worked out (by hand: 1 + 2 + 2 + (2 − 1)·1 = 6).
    expect(difficultyOf("vgg-block-receptive-field")).toBe("hard");
    const block = analyze({ input: [1, 16, 16], layers: [{ type: "conv2d", filters: 4, kernel: 3, padding: 1 }, { type: "conv2d", filters: 4, kernel: 3, padding: 1 }, { type: "maxpool2d", kernel: 2, stride: 2 }] });
    expect(block.layers[2]?.receptiveField).toEqual([6, 6]);
    // Every concept template still offers each difficulty it claims.
    for (const [group, groupItems] of Object.entries(conceptItems)) {
      for (const kind of ["choice", "choices", "boolean"] as const) {
        const labels = new Set(groupItems.filter((item) => item.kind === kind).map((item) => item.difficulty));
        expect(labels, `${group} ${kind}`).toEqual(new Set(["easy", "medium", "hard"]));
      }
    }
  });

  describe("one-layer shape templates: each difficulty adds terms of the size formula (stride and floor, padding, a second axis, output padding)", () => {
    interface Terms {
      stride: number;
      padding: number;
      square: boolean;
      outputPadding: number;
    }
    /** The asked layer's hyperparameters, a pair per axis read as the larger stride and padding, square when both axes and the input agree. */
    const termsOf = (problem: Problem): Terms => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      const layer = problem.check.spec.layers[0] as unknown as Record<string, unknown>;
      const pair = (value: unknown, fallback: number): number[] => (Array.isArray(value) ? (value as number[]) : typeof value === "number" ? [value, value] : [fallback, fallback]);
      const kernel = pair(layer.kernel, 1);
      const stride = pair(layer.stride, String(layer.type).includes("pool") ? (kernel[0] as number) : 1);
      const padding = pair(layer.padding, 0);
      const outputPadding = pair(layer.output_padding, 0);
      const input = problem.check.spec.input;
      const square = input.length < 3 || (input[1] === input[2] && [kernel, stride, padding].every(([h, w]) => h === w));
      return { stride: Math.max(...stride), padding: Math.max(...padding), square, outputPadding: Math.max(...outputPadding) };
    };
    const all = (problems: Problem[], rule: (terms: Terms) => boolean) => problems.filter((problem) => !rule(termsOf(problem))).map((problem) => problem.seed);

    it("conv.output-size: easy square at stride 1; medium square at stride 2 with padding (the floor); hard a second, different axis", () => {
      const groups = byDifficulty("conv.output-size");
      expect(all(groups.easy, (t) => t.square && t.stride === 1)).toEqual([]);
      expect(all(groups.medium, (t) => t.square && t.stride === 2 && t.padding > 0)).toEqual([]);
      expect(all(groups.hard, (t) => !t.square)).toEqual([]);
    });

    it("tconv.output-size: easy stride 1 without padding (grows by k − 1); medium stride 2 with padding; hard adds output padding, each axis drawn on its own", () => {
      const groups = byDifficulty("tconv.output-size");
      expect(all(groups.easy, (t) => t.stride === 1 && t.padding === 0)).toEqual([]);
      expect(all(groups.medium, (t) => t.stride === 2 && t.padding > 0 && t.outputPadding === 0)).toEqual([]);
      expect(all(groups.hard, (t) => t.outputPadding > 0 && t.stride >= 2)).toEqual([]);
    });

    it("dilated.output-size: easy no padding at stride 1; medium padding at stride 1; hard stride 2 with padding (the floor)", () => {
      const groups = byDifficulty("dilated.output-size");
      expect(all(groups.easy, (t) => t.stride === 1 && t.padding === 0)).toEqual([]);
      expect(all(groups.medium, (t) => t.stride === 1 && t.padding > 0)).toEqual([]);
      expect(all(groups.hard, (t) => t.stride === 2 && t.padding > 0)).toEqual([]);
    });

    it("textcnn.conv1d-length: easy L − k + 1 (no padding, stride 1); medium padding at stride 1; hard a stride of 2 or 3 (the floor)", () => {
      const groups = byDifficulty("textcnn.conv1d-length");
      expect(all(groups.easy, (t) => t.stride === 1 && t.padding === 0)).toEqual([]);
      expect(all(groups.medium, (t) => t.stride === 1 && t.padding > 0)).toEqual([]);
      expect(all(groups.hard, (t) => t.stride >= 2)).toEqual([]);
    });

    it("pooling.output-shape: easy and medium square windows at stride 2; hard rectangular windows, strides or paddings", () => {
      const groups = byDifficulty("pooling.output-shape");
      expect(all(groups.easy, (t) => t.square && t.stride === 2 && t.padding === 0)).toEqual([]);
      expect(all(groups.medium, (t) => t.square && t.stride === 2)).toEqual([]);
      expect(all(groups.hard, (t) => !t.square)).toEqual([]);
    });
  });

  const firstLayers = (problem: Problem) => (problem.check?.mode === "analyze" ? (problem.check.spec.layers as unknown as Record<string, unknown>[]) : []);

  it("params.conv-layer: easy 1 or 3 input channels with a bias; medium wide layers (16 or more input channels), a bias or not; hard grouped (the C_i/g trap)", () => {
    const groups = byDifficulty("params.conv-layer");
    const channelsIn = (problem: Problem) => (problem.check?.mode === "analyze" ? (problem.check.spec.input[0] as number) : 0);
    for (const problem of groups.easy) expect([channelsIn(problem) <= 3, firstLayers(problem)[0]?.groups ?? 1, firstLayers(problem)[0]?.bias ?? true]).toEqual([true, 1, true]);
    for (const problem of groups.medium) expect([channelsIn(problem) >= 16, firstLayers(problem)[0]?.groups ?? 1]).toEqual([true, 1]);
    for (const problem of groups.hard) expect((firstLayers(problem)[0]?.groups as number | undefined) ?? 1).toBeGreaterThan(1);
  });

  it("channels.one-by-one: easy parameters of d2l's tiny example (every key below every medium key); hard the MACs, which need the map's size too", () => {
    const groups = byDifficulty("channels.one-by-one");
    expect(Math.max(...groups.easy.map(keyOf))).toBeLessThan(Math.min(...groups.medium.map(keyOf)));
    const selects = (problems: Problem[]) => new Set(problems.map((problem) => problem.check?.mode === "analyze" && problem.check.select));
    expect(selects([...groups.easy, ...groups.medium])).toEqual(new Set(["layers.0.params"]));
    expect(selects(groups.hard)).toEqual(new Set(["layers.0.macs"]));
  });

  it("conv.output-size-stack: easy a size-keeping convolution then 2×2 pooling; medium a stride-2 convolution then 3×3 pooling with padding (two floors); hard two convolutions of their own on a non-square input", () => {
    const groups = byDifficulty("conv.output-size-stack");
    for (const problem of groups.easy) expect(firstLayers(problem)).toMatchObject([{ type: "conv2d", stride: 1 }, { type: "maxpool2d", kernel: 2, stride: 2 }]);
    for (const problem of groups.medium) expect(firstLayers(problem)).toMatchObject([{ type: "conv2d", stride: 2 }, { type: "maxpool2d", kernel: 3, stride: 2, padding: 1 }]);
    for (const problem of groups.hard) {
      expect(firstLayers(problem).map((layer) => layer.type)).toEqual(["conv2d", "conv2d"]);
      const input = problem.check?.mode === "analyze" ? problem.check.spec.input : [];
      expect(input[1], `seed ${problem.seed}`).not.toBe(input[2]);
    }
  });

  describe("value templates: each difficulty adds entries to compute or a trap (padding, stride, bias, a channel)", () => {
    type Op = { op: string; input: unknown[]; kernel?: unknown; stride?: number; padding?: number; bias?: number };
    const opOf = (problem: Problem): Op => {
      if (problem.check?.mode !== "run") throw new Error("expected a run check");
      return problem.check.op as unknown as Op;
    };
    const dims = (value: unknown): number[] => (Array.isArray(value) ? [value.length, ...dims(value[0])] : []);

    it("xcorr.values and xcorr.true-convolution: easy d2l's 3×3 ⋆ 2×2; medium a 4×4 input, stride 1, no padding; hard padding or a stride of 2", () => {
      for (const template of ["xcorr.values", "xcorr.true-convolution"]) {
        const groups = byDifficulty(template);
        for (const problem of groups.easy) expect([dims(opOf(problem).input), dims(opOf(problem).kernel)], template).toEqual([[3, 3], [2, 2]]);
        for (const problem of groups.medium) expect([dims(opOf(problem).input), opOf(problem).stride ?? 1, opOf(problem).padding ?? 0], template).toEqual([[4, 4], 1, 0]);
        for (const problem of groups.hard) expect((opOf(problem).padding ?? 0) > 0 || (opOf(problem).stride ?? 1) > 1, `${template} seed ${problem.seed}`).toBe(true);
      }
    });

    it("pooling.max-values and pooling.avg-values: easy stride 2 without padding; medium overlapping windows at stride 1; hard padding 1", () => {
      for (const template of ["pooling.max-values", "pooling.avg-values"]) {
        const groups = byDifficulty(template);
        for (const problem of groups.easy) expect([opOf(problem).stride, opOf(problem).padding ?? 0], template).toEqual([2, 0]);
        for (const problem of groups.medium) expect([opOf(problem).stride, opOf(problem).padding ?? 0], template).toEqual([1, 0]);
        for (const problem of groups.hard) expect(opOf(problem).padding, template).toBe(1);
      }
    });

    it("tconv.values: easy 2×2 ⊛ 2×2 at stride 1; medium the same at stride 2; hard a 3×3 input with padding 1", () => {
      const groups = byDifficulty("tconv.values");
      for (const problem of groups.easy) expect([dims(opOf(problem).input), opOf(problem).stride, opOf(problem).padding ?? 0]).toEqual([[2, 2], 1, 0]);
      for (const problem of groups.medium) expect([dims(opOf(problem).input), opOf(problem).stride, opOf(problem).padding ?? 0]).toEqual([[2, 2], 2, 0]);
      for (const problem of groups.hard) expect([dims(opOf(problem).input), opOf(problem).padding]).toEqual([[3, 3], 1]);
    });

    it("channels.multi-in-values: easy two channels; hard three channels and a bias", () => {
      const groups = byDifficulty("channels.multi-in-values");
      for (const problem of groups.easy) expect(dims(opOf(problem).input)[0]).toBe(2);
      for (const problem of groups.hard) expect([dims(opOf(problem).input)[0], typeof opOf(problem).bias]).toEqual([3, "number"]);
    });

    it("bn.train-values: more values to normalize: easy 2 examples × 1 feature, medium 3 × 2, hard 4 × 2", () => {
      const groups = byDifficulty("bn.train-values");
      expect(new Set(groups.easy.map((problem) => dims(opOf(problem).input).join("x")))).toEqual(new Set(["2x1"]));
      expect(new Set(groups.medium.map((problem) => dims(opOf(problem).input).join("x")))).toEqual(new Set(["3x2"]));
      expect(new Set(groups.hard.map((problem) => dims(opOf(problem).input).join("x")))).toEqual(new Set(["4x2"]));
    });
  });

  it("bn.params-vs-buffers: more layers to count: easy one batch norm, medium two, hard a dense layer and a 1-D batch norm besides", () => {
    const groups = byDifficulty("bn.params-vs-buffers");
    const types = (problem: Problem) => firstLayers(problem).map((layer) => layer.type);
    for (const problem of groups.easy) expect(types(problem).filter((type) => type === "batchnorm").length).toBe(1);
    for (const problem of groups.medium) expect(types(problem).filter((type) => type === "batchnorm").length).toBe(2);
    for (const problem of groups.hard) expect(types(problem)).toEqual(expect.arrayContaining(["dense", "batchnorm"]));
  });

  it("textcnn.features: easy and medium three widths, hard four or five", () => {
    const groups = byDifficulty("textcnn.features");
    const widths = (problem: Problem) => ((firstLayers(problem)[0] as { branches?: unknown[] }).branches ?? []).length;
    expect(new Set([...groups.easy, ...groups.medium].map(widths))).toEqual(new Set([3]));
    expect(new Set(groups.hard.map(widths))).toEqual(new Set([4, 5]));
  });

  it("densenet.transition: hard puts a dense block first, whose channels must be worked out", () => {
    const groups = byDifficulty("densenet.transition");
    const names = (problem: Problem) => firstLayers(problem).map((layer) => layer.name);
    for (const problem of [...groups.easy, ...groups.medium]) expect(names(problem)).toEqual(["transition"]);
    for (const problem of groups.hard) expect(names(problem)).toEqual(["dense block", "transition"]);
  });

  it("conv.same-padding: easy a square kernel, medium a rectangular one, hard a dilated kernel", () => {
    const groups = byDifficulty("conv.same-padding");
    const layer = (problem: Problem) => firstLayers(problem)[0] ?? {};
    for (const problem of groups.easy) expect([typeof layer(problem).kernel, layer(problem).dilation ?? 1]).toEqual(["number", 1]);
    for (const problem of groups.medium) expect([Array.isArray(layer(problem).kernel), layer(problem).dilation ?? 1]).toEqual([true, 1]);
    for (const problem of groups.hard) expect(Math.max(...[layer(problem).dilation ?? 1].flat() as number[])).toBeGreaterThan(1);
  });

  it("nin.gap-vs-dense: easy the 1×1 convolution head (one product K·C), medium the dense head (C·H·W·K), hard d2l's NiN head (three convolutions)", () => {
    const groups = byDifficulty("nin.gap-vs-dense");
    const convs = (problem: Problem) => JSON.stringify(firstLayers(problem)).split('"conv2d"').length - 1;
    const dense = (problem: Problem) => firstLayers(problem).some((layer) => layer.type === "dense");
    for (const problem of groups.easy) expect([convs(problem), dense(problem)]).toEqual([1, false]);
    for (const problem of groups.medium) expect([convs(problem), dense(problem)]).toEqual([0, true]);
    for (const problem of groups.hard) expect([convs(problem), dense(problem)]).toEqual([3, false]);
  });

  it("residual.shortcut-params: every easy key below every medium key; hard adds batch norm's γ and β in place of the bias", () => {
    const groups = byDifficulty("residual.shortcut-params");
    expect(Math.max(...groups.easy.map(keyOf))).toBeLessThan(Math.min(...groups.medium.map(keyOf)));
    const batchNorm = (problem: Problem) => firstLayers(problem).some((layer) => layer.type === "batchnorm");
    expect(groups.hard.every(batchNorm)).toBe(true);
    expect([...groups.easy, ...groups.medium].some(batchNorm)).toBe(false);
  });

  it("xcorr.edge-detection: easy d2l's ones and zeros; medium other brightness values, edges found; hard the transposed image, whose horizontal edges the kernel cannot see (all zeros: the trap)", () => {
    const groups = byDifficulty("xcorr.edge-detection");
    const values = (problem: Problem) => new Set((problem.check?.mode === "run" ? ((problem.check.op as unknown as { input: number[][] }).input ?? []) : []).flat());
    const zeros = (problem: Problem) => (problem.answer.value as number[][]).flat().every((value) => value === 0);
    for (const problem of groups.easy) expect([[...values(problem)].every((value) => value === 0 || value === 1), zeros(problem)]).toEqual([true, false]);
    for (const problem of groups.medium) expect([Math.max(...values(problem)) > 1, zeros(problem)]).toEqual([true, false]);
    for (const problem of groups.hard) expect(zeros(problem)).toBe(true);
  });
});

describe("difficulty follows the work: the blocks group (issue 13, Blocks)", () => {
  /** The residual block of a blocks-group check: its body and shortcut layers. */
  const blockOf = (problem: Problem) => {
    if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
    return problem.check.spec.layers[0] as unknown as { body: { type: string; bias?: boolean }[]; shortcut: { type: string; bias?: boolean }[] };
  };

  it("residual.bottleneck-params: easy three convolutions with bias and an identity shortcut, medium adds a projection, hard counts batch norm instead of biases", () => {
    const groups = byDifficulty("residual.bottleneck-params");
    const shape = (problem: Problem) => {
      const block = blockOf(problem);
      const all = [...block.body, ...block.shortcut];
      return { projection: block.shortcut.length > 0, batchNorm: all.some((layer) => layer.type === "batchnorm"), bias: all.some((layer) => layer.type === "conv2d" && layer.bias !== false) };
    };
    for (const problem of groups.easy) expect(shape(problem)).toEqual({ projection: false, batchNorm: false, bias: true });
    for (const problem of groups.medium) expect(shape(problem)).toEqual({ projection: true, batchNorm: false, bias: true });
    for (const problem of groups.hard) expect(shape(problem)).toEqual({ projection: true, batchNorm: true, bias: false });
  });
});

describe("difficulty follows the work: the classics group (issue 13, Classics)", () => {
  const runOp = (problem: Problem) => {
    if (problem.check?.mode !== "run") throw new Error("expected a run check");
    return problem.check.op as unknown as { input: number[][]; kernel: number[][]; padding?: [number, number] };
  };

  it("xcorr.conv1d-flipped: more products a sum: easy 2–3 weights on 5–6 values, medium 3–4 weights on 7–8 values; hard pads K − 1 zeros at each end (the wide convolution)", () => {
    const groups = byDifficulty("xcorr.conv1d-flipped");
    const shape = (problem: Problem) => {
      const op = runOp(problem);
      return { n: op.input[0]!.length, k: op.kernel[0]!.length, padding: op.padding?.[1] ?? 0 };
    };
    for (const problem of groups.easy) expect([shape(problem).n <= 6, shape(problem).k <= 3, shape(problem).padding]).toEqual([true, true, 0]);
    for (const problem of groups.medium) expect([shape(problem).n >= 7, shape(problem).k >= 3, shape(problem).padding]).toEqual([true, true, 0]);
    for (const problem of groups.hard) expect(shape(problem).padding).toBe(shape(problem).k - 1);
  });

  it("pooling.avg-as-conv: easy a 2×2 kernel of quarters at stride 2; medium a rectangular kernel, stride the window; hard 3×3 ninths at stride 2 with padding (overlaps, zeros in the mean)", () => {
    const groups = byDifficulty("pooling.avg-as-conv");
    const pool = (problem: Problem) => runOp(problem) as unknown as { kernel: number[]; stride: number[]; padding: number };
    for (const problem of groups.easy) expect([pool(problem).kernel, pool(problem).stride, pool(problem).padding]).toEqual([[2, 2], [2, 2], 0]);
    for (const problem of groups.medium) {
      const { kernel, stride, padding } = pool(problem);
      expect([kernel[0] !== kernel[1], stride, padding]).toEqual([true, kernel, 0]);
    }
    for (const problem of groups.hard) expect([pool(problem).kernel, pool(problem).stride, pool(problem).padding]).toEqual([[3, 3], [2, 2], 1]);
  });

  it("tconv.as-matrix: easy d2l's 4×9 W written in the prompt; medium W built by the learner at stride 1; hard a stride-2 convolution's W", () => {
    const groups = byDifficulty("tconv.as-matrix");
    const shownW = (problem: Problem) => problem.prompt.includes("W = \\begin{bmatrix}");
    const stride = (problem: Problem) => (runOp(problem) as unknown as { stride: number }).stride;
    for (const problem of groups.easy) expect([shownW(problem), runOp(problem).kernel.length, runOp(problem).input.length, stride(problem)]).toEqual([true, 2, 2, 1]);
    for (const problem of groups.medium) expect([shownW(problem), stride(problem)]).toEqual([false, 1]);
    for (const problem of groups.hard) expect([shownW(problem), stride(problem)]).toEqual([false, 2]);
  });

  it("lenet.c3-connections: easy one output map (one conv, one filter); medium a group of maps on the same number of inputs; hard a whole table, two or three groups added", () => {
    const groups = byDifficulty("lenet.c3-connections");
    const layer = (problem: Problem) => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      return problem.check.spec.layers[0] as unknown as { type: string; filters?: number; branches?: unknown[] };
    };
    for (const problem of groups.easy) expect([layer(problem).type, layer(problem).filters]).toEqual(["conv2d", 1]);
    for (const problem of groups.medium) expect([layer(problem).type, (layer(problem).filters ?? 0) > 1]).toEqual(["conv2d", true]);
    for (const problem of groups.hard) expect([layer(problem).type, [2, 3].includes(layer(problem).branches?.length ?? 0)]).toEqual(["concat", true]);
  });
});

describe("difficulty follows the work: ResNeXt (issue 13, Blocks)", () => {
  it("residual.resnext-params: easy asks the grouped layer alone, medium the whole block with an identity shortcut, hard the whole block with a projection at stride 2", () => {
    const groups = byDifficulty("residual.resnext-params");
    const read = (problem: Problem) => {
      if (problem.check?.mode !== "analyze") throw new Error("expected an analyze check");
      const block = problem.check.spec.layers[0] as unknown as { shortcut: unknown[] };
      return { select: problem.check.select, projection: block.shortcut.length > 0 };
    };
    for (const problem of groups.easy) expect(read(problem)).toEqual({ select: "layers.4.params", projection: false });
    for (const problem of groups.medium) expect(read(problem)).toEqual({ select: "totalParams", projection: false });
    for (const problem of groups.hard) expect(read(problem)).toEqual({ select: "totalParams", projection: true });
  });
});

describe("difficulty follows the work: batch normalization's running statistics (issue 13, Blocks)", () => {
  it("bn.predict-values: easy one output in eval mode (no statistics to compute), medium the running mean after a batch, hard PyTorch's running variance (the unbiased batch variance first)", () => {
    const groups = byDifficulty("bn.predict-values");
    const read = (problem: Problem) => (problem.check?.mode === "run" ? [(problem.check.op as { mode?: string }).mode, problem.check.select.split(".")[0]] : []);
    for (const problem of groups.easy) expect(read(problem)).toEqual(["eval", "output"]);
    for (const problem of groups.medium) expect(read(problem)).toEqual(["train", "running_mean"]);
    for (const problem of groups.hard) expect(read(problem)).toEqual(["train", "running_var"]);
  });
});

describe("difficulty follows the work: BatchNorm2d per channel (issue 13, Blocks)", () => {
  it("bn.per-channel: the values a statistic is taken over grow, easy 4 (one example, γ = 1, β = 0), medium 8 (two examples), hard 12 (three channels of 2×3)", () => {
    const groups = byDifficulty("bn.per-channel");
    const read = (problem: Problem) => {
      const op = (problem.check?.mode === "run" ? problem.check.op : {}) as { input: number[][][][]; gamma: number[]; beta: number[] };
      const [n, c, h, w] = [op.input.length, op.input[0]?.length ?? 0, op.input[0]?.[0]?.length ?? 0, op.input[0]?.[0]?.[0]?.length ?? 0];
      return { values: n * h * w, channels: c, affine: op.gamma.some((g) => g !== 1) || op.beta.some((b) => b !== 0) };
    };
    for (const problem of groups.easy) expect(read(problem)).toEqual({ values: 4, channels: 2, affine: false });
    for (const problem of groups.medium) expect(read(problem)).toEqual({ values: 8, channels: 2, affine: true });
    for (const problem of groups.hard) expect(read(problem)).toEqual({ values: 12, channels: 3, affine: true });
  });
});

describe("difficulty follows the work: DenseNet growth (issue 13, Blocks)", () => {
  it("densenet.growth: easy two blocks and one transition, medium three and two, hard four and three or four with some halving of an odd number", () => {
    const groups = byDifficulty("densenet.growth");
    const stages = (problem: Problem) => (problem.check?.mode === "analyze" ? (problem.check.spec.layers as { name?: string }[]).map((layer) => layer.name) : []);
    const count = (problem: Problem, name: string) => stages(problem).filter((stage) => stage === name).length;
    for (const problem of groups.easy) expect([count(problem, "dense block"), count(problem, "transition")]).toEqual([2, 1]);
    for (const problem of groups.medium) expect([count(problem, "dense block"), count(problem, "transition")]).toEqual([3, 2]);
    for (const problem of groups.hard) expect(count(problem, "dense block")).toBe(4);
    const odd = (problem: Problem) => /\\lfloor \d*[13579] \/ 2/.test(problem.solution);
    expect(groups.hard.filter(odd).length / groups.hard.length).toBeGreaterThan(0.5);
  });
});

describe("difficulty follows the work: stage traces (issue 13, Blocks)", () => {
  it("arch.stage-trace: the stages carried, whichever the network; easy 1–2, medium 3–4, hard 5 or more; each network at each difficulty", () => {
    const groups = byDifficulty("arch.stage-trace");
    const stages = (problem: Problem) => (problem.check?.mode === "analyze" ? problem.check.spec.layers.length : 0);
    const nets = (problems: Problem[]) => new Set(problems.map((problem) => (problem.check?.mode === "analyze" ? problem.check.spec.name : "")));
    expect(range(groups.easy.map(stages))).toEqual([1, 2]);
    expect(range(groups.medium.map(stages))).toEqual([3, 4]);
    expect(range(groups.hard.map(stages))[0]).toBe(5);
    for (const group of Object.values(groups)) expect(nets(group).size).toBe(3);
  });
});

describe("difficulty follows the work: layer norm (issue 13, Blocks)", () => {
  it("norm.layer-vs-batch: the features per example grow, easy 2 (outputs near ±1), medium 3, hard 4 of three examples", () => {
    const groups = byDifficulty("norm.layer-vs-batch");
    const size = (problem: Problem) => {
      const input = (problem.check?.mode === "run" ? (problem.check.op as unknown as { input: number[][] }).input : []) ?? [];
      return [input.length, input[0]?.length ?? 0];
    };
    for (const problem of groups.easy) expect(size(problem)).toEqual([2, 3]);
    for (const problem of groups.medium) expect(size(problem)).toEqual([3, 2]);
    for (const problem of groups.hard) expect(size(problem)).toEqual([4, 3]);
  });
});

describe("difficulty follows the work: the design group, measured from the constraints (issue 13, design problems)", () => {
  const constraintsOf = (problem: Problem): DesignConstraint[] => (problem.answer.kind === "spec" ? problem.answer.value : []);
  const find = <K extends DesignConstraint["kind"]>(problem: Problem, kind: K) => constraintsOf(problem).find((c) => c.kind === kind) as Extract<DesignConstraint, { kind: K }> | undefined;

  it("design.downsample: the side shrinks by 2 (easy), 4 (medium), 8 (hard), and the budget leaves less room (1.5×, 1.25×, 1.1× the reference)", () => {
    const groups = byDifficulty("design.downsample");
    const factor = (problem: Problem) => find(problem, "input-shape")!.shape[1]! / find(problem, "output-shape")!.shape[1]!;
      // (k·k·C_in + 1)·C_out over the reference's convolutions (d2l 7.4.2).
    const room = (problem: Problem) => {
      const spec = problem.check?.mode === "analyze" ? problem.check.spec : null;
      let channels = spec!.input[0]!;
      let params = 0;
      for (const layer of spec!.layers) {
        if (layer.type !== "conv2d") continue;
        params += ((layer.kernel as number) ** 2 * channels + 1) * layer.filters;
        channels = layer.filters;
      }
      return find(problem, "max-params")!.max / params;
    };
    expect(new Set(groups.easy.map(factor))).toEqual(new Set([2]));
    expect(new Set(groups.medium.map(factor))).toEqual(new Set([4]));
    expect(new Set(groups.hard.map(factor))).toEqual(new Set([8]));
    expect(Math.min(...groups.easy.map(room))).toBeGreaterThan(Math.max(...groups.hard.map(room)));
  });

  it("design.dilated-padding: easy one layer keeping the size, medium one layer halving it, hard two or three layers with a field and a budget", () => {
    const groups = byDifficulty("design.dilated-padding");
    const count = (problem: Problem) => find(problem, "conv-count")!.count;
    const halves = (problem: Problem) => find(problem, "input-shape")!.shape[1] === 2 * find(problem, "output-shape")!.shape[1]!;
    expect(new Set(groups.easy.map(count))).toEqual(new Set([1]));
    expect(groups.easy.some(halves)).toBe(false);
    expect(new Set(groups.medium.map(count))).toEqual(new Set([1]));
    expect(groups.medium.every(halves)).toBe(true);
    expect(new Set(groups.hard.map(count))).toEqual(new Set([2, 3]));
    expect(groups.hard.every((problem) => find(problem, "max-params") && find(problem, "min-receptive-field"))).toBe(true);
  });

  it("design.receptive-field: easy is within N plain layers' 1 + N·(k − 1); medium and hard beyond it, hard with the size kept", () => {
    const groups = byDifficulty("design.receptive-field");
    const beyondPlain = (problem: Problem) => {
      const convs = find(problem, "conv-count")!.count;
      const k = find(problem, "kernel-sizes")!.allowed[0]!;
      return find(problem, "min-receptive-field")!.min > 1 + convs * (k - 1);
    };
    expect(groups.easy.some(beyondPlain)).toBe(false);
    expect(groups.medium.every(beyondPlain)).toBe(true);
    expect(groups.hard.every(beyondPlain)).toBe(true);
    expect(groups.medium.every((problem) => find(problem, "layer-types")!.allowed.includes("maxpool2d"))).toBe(true);
    expect(groups.hard.every((problem) => find(problem, "output-shape") && !find(problem, "layer-types")!.allowed.includes("maxpool2d"))).toBe(true);
  });
});
