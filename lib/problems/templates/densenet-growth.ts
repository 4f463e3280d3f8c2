import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { checkStackFigure } from "../figures/spec-stack-figure";
import { inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { denseNetGrowthMessages as messages } from "./densenet-growth.messages";
import { denseBlock, transitionBlock } from "./densenet-spec";

/**
 * `densenet.growth`: the shape after several dense blocks and transition layers (d2l 7.7 zh /
 * 8.7 en): a block of `n` convolution blocks adds `n·k` channels, a transition halves the
 * channels (`num_channels // 2`) and, with 2×2 average pooling of stride 2, height and width. The
 * key is the engine's `outputShape` of the whole trace.
 *
 * Difficulty follows the steps carried: easy, two blocks with one transition between them, small
 * channel counts; medium, three blocks and two transitions at d2l's widths; hard, four blocks and
 * three transitions, sometimes ending on a transition, with odd channel counts or sizes so that
 * rounding down matters.
 */
export interface DenseNetGrowthParams {
  difficulty: Difficulty;
  channelsIn: number;
  size: number;
  blocks: number;
  layers: number;
  growth: number;
  /** A transition after the last block too (as between d2l's blocks). */
  endsOnTransition: boolean;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

function generate(rng: Rng): DenseNetGrowthParams {
  const difficulty = rng.pick(DIFFICULTIES);
  if (difficulty === "easy") {
    return { difficulty, channelsIn: rng.int(3, 16), size: rng.pick([8, 16, 24, 32]), blocks: 2, layers: rng.pick([2, 3]), growth: rng.pick([4, 5, 6, 8, 10, 12]), endsOnTransition: false };
  }
  if (difficulty === "medium") {
    return { difficulty, channelsIn: rng.pick([32, 48, 64]), size: rng.pick([24, 28, 32, 56]), blocks: 3, layers: rng.int(2, 6), growth: rng.pick([12, 16, 24, 32]), endsOnTransition: false };
  }
  // Odd widths: an odd growth rate times an odd count of layers, or an odd input, so some halving rounds down.
  return {
    difficulty,
    channelsIn: rng.pick([24, 25, 32, 48, 63, 64]),
    size: rng.pick([25, 27, 48, 56, 96, 97]),
    blocks: 4,
    layers: rng.pick([3, 4, 5, 6]),
    growth: rng.pick([12, 15, 21, 32]),
    endsOnTransition: rng.int(0, 2) === 0,
  };
}

interface Stage {
  kind: "block" | "transition";
  index: number;
  shape: [number, number, number];
  /** The shape it receives. */
  from: [number, number, number];
}

interface Rule {
  fromZero?: boolean;
  keepsChannels?: boolean;
  keepsSize?: boolean;
  roundedUp?: boolean;
}

/** The trace by the rule: blocks add `n·k` channels; transitions halve channels and size (floor). */
function trace(p: DenseNetGrowthParams, rule: Rule = {}): Stage[] {
  const half = (x: number) => (rule.roundedUp ? Math.ceil(x / 2) : Math.floor(x / 2));
  let shape: [number, number, number] = [rule.fromZero ? 0 : p.channelsIn, p.size, p.size];
  const stages: Stage[] = [];
  for (let b = 0; b < p.blocks; b += 1) {
    const from = shape;
    shape = [from[0] + p.layers * p.growth, from[1], from[2]];
    stages.push({ kind: "block", index: b + 1, shape, from });
    if (b < p.blocks - 1 || p.endsOnTransition) {
      const before = shape;
      shape = [rule.keepsChannels ? before[0] : half(before[0]), rule.keepsSize ? before[1] : half(before[1]), rule.keepsSize ? before[2] : half(before[2])];
      stages.push({ kind: "transition", index: b + 1, shape, from: before });
    }
  }
  return stages;
}

const finalShape = (p: DenseNetGrowthParams, rule: Rule = {}) => [...(trace(p, rule).at(-1)?.shape ?? [])];

/** d2l's `DenseNet`: `num_channels // 2` after each block, `transition_block(num_channels)`. */
function layersOf(p: DenseNetGrowthParams): LayerSpec[] {
  return trace(p).map((stage) => (stage.kind === "block" ? denseBlock(p.layers, p.growth) : transitionBlock(stage.shape[0])));
}

function describeStages(p: DenseNetGrowthParams, lang: Lang): string {
  const t = messages(lang);
  return trace(p)
    .map((stage, i) => `${i + 1}. ${t(stage.kind)} ${stage.index}`)
    .join("\n");
}

export const denseNetGrowthTemplate: ProblemTemplate<DenseNetGrowthParams> = {
  id: "densenet.growth",
  topic: "dense-connections",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({ mode: "analyze", spec: { input: [p.channelsIn, p.size, p.size], layers: layersOf(p) }, select: "outputShape" }),

  render(p, key, lang) {
    const t = messages(lang);
    const worked = finalShape(p);
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `densenet.growth: worked [${worked.join(", ")}], engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      inputShape: inlineShape([p.channelsIn, p.size, p.size]),
      stages: describeStages(p, lang),
      layers: inlineNumber(p.layers),
      growth: inlineNumber(p.growth),
    });
    const steps = trace(p)
      .map((stage) => {
        const [c, h] = stage.from;
        const work =
          stage.kind === "block"
            ? `$${c} + ${p.layers} \\cdot ${p.growth} = ${stage.shape[0]}$ → ${inlineShape(stage.shape)}`
            : `$\\lfloor ${c} / 2 \\rfloor = ${stage.shape[0]},\\ \\lfloor ${h} / 2 \\rfloor = ${stage.shape[1]}$ → ${inlineShape(stage.shape)}`;
        return `- ${t("step", { stage: t(stage.kind), index: String(stage.index), work })}`;
      })
      .join("\n");
    return { prompt, solution: t("solution", { steps, answer: inlineShape(worked) }) };
  },

  figure(p, _key, lang) {
    return checkStackFigure(this.check(p), lang);
  },

  misconceptions: [
    {
      id: "forgot-input-channels",
      wrongAnswer: (p) => finalShape(p, { fromZero: true }),
      feedback: (p, lang) => messages(lang)("mistakes.fromZero", { growth: inlineNumber(p.growth) }),
    },
    {
      id: "transition-keeps-channels",
      wrongAnswer: (p) => finalShape(p, { keepsChannels: true }),
      feedback: (_p, lang) => messages(lang)("mistakes.keepsChannels"),
    },
    {
      id: "transition-keeps-size",
      wrongAnswer: (p) => finalShape(p, { keepsSize: true }),
      feedback: (_p, lang) => messages(lang)("mistakes.keepsSize"),
    },
    {
      id: "ceil-instead-of-floor",
      wrongAnswer: (p) => {
        const wrong = finalShape(p, { roundedUp: true });
        return wrong.join() === finalShape(p).join() ? null : wrong;
      },
      feedback: (_p, lang) => messages(lang)("mistakes.roundedUp"),
    },
  ],
};
