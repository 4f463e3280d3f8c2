import { sizeFigure } from "../figures/size-figure";
import { convOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlinePair, inlineShape, inlineSize } from "../latex";
import { problemMessages } from "../messages";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";

/**
 * `conv.output-size`: the output shape `[C_out, H_out, W_out]` of one `conv2d` layer on a
 * `[C_in, H, W]` input (d2l 6.3 zh / 7.3 en, "Padding and Stride"; 6.4 for channels).
 *
 * Difficulties: easy, a square kernel with stride 1; medium, stride 2 with padding, so the floor
 * matters; hard, non-square input, kernel, padding and stride, as in d2l's `(3, 5)` example.
 * Output channels always differ from input channels, so keeping the input's is detectable.
 */
export interface ConvOutputSizeParams {
  difficulty: Difficulty;
  channelsIn: number;
  filters: number;
  height: number;
  width: number;
  /** `[h, w]` each, padding per side. */
  kernel: [number, number];
  padding: [number, number];
  stride: [number, number];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ConvOutputSizeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    const size = rng.int(5, 32);
    const k = rng.pick([1, 3, 5, 7].filter((kernel) => kernel <= size));
    const p = rng.int(0, (k - 1) / 2);
    const channelsIn = rng.pick([1, 3]);
    const filters = rng.pick([4, 6, 8, 16, 32]);
    return { difficulty, channelsIn, filters, height: size, width: size, kernel: [k, k], padding: [p, p], stride: [1, 1] };
  }
  if (difficulty === "medium") {
    const size = rng.int(8, 64);
    const k = rng.pick([3, 5, 7]);
    const p = rng.int(1, Math.floor(k / 2));
    const channelsIn = rng.pick([3, 16, 32, 64]);
    const filters = rng.pick([16, 32, 64, 128].filter((c) => c !== channelsIn));
    return { difficulty, channelsIn, filters, height: size, width: size, kernel: [k, k], padding: [p, p], stride: [2, 2] };
  }
  const height = rng.int(7, 40);
  const width = rng.int(7, 40);
  const kh = rng.int(1, 7);
  const kw = rng.pick([1, 2, 3, 4, 5, 6, 7].filter((k) => k !== kh));
  const padding: [number, number] = [rng.int(0, Math.floor(kh / 2)), rng.int(0, Math.floor(kw / 2))];
  const sh = rng.int(1, 4);
  const sw = rng.pick([1, 2, 3, 4].filter((s) => s !== sh));
  const channelsIn = rng.pick([1, 3, 8, 16]);
  const filters = rng.pick([2, 4, 6, 10, 12, 20].filter((c) => c !== channelsIn));
  return { difficulty, channelsIn, filters, height, width, kernel: [kh, kw], padding, stride: [sh, sw] };
}

/** One spatial axis of a variant. */
interface Axis {
  size: number;
  kernel: number;
  padding: number;
  stride: number;
}

const axesOf = (p: ConvOutputSizeParams): [Axis, Axis] => [
  { size: p.height, kernel: p.kernel[0], padding: p.padding[0], stride: p.stride[0] },
  { size: p.width, kernel: p.kernel[1], padding: p.padding[1], stride: p.stride[1] },
];

/** `⌊(n + 2·p − k)/s⌋ + 1 = ⌊num/s⌋ + 1 = q + 1 = out`, the formula with this axis's numbers. */
function axisWork(axis: Axis): { latex: string; output: number } {
  const numerator = axis.size + 2 * axis.padding - axis.kernel;
  const output = convOutputSize(axis.size, axis.kernel, axis.padding, axis.stride);
  const latex =
    `$\\left\\lfloor \\frac{${axis.size} + 2 \\cdot ${axis.padding} - ${axis.kernel}}{${axis.stride}} \\right\\rfloor + 1` +
    ` = \\left\\lfloor \\frac{${numerator}}{${axis.stride}} \\right\\rfloor + 1 = ${output - 1} + 1 = ${output}$`;
  return { latex, output };
}

const FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1");

