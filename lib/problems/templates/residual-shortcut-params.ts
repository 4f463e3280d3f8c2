import { convOutputSize } from "../../engine";
import { residualFigure } from "../figures/residual-figure";
import { ProblemError } from "../errors";
import { inlineCount, inlineNumber } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { describeBlock, type ResidualBlock, shortcutLayers } from "./residual-block";
import { residualMessages as messages } from "./residual.messages";

/**
 * `residual.shortcut-params`: the trainable parameters of a residual block's 1×1 shortcut
 * (d2l 7.6 zh / 8.6 en, `use_1x1conv`; torchvision's `downsample`). The key is the engine's
 * `totalParams` of the shortcut path analysed on its own (a composite's entry in `layers` does
 * not sum its children).
 *
 * Difficulty follows the size of the product and the traps: easy, d2l's shortcut doubling 3 to 32
 * channels (every key below every medium one); medium, d2l's from 48 to 256 channels to 2, 3 or 4
 * times as many; hard, the same sizes in torchvision's bias-free convolution with batch
 * normalization (`2·c_o`, not `c_o`).
 */
export interface ResidualShortcutParamsParams extends ResidualBlock {
  difficulty: Difficulty;
  shortcut: "d2l" | "torchvision";
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ResidualShortcutParamsParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const channelsIn = rng.pick(difficulty === "easy" ? [3, 8, 16, 24, 32] : [48, 64, 96, 128, 256]);
  const filters = difficulty === "easy" ? 2 * channelsIn : rng.pick([2, 3, 4].map((factor) => factor * channelsIn));
  const size = 2 * rng.int(4, 28);
  return { difficulty, channelsIn, size, filters, stride: 2, shortcut: difficulty === "hard" ? "torchvision" : "d2l" };
}

/** `c_i·c_o + c_o` (d2l 6.4 with k = 1), or `c_i·c_o + 2·c_o` with batch normalization's γ and β. */
const shortcutCount = (p: ResidualShortcutParamsParams) => ({
  weights: p.channelsIn * p.filters,
  extra: p.shortcut === "d2l" ? p.filters : 2 * p.filters,
});

/** The block's output `[C, H, W]`: a 3×3 convolution with padding 1 and the block's stride (d2l 7.6.2). */
const blockOutput = (p: { filters: number; size: number; stride: number }) => {
  const size = convOutputSize(p.size, 3, 1, p.stride);
  return [p.filters, size, size];
};

export const residualShortcutParamsTemplate: ProblemTemplate<ResidualShortcutParamsParams> = {
  id: "residual.shortcut-params",
  topic: "residual",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("shortcutParams.title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: { input: [p.channelsIn, p.size, p.size], layers: shortcutLayers(p) }, select: "totalParams" }),

  render(p, key, lang) {
    const t = messages(lang);
    const { weights, extra } = shortcutCount(p);
    if (key.kind !== "integer" || key.value !== weights + extra) {
      throw new ProblemError("invalid-variant", `residual.shortcut-params: the worked solution gives ${weights + extra}, the engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("shortcutParams.prompt", { block: describeBlock(p, lang), shortcut: p.shortcut });
    const work =
      p.shortcut === "d2l"
        ? `$${p.channelsIn} \\cdot ${p.filters} + ${p.filters} = ${weights + extra}$`
        : `$${p.channelsIn} \\cdot ${p.filters} + 2 \\cdot ${p.filters} = ${weights + extra}$`;
    const solution = t("shortcutParams.solution", {
      channelsIn: inlineNumber(p.channelsIn),
      filters: inlineNumber(p.filters),
      shortcut: p.shortcut,
      work,
      answer: inlineCount(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => residualFigure({ ...p, output: blockOutput(p) }, lang),
  // The key is the shortcut's parameter count, which the diagram does not show (its shapes are
  // not asked): the block described in the prompt, drawn.
  promptFigure: (p, lang) => residualFigure({ ...p, output: blockOutput(p) }, lang),

  misconceptions: [
    {
      id: "forgot-bias-or-norm",
      wrongAnswer: (p) => shortcutCount(p).weights,
      feedback: (p, lang) => messages(lang)("shortcutParams.mistakes.forgotBiasOrNorm", { shortcut: p.shortcut }),
    },
    {
      id: "running-stats-counted",
      wrongAnswer: (p) => {
        const { weights, extra } = shortcutCount(p);
        return p.shortcut === "torchvision" ? weights + 2 * extra : weights + extra;
      },
      feedback: (_p, lang) => messages(lang)("shortcutParams.mistakes.runningStatsCounted"),
    },
    {
      id: "kernel-3x3",
      wrongAnswer: (p) => 9 * shortcutCount(p).weights + shortcutCount(p).extra,
      feedback: (_p, lang) => messages(lang)("shortcutParams.mistakes.kernelThreeByThree"),
    },
  ],
};
