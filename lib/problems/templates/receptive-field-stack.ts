import { receptiveFieldFigure } from "../figures/receptive-field-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { displayMath, inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { receptiveFieldStackMessages as messages } from "./receptive-field-stack.messages";

/**
 * `rf.stacked-layers`: the receptive field, along one axis, of one output unit after a stack of
 * convolutional and max-pooling layers (d2l 6.2.6 zh / 7.2.6 en, "Feature Map and Receptive Field").
 * The theoretical field, as if the input had no border: on the hard variants it is wider than the
 * 64-pixel input (up to 85), so the prompt asks for that and states every layer's padding.
 *
 * Difficulty follows the steps and the jump: easy, two or three convolutions with stride 1 (the
 * kernels' `k − 1` add up, no jump); medium, three layers with one pooling of stride 2, first or
 * between two convolutions (LeNet-like), so one jump of 2 multiplies the later terms; hard, four or
 * five layers starting with a stride of 2, so the jump compounds. The key is the engine's
 * `receptiveField` of the last layer.
 */
export interface ReceptiveFieldStackParams {
  difficulty: Difficulty;
  size: number;
  layers: StackLayer[];
}

interface StackLayer {
  kind: "conv" | "maxpool";
  kernel: number;
  stride: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ReceptiveFieldStackParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const conv = (kernels: readonly number[], strides: readonly number[]): StackLayer => ({
    kind: "conv",
    kernel: rng.pick(kernels),
    stride: rng.pick(strides),
  });
  const pool = (): StackLayer => ({ kind: "maxpool", kernel: rng.pick([2, 3]), stride: 2 });
  let layers: StackLayer[];
  if (difficulty === "easy") {
    layers = Array.from({ length: rng.int(2, 3) }, () => conv([3, 5, 7], [1]));
  } else if (difficulty === "medium") {
    layers = rng.pick([true, false]) ? [conv([3, 5, 7], [1]), pool(), conv([3, 5, 7], [1])] : [pool(), conv([3, 5, 7], [1]), conv([3, 5, 7], [1])];
  } else {
    // The first layer strides 2, so the jump already matters from the second layer on.
    layers = [conv([3, 5, 7], [2])];
    const more = rng.int(3, 4);
    for (let index = 1; index < more; index += 1) layers.push(rng.pick([0, 1]) === 0 ? conv([3, 5], [1, 2]) : pool());
    layers.push(conv([1, 3], [1]));
  }
  // Size-preserving padding and at most five halvings: 64 pixels leave at least 2 at the end.
  return { difficulty, size: 64, layers };
}

/** A convolution's padding: ⌊k/2⌋, which keeps the size at stride 1; the prompt states it. */
const convPadding = (kernel: number): number => Math.floor(kernel / 2);

/** The stack as the engine sees it; pooling has no padding. */
function layerSpecs(p: ReceptiveFieldStackParams): LayerSpec[] {
  return p.layers.map((layer) =>
    layer.kind === "conv"
      ? { type: "conv2d", filters: 8, kernel: layer.kernel, stride: layer.stride, padding: convPadding(layer.kernel) }
      : { type: "maxpool2d", kernel: layer.kernel, stride: layer.stride },
  );
}

/** `r ← r + (k − 1)·j`, `j ← j·s` per layer, with the numbers (Araujo et al., Distill 2019, eq. 1–2). */
function workedField(p: ReceptiveFieldStackParams): { steps: string[]; field: number } {
  let field = 1;
  let jump = 1;
  const steps = p.layers.map((layer) => {
    const next = field + (layer.kernel - 1) * jump;
    const latex = `$r = ${field} + (${layer.kernel} - 1) \\cdot ${jump} = ${next},\\ j = ${jump} \\cdot ${layer.stride} = ${jump * layer.stride}$`;
    field = next;
    jump *= layer.stride;
    return latex;
  });
  return { steps, field };
}

const FORMULA = displayMath("r \\leftarrow r + (k - 1) \\cdot j, \\qquad j \\leftarrow j \\cdot s");

export const receptiveFieldStackTemplate: ProblemTemplate<ReceptiveFieldStackParams> = {
  id: "rf.stacked-layers",
  topic: "receptive-field",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [1, p.size, p.size], layers: layerSpecs(p) },
    select: `layers.${p.layers.length - 1}.receptiveField.0`,
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const { steps, field } = workedField(p);
    if (key.kind !== "integer" || key.value !== field) {
      throw new ProblemError("invalid-variant", `rf.stacked-layers: the worked solution gives ${field}, the engine ${JSON.stringify(key.value)}`);
    }
    const layers = p.layers
      .map((layer, index) => {
        const args = { kernel: inlineSize(layer.kernel, layer.kernel), stride: inlineNumber(layer.stride), padding: inlineNumber(convPadding(layer.kernel)) };
        return `${index + 1}. ${layer.kind === "conv" ? t("conv", args) : t("maxpool", args)}`;
      })
      .join("\n");
    const prompt = t("prompt", { inputShape: inlineShape([1, p.size, p.size]), layers });
    const solution = t("solution", {
      formula: FORMULA,
      start: "$r = 1,\\ j = 1$",
      steps: steps.map((work, index) => `- ${t("step", { index: String(index + 1), work })}`).join("\n"),
      answer: inlineNumber(key.value),
    });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => receptiveFieldFigure(p.layers.map((layer) => ({ ...layer, dilation: 1 })), lang),

  misconceptions: [
    {
      id: "strides-ignored",
      wrongAnswer: (p) => 1 + p.layers.reduce((sum, layer) => sum + layer.kernel - 1, 0),
      feedback: (_p, lang) => messages(lang)("mistakes.stridesIgnored"),
    },
    {
      id: "kernels-multiplied",
      wrongAnswer: (p) => p.layers.reduce((product, layer) => product * layer.kernel, 1),
      feedback: (_p, lang) => messages(lang)("mistakes.kernelsMultiplied"),
    },
    {
      id: "own-stride-counted",
      wrongAnswer: (p) => {
        let field = 1;
        let jump = 1;
        for (const layer of p.layers) {
          jump *= layer.stride;
          field += (layer.kernel - 1) * jump;
        }
        return field;
      },
      feedback: (_p, lang) => messages(lang)("mistakes.ownStrideCounted"),
    },
  ],
};
