import type { Conv2dSpec } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { convSamePaddingMessages as messages } from "./conv-same-padding.messages";

/**
 * `conv.same-padding`: which padding keeps the size. A `conv2d` with stride 1 keeps an `n`-wide
 * axis when `(n + 2p − d·(k − 1) − 1)/1 + 1 = n`, so `p = d·(k − 1)/2` (d2l 6.3 zh / 7.3 en,
 * "Padding and Stride": `p_h = k_h − 1` in total, half on each side for an odd kernel; NNDL
 * 5.1.3, 等宽卷积; PyTorch `Conv2d` "Shape"). The key is the engine's resolution of
 * `padding: "same"` (`layers.0.padding.<axis>`).
 *
 * Difficulties: easy, a square kernel of 3, 5 or 7, one padding for both axes; medium, a
 * rectangular kernel and the padding of one axis, sometimes asked as NNDL's equal-width
 * convolution; hard, a dilated kernel (dilation rate 2–4), square or rectangular. Kernel sizes
 * are odd, so the effective kernel `d·(k − 1) + 1` is odd and the padding a whole number: no
 * variant needs PyTorch's uneven "same" padding.
 */
export interface ConvSamePaddingParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  height: number;
  width: number;
  /** `[k_h, k_w]`, odd. */
  kernel: [number, number];
  /** 1 except on hard variants. */
  dilation: number;
  /** The axis asked about, or `both` for a square kernel (one padding for both axes). */
  axis: "both" | "height" | "width";
  /** `equalWidth`: the prompt names the layer an equal-width convolution (NNDL 5.1.3). */
  naming: "plain" | "equalWidth";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const ODD_KERNELS = [3, 5, 7] as const;

/** Two different odd kernel sizes and which axis to ask, never one whose kernel is 1 (padding 0). */
function rectangular(rng: Rng): { kernel: [number, number]; axis: "height" | "width" } {
  const kh = rng.pick([1, 3, 5, 7]);
  const kw = rng.pick([1, 3, 5, 7].filter((k) => k !== kh));
  const askable = (["height", "width"] as const).filter((axis) => (axis === "height" ? kh : kw) > 1);
  return { kernel: [kh, kw], axis: rng.pick(askable) };
}

function generate(rng: Rng): ConvSamePaddingParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([1, 3, 16, 64]);
  const filters = rng.pick([8, 32, 96, 128].filter((c) => c !== channelsIn));
  // Hard variants' inputs are at least as wide as the widest dilated kernel, 4·(7 − 1) + 1 = 25.
  const smallest = difficulty === "hard" ? 28 : 8;
  const height = rng.int(smallest, 64);
  const width = rng.pick([height, rng.int(smallest, 64)]);
  const base = { difficulty, channelsIn, filters, height, width };
  if (difficulty === "easy") {
    const k = rng.pick(ODD_KERNELS);
    return { ...base, kernel: [k, k], dilation: 1, axis: "both", naming: "plain" };
  }
  if (difficulty === "medium") {
    const { kernel, axis } = rectangular(rng);
    return { ...base, kernel, dilation: 1, axis, naming: rng.pick(["plain", "equalWidth"] as const) };
  }
  const dilation = rng.int(2, 4);
  if (rng.pick([true, false])) {
    const k = rng.pick([3, 5]);
    return { ...base, kernel: [k, k], dilation, axis: "both", naming: "plain" };
  }
  const { kernel, axis } = rectangular(rng);
  return { ...base, kernel, dilation, axis, naming: "plain" };
}

/** The kernel size along the asked axis (both agree when `both`), and along the other one. */
const askedKernel = (p: ConvSamePaddingParams): number => (p.axis === "width" ? p.kernel[1] : p.kernel[0]);
const otherKernel = (p: ConvSamePaddingParams): number => (p.axis === "width" ? p.kernel[0] : p.kernel[1]);
const askedSize = (p: ConvSamePaddingParams): number => (p.axis === "width" ? p.width : p.height);

/** `p = d·(k − 1)/2`: the padding per side that keeps an axis with kernel `k`. */
const keepingPadding = (kernel: number, dilation: number): number => (dilation * (kernel - 1)) / 2;

