import { describe, expect, it } from "vitest";
import { convOutputSize, poolOutputSize, receptiveFieldAfter, transposedOutputSize } from "@/lib/engine";

describe("convOutputSize", () => {
  it("keeps an 8x8 input at 8x8 with a 3x3 kernel and padding 1", () => {
    // d2l 6.3 (zh) / 7.3 (en), "Padding": conv2d(kernel_size=3, padding=1) on 8x8 → 8x8
    expect(convOutputSize(8, 3, 1, 1)).toBe(8);
  });

  it("keeps 8x8 with a 5x3 kernel and padding (2, 1)", () => {
    // d2l 6.3: kernel_size=(5, 3), padding=(2, 1) → 8x8
    expect(convOutputSize(8, 5, 2, 1)).toBe(8);
    expect(convOutputSize(8, 3, 1, 1)).toBe(8);
  });

  it("halves 8x8 to 4x4 with stride 2", () => {
    // d2l 6.3, "Stride": kernel_size=3, padding=1, stride=2 → 4x4
    expect(convOutputSize(8, 3, 1, 2)).toBe(4);
  });

  it("gives 2x2 for d2l's (3, 5) kernel, padding (0, 1), stride (3, 4)", () => {
    // d2l 6.3: height floor((8 - 3 + 0)/3) + 1 = 2, width floor((8 - 5 + 2)/4) + 1 = 2
    expect(convOutputSize(8, 3, 0, 3)).toBe(2);
    expect(convOutputSize(8, 5, 1, 4)).toBe(2);
  });

  it("widens the kernel by dilation: d·(k − 1) + 1", () => {
    // by hand: a 3-tap kernel with dilation 2 spans 5 pixels, so 7 → 3 positions
    expect(convOutputSize(7, 3, 0, 1, 2)).toBe(3);
  });

  it("reports sizes below 1 as they are, for the engine to refuse", () => {
    // by hand: floor((2 - 5)/1) + 1 = -2
    expect(convOutputSize(2, 5, 0, 1)).toBe(-2);
  });
});

describe("poolOutputSize", () => {
  it("pools a 4x4 input to 1x1 with a 3x3 window and its default stride 3", () => {
    // d2l 6.5 (zh) / 7.5 (en), "Padding and Stride": nn.MaxPool2d(3) on 4x4 → 1x1
    expect(poolOutputSize(4, 3, 0, 3)).toBe(1);
  });

  it("pools 4x4 to 2x2 with a 3x3 window, padding 1 and stride 2", () => {
    // d2l 6.5: nn.MaxPool2d(3, padding=1, stride=2) → 2x2
    expect(poolOutputSize(4, 3, 1, 2)).toBe(2);
  });

  it("rounds up with ceil_mode", () => {
    // by hand: 5 pixels, window 2, stride 2: windows at 0, 2, and (ceil) a partial one at 4
    expect(poolOutputSize(5, 2, 0, 2)).toBe(2);
    expect(poolOutputSize(5, 2, 0, 2, true)).toBe(3);
  });

  it("drops a ceil_mode window that would start in the right padding", () => {
    // by hand: 3 pixels, padding 1 (positions -1 … 3), window 2, stride 2: starts -1, 1, 3;
    // the window at 3 starts in the padding, so PyTorch (Pool.h) keeps 2
    expect(poolOutputSize(3, 2, 1, 2, true)).toBe(2);
  });
});

describe("transposedOutputSize", () => {
  it("upsamples 2x2 to 4x4 with a 2x2 kernel and stride 2", () => {
    // d2l 13.10 (zh) / 14.10 (en), "Padding, Strides, and Multiple Channels": stride 2 → 4x4
    expect(transposedOutputSize(2, 2, 0, 2)).toBe(4);
  });

  it("removes rows and columns with padding", () => {
    // d2l 13.10: 2x2 input, 2x2 kernel, padding 1 → 1x1
    expect(transposedOutputSize(2, 2, 1, 1)).toBe(1);
  });
});

describe("receptiveFieldAfter", () => {
  it("grows by (k − 1)·jump and multiplies the jump by the stride", () => {
    // Araujo et al., Distill 2019, eq. (1)-(2); by hand: r 6 + (5 - 1)·2 = 14, j 2·1 = 2
    expect(receptiveFieldAfter({ receptiveField: 6, jump: 2 }, 5, 1)).toEqual({ receptiveField: 14, jump: 2 });
  });
});