/** A wrong rule applied to both spatial axes, the output channels right. */
const wrongSpatial =
  (rule: (axis: Axis) => number) =>
  (p: ConvOutputSizeParams): number[] => [p.filters, ...axesOf(p).map(rule)];

export const convOutputSizeTemplate: ProblemTemplate<ConvOutputSizeParams> = {
  id: "conv.output-size",
  topic: "conv-arithmetic",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => problemMessages(lang)("convOutputSize.title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: {
      input: [p.channelsIn, p.height, p.width],
      layers: [
        {
          type: "conv2d",
          filters: p.filters,
          // Easy and medium variants are square; the spec says so the way an author would.
          kernel: p.difficulty === "hard" ? p.kernel : p.kernel[0],
          padding: p.difficulty === "hard" ? p.padding : p.padding[0],
          stride: p.difficulty === "hard" ? p.stride : p.stride[0],
        },
      ],
    },
    select: "outputShape",
  }),

  render(p, key, lang) {
    const t = problemMessages(lang);
    const [height, width] = axesOf(p).map(axisWork) as [ReturnType<typeof axisWork>, ReturnType<typeof axisWork>];
    const worked = [p.filters, height.output, width.output];
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError(
        "invalid-variant",
        `conv.output-size: the worked solution gives [${worked.join(", ")}], the engine ${JSON.stringify(key.value)}`,
      );
    }
    const square = p.difficulty !== "hard";
    const prompt = t("convOutputSize.prompt", {
      inputShape: inlineShape([p.channelsIn, p.height, p.width]),
      filters: inlineNumber(p.filters),
      kernel: inlineSize(p.kernel[0], p.kernel[1]),
      padding: inlinePair(p.padding[0], p.padding[1], square),
      stride: inlinePair(p.stride[0], p.stride[1], square),
      form: square ? "square" : "rect",
    });
    const solution = t("convOutputSize.solution", {
      formula: FORMULA,
      heightWork: height.latex,
      widthWork: width.latex,
      filters: inlineNumber(p.filters),
      channelsIn: inlineNumber(p.channelsIn),
      channelCount: p.channelsIn,
      channelsWork: `$C_\\text{out} = ${p.filters}$`,
      answer: inlineShape(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "shape" ? sizeFigure({ layer: "conv", input: [p.height, p.width], kernel: p.kernel, padding: p.padding, stride: p.stride, dilation: [1, 1], output: [key.value[1] ?? 0, key.value[2] ?? 0], channels: [p.channelsIn, key.value[0] ?? 0] }, lang) : null),

  misconceptions: [
    {
      id: "forgot-plus-one",
      wrongAnswer: wrongSpatial((a) => Math.floor((a.size + 2 * a.padding - a.kernel) / a.stride)),
      feedback: (_p, lang) => problemMessages(lang)("convOutputSize.mistakes.forgotPlusOne"),
    },
    {
      id: "padding-once",
      wrongAnswer: wrongSpatial((a) => Math.floor((a.size + a.padding - a.kernel) / a.stride) + 1),
      feedback: (_p, lang) => problemMessages(lang)("convOutputSize.mistakes.paddingOnce"),
    },
    {
      id: "ceil-instead-of-floor",
      wrongAnswer: wrongSpatial((a) => Math.ceil((a.size + 2 * a.padding - a.kernel) / a.stride) + 1),
      feedback: (_p, lang) => problemMessages(lang)("convOutputSize.mistakes.ceilInsteadOfFloor"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: wrongSpatial((a) => a.size + 2 * a.padding - a.kernel + 1),
      feedback: (_p, lang) => problemMessages(lang)("convOutputSize.mistakes.strideIgnored"),
    },
    {
      id: "input-channels-kept",
      wrongAnswer: (p) => [p.channelsIn, ...axesOf(p).map((a) => convOutputSize(a.size, a.kernel, a.padding, a.stride))],
      feedback: (p, lang) =>
        problemMessages(lang)("convOutputSize.mistakes.inputChannelsKept", {
          filters: inlineNumber(p.filters),
          channelsIn: inlineNumber(p.channelsIn),
        }),
    },
  ],
};
