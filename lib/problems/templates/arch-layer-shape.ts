import { zooStackFigure } from "./zoo-figure";
import { ProblemError } from "../errors";
import { inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { architecturesMessages as messages } from "./architectures.messages";
import { difficultyOfDepth, listNetwork, type ShownLayer, pickZooTarget, shownLayers, type ZooTarget } from "./zoo-prompt";
import { layerOutputShape } from "./zoo-walk";

/**
 * `arch.layer-shape`: the output shape after a given layer of d2l's LeNet, AlexNet or VGG-11 on a
 * stated input (d2l 6.6, 7.1, 7.2 zh / 7.6, 8.1, 8.2 en). The key is the engine's `outputShape`
 * of that layer in the zoo network's analysis.
 *
 * Difficulty follows the number of layers whose shape is carried, whichever the network
 * (`difficultyOfDepth`): easy, the 2nd to 4th layer; medium, the 5th to 8th; hard, the 9th or later.
 */
export interface ArchLayerShapeParams extends ZooTarget {
  difficulty: Difficulty;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): ArchLayerShapeParams {
  const difficulty = rng.pick(DIFFICULTIES);
  // Past the first layer, so that at least one shape has to be carried forward.
  return { difficulty, ...pickZooTarget(rng, difficulty, (row) => row.number >= 2) };
}

function targetLayer(p: ArchLayerShapeParams) {
  const row = shownLayers(p.net, p.size).layers.find((layer) => layer.number === p.target);
  if (!row) throw new ProblemError("invalid-variant", `arch.layer-shape: ${p.net} has no layer ${p.target}`);
  return row;
}

/** A spatial axis worked out, `⌊(n + 2p − k)/s⌋ + 1 = out`, or the flatten product. */
function stepLatex(row: ShownLayer): string {
  const { layer, inputShape, outputShape } = row;
  if (layer.type === "conv2d" || layer.type === "maxpool2d" || layer.type === "avgpool2d") {
    const k = layer.kernel as number;
    const s = (layer.stride as number | undefined) ?? (layer.type === "conv2d" ? 1 : k);
    const p = (layer.padding as number | undefined) ?? 0;
    const n = inputShape[1] as number;
    return `$\\left\\lfloor \\frac{${n} + 2 \\cdot ${p} - ${k}}{${s}} \\right\\rfloor + 1 = ${outputShape[1]}$`;
  }
  if (layer.type === "flatten") return `$${inputShape.join(" \\cdot ")} = ${outputShape[0]}$`;
  return "";
}

const FORMULA = "$\\lfloor (n + 2p - k)/s \\rfloor + 1$";

/** Wrong rules applied at the target layer to the shape it receives. */
function wrongAtTarget(p: ArchLayerShapeParams, rule: "skip" | "no-padding" | "ceil"): number[] {
  const row = targetLayer(p);
  if (rule === "skip") return [...row.inputShape];
  const { layer } = row;
  if (layer.type !== "conv2d" && layer.type !== "maxpool2d" && layer.type !== "avgpool2d") return layerOutputShape(layer, row.inputShape);
  const k = layer.kernel as number;
  const s = (layer.stride as number | undefined) ?? (layer.type === "conv2d" ? 1 : k);
  const pad = rule === "no-padding" ? 0 : ((layer.padding as number | undefined) ?? 0);
  const round = rule === "ceil" ? Math.ceil : Math.floor;
  const axis = (n: number) => round((n + 2 * pad - k) / s) + 1;
  const channels = layer.type === "conv2d" ? layer.filters : (row.inputShape[0] as number);
  return [channels, axis(row.inputShape[1] as number), axis(row.inputShape[2] as number)];
}

export const archLayerShapeTemplate: ProblemTemplate<ArchLayerShapeParams> = {
  id: "arch.layer-shape",
  topic: "architectures",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("layerShape.title"),
  generate,
  difficultyOf: (p) => difficultyOfDepth(p.target),

  check: (p) => ({ mode: "analyze", spec: shownLayers(p.net, p.size).spec, select: `layers.${targetLayer(p).index}.outputShape` }),

  render(p, key, lang) {
    const t = messages(lang);
    const rows = shownLayers(p.net, p.size).layers.filter((row) => row.number <= p.target);
    const worked = targetLayer(p).outputShape;
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `arch.layer-shape: the worked solution gives [${worked.join(", ")}], the engine ${JSON.stringify(key.value)}`);
    }
    const { intro, layers } = listNetwork(p.net, p.size, p.target, lang);
    const prompt = t("layerShape.prompt", { intro, layers, target: String(p.target) });
    const steps = rows
      .map((row) => {
        const work = stepLatex(row);
        const shapes = { number: String(row.number), inputShape: inlineShape(row.inputShape), outputShape: inlineShape(row.outputShape) };
        // A step with no arithmetic (flatten, a dense layer) is only notation, the same in every language.
        return work ? t("layerShape.stepWorked", { ...shapes, work }) : `${shapes.number}. ${shapes.inputShape} → ${shapes.outputShape}`;
      })
      .join("\n");
    const solution = t("layerShape.solution", { formula: FORMULA, steps, target: String(p.target), answer: inlineShape(key.value) });
    return { prompt, solution };
  },

  figure: (p, _key, lang) => zooStackFigure(p.net, p.size, p.target, lang),

  misconceptions: [
    {
      id: "layer-skipped",
      wrongAnswer: (p) => wrongAtTarget(p, "skip"),
      feedback: (p, lang) => messages(lang)("layerShape.mistakes.layerSkipped", { target: String(p.target) }),
    },
    {
      id: "padding-ignored",
      wrongAnswer: (p) => wrongAtTarget(p, "no-padding"),
      feedback: (p, lang) => messages(lang)("layerShape.mistakes.paddingIgnored", { target: String(p.target) }),
    },
    {
      id: "ceil-instead-of-floor",
      wrongAnswer: (p) => wrongAtTarget(p, "ceil"),
      feedback: (_p, lang) => messages(lang)("layerShape.mistakes.ceilInsteadOfFloor"),
    },
  ],
};

