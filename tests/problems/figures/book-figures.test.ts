import { describe, expect, it } from "vitest";
import { correlationFigure } from "@/lib/problems/figures/correlation-figure";
import { inceptionFigure } from "@/lib/problems/figures/inception-figure";
import { poolingFigure } from "@/lib/problems/figures/pooling-figure";
import { fieldRows } from "@/lib/problems/figures/receptive-field-figure";
import { sizeFigure } from "@/lib/problems/figures/size-figure";
import { checkXml } from "./xml-check";

const D2L_X = [[0, 1, 2], [3, 4, 5], [6, 7, 8]];

describe("figures redraw the books' own examples", () => {
  it("d2l 6.2.1 zh / 7.2.1 en, figure 6.2.1: the input, the kernel [[0,1],[2,3]] and the output [[19,25],[37,43]]", () => {
    // by hand (d2l): 0·0 + 1·1 + 3·2 + 4·3 = 19, 1·0 + 2·1 + 4·2 + 5·3 = 25, 37, 43
    const { svg, alt } = correlationFigure({ input: D2L_X, kernel: [[0, 1], [2, 3]], output: [[19, 25], [37, 43]], padding: 0, stride: 1, flipped: false }, "en");
    const { errors, texts } = checkXml(svg);
    expect(errors).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(["input", "kernel", "output", "19", "25", "37", "43", "8"]));
    expect(texts[0]).toBe("cross-correlation of the input with the kernel");
    expect(alt).toBe("The 3 by 3 input, the 2 by 2 kernel and the 2 by 2 output; the shaded window gives the output entry in row 1, column 1, which is 19.");
  });

  it("d2l 6.2.5: a true convolution draws the flipped kernel [[3,2],[1,0]] and names it", () => {
    // by hand: 0·3 + 1·2 + 3·1 + 4·0 = 5, and so on: [[5, 11], [23, 29]]
    const { svg } = correlationFigure({ input: D2L_X, kernel: [[3, 2], [1, 0]], output: [[5, 11], [23, 29]], padding: 0, stride: 1, flipped: true }, "zh-CN");
    const { texts } = checkXml(svg);
    expect(texts).toEqual(expect.arrayContaining(["翻转后的卷积核（180°）", "5", "11", "23", "29"]));
    expect(texts[0]).toBe("输入与卷积核的卷积");
  });

  it("padding shows as grey zeros around the input, stride places the shaded window", () => {
    const { svg } = correlationFigure({ input: [[1, 2], [3, 4]], kernel: [[1]], output: [[0, 0], [0, 4]], padding: 1, stride: 2, flipped: false, at: [1, 1] }, "en");
    const { texts, elements } = checkXml(svg);
    expect(texts.filter((t) => t === "0").length).toBe(12 + 3); // the 4×4 padded grid's 12 border zeros, and the output's three
    expect(texts).toContain("padded input");
    // The window for output (1, 1) starts at padded row 2, column 2: the amber result rect and the indigo window rect.
    expect(elements.filter((e) => e.name === "rect" && e.attributes["stroke-width"] === "3").length).toBe(3);
  });

  it("d2l 6.5.1: 2×2 max pooling of 0…8 gives [[4,5],[7,8]], average pooling [[2,3],[5,6]]", () => {
    const max = checkXml(poolingFigure({ pool: "max", input: D2L_X, kernel: 2, padding: 0, output: [[4, 5], [7, 8]] }, "en").svg).texts;
    expect(max).toEqual(expect.arrayContaining(["max", "4", "5", "7", "8"]));
    // by hand, padding 1 and stride 2 with padded zeros counted (PyTorch's default): 0/4, (1+2)/4, (3+6)/4, (4+5+7+8)/4
    const avg = checkXml(poolingFigure({ pool: "avg", input: D2L_X, kernel: 2, padding: 1, output: [[0, 0.75], [2.25, 6]] }, "zh-CN").svg).texts;
    expect(avg).toEqual(expect.arrayContaining(["平均值", "0.75", "2.25"]));
    expect(max).not.toContain("\u2212\u221e");
    // PyTorch pads max pooling with −∞ (DESIGN.md): the padded cells say so.
    // by hand, padding 1 and stride 2: max(0), max(1, 2), max(3, 6), max(4, 5, 7, 8)
    expect(checkXml(poolingFigure({ pool: "max", input: D2L_X, kernel: 2, padding: 1, output: [[0, 2], [6, 8]] }, "en").svg).texts).toContain("\u2212\u221e");
  });

  it("d2l 7.4.2: GoogLeNet's first Inception block on 192 channels gives 64 + 128 + 32 + 32 = 256", () => {
    const { svg, alt } = inceptionFigure({ channelsIn: 192, size: 28, c1: 64, c2: [96, 128], c3: [16, 32], c4: 32 }, "en");
    const { errors, texts } = checkXml(svg);
    expect(errors).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(["192 × 28 × 28", "64 channels", "96 channels", "128 channels", "16 channels", "64 + 128 + 32 + 32 = 256", "256 × 28 × 28"]));
    expect(alt).toContain("256 × 28 × 28");
  });

  it("d2l 6.3.2, figure 6.3.2: a 3×3 input padded by 1 with a 2×2 kernel gives 4×4; dilation widens the window to d·(k−1)+1", () => {
    const plain = checkXml(sizeFigure({ layer: "conv", input: [3, 3], kernel: [2, 2], padding: [1, 1], stride: [1, 1], dilation: [1, 1], output: [4, 4] }, "en").svg).texts;
    expect(plain).toEqual(expect.arrayContaining(["input 3×3", "padding 1×1", "kernel 2×2", "output 4×4", "stride 1×1"]));
    // d2l 14.11 / NNDL 5.5.2: a 3×3 kernel with dilation 2 covers 2·2 + 1 = 5 pixels.
    const dilated = checkXml(sizeFigure({ layer: "conv", input: [9, 9], kernel: [3, 3], padding: [0, 0], stride: [1, 1], dilation: [2, 2], output: [5, 5] }, "en").svg).texts;
    expect(dilated).toContain("kernel 3×3, dilation 2 → 5×5");
  });
});

describe("receptive-field rows", () => {
  it("d2l 6.2.6: two stacked 3×3 convolutions see 5 input pixels per axis, three see 7 (VGG's argument, d2l 7.2)", () => {
    const conv3 = { kind: "conv" as const, kernel: 3, stride: 1, dilation: 1 };
    expect(fieldRows([conv3, conv3]).map((row) => row.length)).toEqual([1, 3, 5]);
    expect(fieldRows([conv3, conv3, conv3]).at(-1)?.length).toBe(7);
  });

  it("a 3×3 kernel with dilation 2 reads taps 0, 2, 4 of a 5-pixel span (d2l 14.11, NNDL 5.5.2)", () => {
    expect(fieldRows([{ kind: "conv", kernel: 3, stride: 1, dilation: 2 }])).toEqual([[0], [0, 2, 4]]);
  });

  it("stride compounds: 3×3 stride 2 under 3×3 stride 1 gives (3 − 1)·2 + 3 = 7 pixels", () => {
    // by hand, bottom up (r ← r + (k − 1)·j, j ← j·s): r = 1 + 2·1 = 3 and j = 2 after layer 1, then r = 3 + 2·2 = 7
    const rows = fieldRows([
      { kind: "conv", kernel: 3, stride: 2, dilation: 1 },
      { kind: "conv", kernel: 3, stride: 1, dilation: 1 },
    ]);
    expect(rows.at(-1)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
