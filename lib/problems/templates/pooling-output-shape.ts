import { sizeFigure } from "../figures/size-figure";
import { poolOutputSize } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlinePair, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { poolingOutputShapeMessages as messages } from "./pooling-output-shape.messages";

/**
 * `pooling.output-shape`: the shape after one max- or average-pooling layer (d2l 6.5.2–6.5.3
 * zh / 7.5.2–7.5.3 en): the spatial axes follow the convolution formula, the channels stay.
 *
 * Difficulties: easy, a 2×2 window with stride 2; medium, AlexNet's and ResNet's 3×3 window with
 * stride 2 (padding 0 or 1); hard, rectangular windows, strides and paddings.
 */
export interface PoolingOutputShapeParams {
  difficulty: Difficulty;
  pool: "max" | "avg";
  channels: number;
  height: number;
  width: number;
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): PoolingOutputShapeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const pool = rng.pick(["max", "avg"] as const);
  const channels = rng.pick([3, 6, 16, 32, 64, 96, 256]);
  if (difficulty === "easy") {
    const size = rng.int(6, 64);
    return { difficulty, pool, channels, height: size, width: size, kernel: [2, 2], stride: [2, 2], padding: [0, 0] };
  }
  if (difficulty === "medium") {
    const size = rng.int(7, 112);
    const p = rng.int(0, 1);
    return { difficulty, pool, channels, height: size, width: size, kernel: [3, 3], stride: [2, 2], padding: [p, p] };
  }
  const kh = rng.int(2, 4);
  const kw = rng.pick([2, 3, 4].filter((k) => k !== kh));
  // PyTorch refuses a pooling padding over half the window.
  const padding: [number, number] = [rng.int(0, Math.floor(kh / 2)), rng.int(0, Math.floor(kw / 2))];
  const sh = rng.int(1, 3);
  const sw = rng.pick([1, 2, 3].filter((s) => s !== sh));
  return { difficulty, pool, channels, height: rng.int(8, 40), width: rng.int(8, 40), kernel: [kh, kw], stride: [sh, sw], padding };
}

interface Axis {
  size: number;
  kernel: number;
  padding: number;
  stride: number;
}

const axesOf = (p: PoolingOutputShapeParams): Axis[] => [
  { size: p.height, kernel: p.kernel[0], padding: p.padding[0], stride: p.stride[0] },
  { size: p.width, kernel: p.kernel[1], padding: p.padding[1], stride: p.stride[1] },
];

function axisWork(a: Axis): { latex: string; output: number } {
  const output = poolOutputSize(a.size, a.kernel, a.padding, a.stride);
  const numerator = a.size + 2 * a.padding - a.kernel;
  return {
    output,
    latex:
      `$\\left\\lfloor \\frac{${a.size} + 2 \\cdot ${a.padding} - ${a.kernel}}{${a.stride}} \\right\\rfloor + 1` +
      ` = \\left\\lfloor \\frac{${numerator}}{${a.stride}} \\right\\rfloor + 1 = ${output}$`,
  };
}

const FORMULA = displayMath("n_\\text{out} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1");

const wrongSpatial = (rule: (a: Axis) => number) => (p: PoolingOutputShapeParams) => [p.channels, ...axesOf(p).map(rule)];

export const poolingOutputShapeTemplate: ProblemTemplate<PoolingOutputShapeParams> = {
  id: "pooling.output-shape",
  topic: "pooling",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => {
    const square = p.difficulty !== "hard";
    return {
      mode: "analyze",
      spec: {
        input: [p.channels, p.height, p.width],
        layers: [
          {
            type: p.pool === "max" ? "maxpool2d" : "avgpool2d",
            kernel: square ? p.kernel[0] : p.kernel,
            stride: square ? p.stride[0] : p.stride,
            padding: square ? p.padding[0] : p.padding,
          },
        ],
      },
      select: "outputShape",
    };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const [height, width] = axesOf(p).map(axisWork) as [ReturnType<typeof axisWork>, ReturnType<typeof axisWork>];
    const worked = [p.channels, height.output, width.output];
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `pooling.output-shape: the worked solution gives [${worked.join(", ")}], the engine ${JSON.stringify(key.value)}`);
    }
    const square = p.difficulty !== "hard";
    const prompt = t("prompt", {
      pool: p.pool,
      inputShape: inlineShape([p.channels, p.height, p.width]),
      window: inlineSize(p.kernel[0], p.kernel[1]),
      padding: inlinePair(p.padding[0], p.padding[1], square),
      stride: inlinePair(p.stride[0], p.stride[1], square),
      form: square ? "square" : "rect",
    });
    const solution = t("solution", {
      formula: FORMULA,
      heightWork: height.latex,
      widthWork: width.latex,
      channels: `$${p.channels}$`,
      answer: inlineShape(worked),
    });
    return { prompt, solution };
  },

  figure: (p, key, lang) => (key.kind === "shape" ? sizeFigure({ layer: "pool", input: [p.height, p.width], kernel: p.kernel, padding: p.padding, stride: p.stride, dilation: [1, 1], output: [key.value[1] ?? 0, key.value[2] ?? 0], channels: [p.channels, key.value[0] ?? 0] }, lang) : null),

  misconceptions: [
    {
      id: "channels-changed",
      // Pooling taken for a convolution with a single kernel: the channels summed into one.
      wrongAnswer: (p) => [1, ...axesOf(p).map((a) => poolOutputSize(a.size, a.kernel, a.padding, a.stride))],
      feedback: (p, lang) => messages(lang)("mistakes.channelsChanged", { channels: `$${p.channels}$` }),
    },
    {
      id: "forgot-plus-one",
      wrongAnswer: wrongSpatial((a) => Math.floor((a.size + 2 * a.padding - a.kernel) / a.stride)),
      feedback: (_p, lang) => messages(lang)("mistakes.forgotPlusOne"),
    },
    {
      id: "padding-once",
      wrongAnswer: wrongSpatial((a) => Math.floor((a.size + a.padding - a.kernel) / a.stride) + 1),
      feedback: (_p, lang) => messages(lang)("mistakes.paddingOnce"),
    },
    {
      id: "stride-ignored",
      wrongAnswer: wrongSpatial((a) => a.size + 2 * a.padding - a.kernel + 1),
      feedback: (p, lang) => messages(lang)("mistakes.strideIgnored", { stride: inlinePair(p.stride[0], p.stride[1], true) }),
    },
  ],
};