/** A misconception's value, or `null` where it coincides with the key (it would not be a mistake). */
function unlessKey(p: ConvSamePaddingParams, value: number): number | null {
  return value === keepingPadding(askedKernel(p), p.dilation) ? null : value;
}

const SYMBOL = { both: "p", height: "p_h", width: "p_w" } as const;
const KERNEL_SYMBOL = { both: "k", height: "k_h", width: "k_w" } as const;

const FORMULA = displayMath("n_\\text{out} = \\frac{n + 2p - d \\cdot (k - 1) - 1}{s} + 1 = n + 2p - d \\cdot (k - 1)");
const CONDITION = displayMath("n + 2p - d \\cdot (k - 1) = n \\quad\\Longrightarrow\\quad p = \\frac{d \\cdot (k - 1)}{2}");

export const convSamePaddingTemplate: ProblemTemplate<ConvSamePaddingParams> = {
  id: "conv.same-padding",
  topic: "conv-arithmetic",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => {
    const square = p.kernel[0] === p.kernel[1];
    const layer: Conv2dSpec = { type: "conv2d", filters: p.filters, kernel: square ? p.kernel[0] : p.kernel, padding: "same" };
    if (p.dilation !== 1) layer.dilation = p.dilation;
    return {
      mode: "analyze",
      spec: { input: [p.channelsIn, p.height, p.width], layers: [layer] },
      select: `layers.0.padding.${p.axis === "width" ? 1 : 0}`,
    };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const k = askedKernel(p);
    const n = askedSize(p);
    const d = p.dilation;
    const padding = keepingPadding(k, d);
    if (key.kind !== "integer" || key.value !== padding) {
      throw new ProblemError("invalid-variant", `conv.same-padding: the worked solution gives ${padding}, the engine ${JSON.stringify(key.value)}`);
    }
    const symbol = SYMBOL[p.axis];
    const kernelSymbol = KERNEL_SYMBOL[p.axis];
    const numerator = d === 1 ? `${k} - 1` : `${d} \\cdot (${k} - 1)`;
    const work = `$${symbol} = \\frac{${numerator}}{2} = \\frac{${d * (k - 1)}}{2} = ${padding}$`;
    const check = `$${n} + 2 \\cdot ${padding} - ${d} \\cdot (${k} - 1) = ${n}$`;
    const prompt = t("prompt", {
      filters: inlineNumber(p.filters),
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
      kernel: inlineSize(p.kernel[0], p.kernel[1]),
      dilated: d === 1 ? "no" : "yes",
      dilation: inlineNumber(d),
      square: p.axis === "both" ? "yes" : "no",
      naming: p.naming,
      axis: p.axis,
      symbol: `$${symbol}$`,
      size: p.axis === "both" ? inlineSize(p.height, p.width) : inlineNumber(n),
    });
    const solution = t("solution", {
      formula: FORMULA,
      dilated: d === 1 ? "no" : "yes",
      condition: CONDITION,
      axis: p.axis,
      kernelValue: `$${kernelSymbol} = ${k}$`,
      dilationValue: `$d = ${d}$`,
      work,
      check,
      answer: `$${symbol} = ${padding}$`,
    });
    return { prompt, solution };
  },

  misconceptions: [
    {
      id: "dilation-ignored",
      wrongAnswer: (p) => (p.dilation === 1 ? null : unlessKey(p, keepingPadding(askedKernel(p), 1))),
      feedback: (_p, lang) => messages(lang)("mistakes.dilationIgnored"),
    },
    {
      id: "padding-total",
      wrongAnswer: (p) => unlessKey(p, p.dilation * (askedKernel(p) - 1)),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingTotal"),
    },
    {
      id: "other-axis",
      wrongAnswer: (p) => (p.axis === "both" ? null : unlessKey(p, keepingPadding(otherKernel(p), p.dilation))),
      feedback: (p, lang) => messages(lang)("mistakes.otherAxis", { axis: p.axis }),
    },
    {
      id: "half-kernel-rounded-up",
      wrongAnswer: (p) => unlessKey(p, (askedKernel(p) + 1) / 2),
      feedback: (_p, lang) => messages(lang)("mistakes.halfKernelRoundedUp"),
    },
    {
      id: "padding-equals-kernel",
      wrongAnswer: (p) => unlessKey(p, askedKernel(p)),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingEqualsKernel"),
    },
  ],
};
