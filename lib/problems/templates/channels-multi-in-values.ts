import { multiChannelFigure } from "../figures/multi-channel-figure";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineSize, texMatrix } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { channelsMultiInValuesMessages as messages } from "./channels-multi-in-values.messages";
import { correlateWindow, flipKernel, matricesAgree, slideWindows } from "./sliding-windows";

/**
 * `channels.multi-in-values`: the output of a cross-correlation over several input channels,
 * summed over the channels (d2l 6.4.1 zh / 7.4.1 en, "Multiple Input Channels"; the engine's
 * `corr2d` with a `[C][kh][kw]` kernel).
 *
 * Difficulties: easy, d2l's two 3×3 channels with 2×2 slices; medium, two or three channels,
 * slices with negative entries; hard, three 4×4 channels, 2×2 or 3×3 slices, and a bias.
 */
export interface ChannelsMultiInValuesParams {
  difficulty: Difficulty;
  /** `[C][H][W]`. */
  input: number[][][];
  /** `[C][k][k]`. */
  kernel: number[][][];
  bias: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

const matrixOf = (rng: Rng, size: number, from: number, to: number) =>
  Array.from({ length: size }, () => Array.from({ length: size }, () => rng.int(from, to)));
const channelsOf = (rng: Rng, channels: number, size: number, from: number, to: number) =>
  Array.from({ length: channels }, () => matrixOf(rng, size, from, to));

function generate(rng: Rng): ChannelsMultiInValuesParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") return { difficulty, input: channelsOf(rng, 2, 3, 0, 9), kernel: channelsOf(rng, 2, 2, 0, 4), bias: 0 };
  if (difficulty === "medium") {
    const channels = rng.int(2, 3);
    return { difficulty, input: channelsOf(rng, channels, rng.int(3, 4), 0, 9), kernel: channelsOf(rng, channels, 2, -2, 3), bias: 0 };
  }
  const k = rng.pick([2, 3]);
  const bias = rng.pick([-3, -2, -1, 1, 2, 3, 5]);
  return { difficulty, input: channelsOf(rng, 3, 4, -2, 6), kernel: channelsOf(rng, 3, k, -2, 2), bias };
}

/** Channel `c`'s cross-correlation with its slice (stride 1, no padding), flipped for the misconception. */
function channelOutput(p: ChannelsMultiInValuesParams, c: number, flip = false): number[][] {
  const slice = p.kernel[c] ?? [];
  const k = slice.length;
  const kernel = flip ? flipKernel(slice) : slice;
  return slideWindows(p.input[c] ?? [], [k, k], [1, 1], [0, 0]).map((row) => row.map((w) => correlateWindow(w, kernel)));
}

/** `Σ_c Y_c + bias`, entry by entry; `scale` for the averaging misconception. */
function combine(p: ChannelsMultiInValuesParams, { flip = false, bias = p.bias, scale = 1 } = {}): number[][] {
  const outputs = p.input.map((_, c) => channelOutput(p, c, flip));
  const first = outputs[0] ?? [];
  return first.map((row, i) => row.map((_, j) => outputs.reduce((sum, y) => sum + (y[i]?.[j] ?? 0), 0) * scale + bias));
}

export const channelsMultiInValuesTemplate: ProblemTemplate<ChannelsMultiInValuesParams> = {
  id: "channels.multi-in-values",
  topic: "channels",
  answerKind: "matrix",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "run",
    op: { op: "corr2d", input: p.input, kernel: p.kernel, ...(p.bias !== 0 ? { bias: p.bias } : {}) },
    select: "output",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = combine(p);
    if (key.kind !== "matrix" || !matricesAgree(worked, key.value)) {
      throw new ProblemError("invalid-variant", `channels.multi-in-values: the worked solution gives ${JSON.stringify(worked)}, the engine ${JSON.stringify(key.value)}`);
    }
    const channels = p.input.length;
    const k = p.kernel[0]?.length ?? 0;
    const indices = p.input.map((_, c) => c + 1);
    const stacked = (tensors: number[][][], name: string) =>
      displayMath(indices.map((c) => `${name}_{${c}} = ${texMatrix(tensors[c - 1] ?? [])}`).join(", \\quad "));
    const channelWork = displayMath(
      indices
        .map((c) => `Y_{${c}} = X_{${c}} \\star K_{${c}} = ${texMatrix(channelOutput(p, c - 1))}`)
        .join(", \\quad "),
    );
    const sumTerms = indices.map((c) => `Y_{${c}}`).join(" + ") + (p.bias !== 0 ? ` + (${p.bias})` : "");
    const sumWork = displayMath(`Y = ${sumTerms} = ${texMatrix(worked)}`);
    const hasBias = p.bias !== 0 ? "yes" : "no";
    const prompt = t("prompt", {
      channels: inlineNumber(channels),
      kernelSize: inlineSize(k, k),
      bias: hasBias,
      biasValue: inlineNumber(p.bias),
      input: stacked(p.input, "X"),
      kernel: stacked(p.kernel, "K"),
    });
    const solution = t("solution", { bias: hasBias, channelWork, sumWork, answer: displayMath(`Y = ${texMatrix(worked)}`) });
    return { prompt, solution };
  },

  figure: (p, key, lang) =>
    key.kind === "matrix"
      ? multiChannelFigure({ input: p.input, kernel: p.kernel, perChannel: p.input.map((_, c) => channelOutput(p, c)), bias: p.bias, output: key.value }, lang)
      : null,

  misconceptions: [
    {
      id: "first-channel-only",
      wrongAnswer: (p) => channelOutput(p, 0).map((row) => row.map((y) => y + p.bias)),
      feedback: (p, lang) => messages(lang)("mistakes.firstChannelOnly", { channels: inlineNumber(p.input.length) }),
    },
    {
      id: "averaged-channels",
      wrongAnswer: (p) => combine(p, { scale: 1 / p.input.length }),
      feedback: (_p, lang) => messages(lang)("mistakes.averagedChannels"),
    },
    {
      id: "kernel-flipped",
      wrongAnswer: (p) => combine(p, { flip: true }),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelFlipped"),
    },
    {
      id: "forgot-bias",
      wrongAnswer: (p) => combine(p, { bias: 0 }),
      feedback: (p, lang) => messages(lang)("mistakes.forgotBias", { biasValue: inlineNumber(p.bias) }),
    },
  ],
};
