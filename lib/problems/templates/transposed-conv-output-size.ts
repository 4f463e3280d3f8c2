import { checkStackFigure } from "../figures/spec-stack-figure";
import { transposedOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlinePair, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { transposedConvOutputSizeMessages as messages } from "./transposed-conv-output-size.messages";

/**
 * `tconv.output-size`: the output shape `[C_out, H_out, W_out]` of one `conv2d_transpose` layer
 * (d2l 13.10 zh / 14.10 en, "Transposed Convolution"; NNDL 5.5.1 微步卷积; PyTorch
 * `ConvTranspose2d`).
 *
 * Difficulties: easy, stride 1 and no padding (the output grows by `k − 1`); medium, stride 2
 * with padding, the usual 2× upsampling; hard, non-square sizes with output padding (which must be
 * smaller than the stride), so every term of the formula counts.
 */
export interface TransposedConvOutputSizeParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  height: number;
  width: number;
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  outputPadding: [number, number];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): TransposedConvOutputSizeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick([4, 8, 16, 32, 64]);
  const filters = rng.pick([1, 3, 6, 12, 24].filter((c) => c !== channelsIn));
  if (difficulty === "easy") {
    const size = rng.int(2, 16);
    const k = rng.int(2, 5);
    return { difficulty, channelsIn, filters, height: size, width: size, kernel: [k, k], stride: [1, 1], padding: [0, 0], outputPadding: [0, 0] };
  }
  if (difficulty === "medium") {
    const size = rng.int(4, 32);
    const k = rng.pick([2, 3, 4, 5]);
    const p = rng.int(1, Math.ceil(k / 2));
    return { difficulty, channelsIn, filters, height: size, width: size, kernel: [k, k], stride: [2, 2], padding: [p, p], outputPadding: [0, 0] };
  }
  const axis = () => {
    const stride = rng.int(2, 3);
    const kernel = rng.int(2, 5);
    return { size: rng.int(3, 20), kernel, stride, padding: rng.int(0, Math.floor(kernel / 2)), outputPadding: rng.int(1, stride - 1) };
  };
  const h = axis();
  const w = axis();
  return {
    difficulty,
    channelsIn,
    filters,
    height: h.size,
    width: w.size,
    kernel: [h.kernel, w.kernel],
    stride: [h.stride, w.stride],
    padding: [h.padding, w.padding],
    outputPadding: [h.outputPadding, w.outputPadding],
  };
}

interface Axis {
  size: number;
  kernel: number;
  stride: number;
  padding: number;
  outputPadding: number;
}

const axesOf = (p: TransposedConvOutputSizeParams): [Axis, Axis] =>
  [0, 1].map((i) => ({
    size: i === 0 ? p.height : p.width,
    kernel: p.kernel[i] as number,
    stride: p.stride[i] as number,
    padding: p.padding[i] as number,
    outputPadding: p.outputPadding[i] as number,
  })) as [Axis, Axis];

/** `(n − 1)·s − 2p + k + a`, with this axis's numbers; `transposedOutputSize` is PyTorch's formula. */
function axisWork(a: Axis): { latex: string; output: number } {
  const output = (a.size - 1) * a.stride - 2 * a.padding + a.kernel + a.outputPadding;
  const latex = `$(${a.size} - 1) \\cdot ${a.stride} - 2 \\cdot ${a.padding} + ${a.kernel} + ${a.outputPadding} = ${output}$`;
  return { latex, output };
}

const FORMULA = displayMath("n_\\text{out} = (n - 1) \\cdot s - 2p + k + a");

const wrongSpatial =
  (rule: (a: Axis) => number) =>
  (p: TransposedConvOutputSizeParams): number[] => [p.filters, ...axesOf(p).map(rule)];

export const transposedConvOutputSizeTemplate: ProblemTemplate<TransposedConvOutputSizeParams> = {
  id: "tconv.output-size",
  topic: "transposed-conv",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => {
    const square = p.difficulty !== "hard";
    return {
      mode: "analyze",
      spec: {
        input: [p.channelsIn, p.height, p.width],
        layers: [
          {
            type: "conv2d_transpose",
            filters: p.filters,
            kernel: square ? p.kernel[0] : p.kernel,
            stride: square ? p.stride[0] : p.stride,
            padding: square ? p.padding[0] : p.padding,
            ...(p.difficulty === "hard" ? { output_padding: p.outputPadding } : {}),
          },
        ],
      },
      select: "outputShape",
    };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const [height, width] = axesOf(p).map(axisWork) as [ReturnType<typeof axisWork>, ReturnType<typeof axisWork>];
    const worked = [p.filters, height.output, width.output];
    const formula = axesOf(p).map((a) => transposedOutputSize(a.size, a.kernel, a.padding, a.stride, a.outputPadding));
    if (key.kind !== "shape" || key.value.join() !== worked.join() || formula.join() !== worked.slice(1).join()) {
      throw new ProblemError("invalid-variant", `tconv.output-size: the worked solution gives [${worked.join(", ")}], the engine ${JSON.stringify(key.value)}`);
    }
    const square = p.difficulty !== "hard";
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
      filters: inlineNumber(p.filters),
      filtersCount: p.filters,
      kernel: inlineSize(p.kernel[0], p.kernel[1]),
      stride: inlinePair(p.stride[0], p.stride[1], square),
      padding: inlinePair(p.padding[0], p.padding[1], square),
      outputPadding: p.difficulty === "hard" ? inlinePair(p.outputPadding[0], p.outputPadding[1], false) : "none",
      form: square ? "square" : "rect",
    });
    const solution = t("solution", {
      formula: FORMULA,
      heightWork: height.latex,
      widthWork: width.latex,
      filters: inlineNumber(p.filters),
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "conv-formula",
      wrongAnswer: wrongSpatial((a) => Math.floor((a.size + 2 * a.padding - a.kernel) / a.stride) + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.convFormula"),
    },
    {
      id: "forgot-output-padding",
      wrongAnswer: wrongSpatial((a) => (a.size - 1) * a.stride - 2 * a.padding + a.kernel),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotOutputPadding"),
    },
    {
      id: "padding-added",
      wrongAnswer: wrongSpatial((a) => (a.size - 1) * a.stride + 2 * a.padding + a.kernel + a.outputPadding),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingAdded"),
    },
    {
      id: "input-channels-kept",
      wrongAnswer: (p) => [p.channelsIn, ...axesOf(p).map((a) => transposedOutputSize(a.size, a.kernel, a.padding, a.stride, a.outputPadding))],
      feedback: (p, lang) => messages(lang)("mistakes.inputChannelsKept", { filters: inlineNumber(p.filters), channelsIn: inlineNumber(p.channelsIn) }),
    },
  ],
};
