import { specStackFigure } from "../figures/spec-stack-figure";
import type { LayerSpec } from "../../engine";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape, inlineSize } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { ninGapVsDenseMessages as messages } from "./nin-gap-vs-dense.messages";
import { ninBlock } from "./nin-spec";

/**
 * `nin.gap-vs-dense`: the parameters of a classification head on `[C, H, W]` feature maps,
 * either a dense layer on the flattened maps (`C·H·W·K + K`), a 1×1 convolution then global
 * average pooling (`K·C + K`), or d2l's NiN head (`9·K·C + K + 2·(K² + K)`) (d2l 2nd ed. 7.3 zh /
 * 8.3 en). The solution compares the three.
 *
 * Difficulty follows the products to work out: easy, the 1×1 convolution with pooling (one,
 * `K·C`); medium, the dense head (the flattened `C·H·W` times `K`); hard, d2l's NiN head (three
 * convolutions, `9·K·C` and `2·K²`). Feature maps as NiN, AlexNet or VGG leave them, or random.
 */
export interface NinGapVsDenseParams {
  difficulty: Difficulty;
  channels: number;
  size: number;
  classes: number;
}

type Head = "dense" | "oneByOne" | "nin";

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const HEAD: Record<Difficulty, Head> = { easy: "oneByOne", medium: "dense", hard: "nin" };

function generate(rng: Rng): NinGapVsDenseParams {
  const difficulty = rng.pick(DIFFICULTIES);
  // d2l's NiN before its last block (384 × 5 × 5), AlexNet's last pool (256 × 5 × 5 on 224 inputs), VGG-11's (512 × 7 × 7).
  const maps = rng.pick([
    { channels: 384, size: 5 },
    { channels: 256, size: 5 },
    { channels: 512, size: 7 },
    { channels: 32 * rng.int(2, 16), size: rng.int(2, 8) },
  ]);
  return { difficulty, ...maps, classes: rng.pick([10, 10, 100, 1000]) };
}

const denseParams = (p: NinGapVsDenseParams) => p.channels * p.size * p.size * p.classes + p.classes;
const oneByOneParams = (p: NinGapVsDenseParams) => p.classes * p.channels + p.classes;
const ninParams = (p: NinGapVsDenseParams) => 9 * p.classes * p.channels + p.classes + 2 * (p.classes * p.classes + p.classes);
const PARAMS: Record<Head, (p: NinGapVsDenseParams) => number> = { dense: denseParams, oneByOne: oneByOneParams, nin: ninParams };

function headLayers(p: NinGapVsDenseParams): LayerSpec[] {
  const head = HEAD[p.difficulty];
  if (head === "dense") return [{ type: "flatten" }, { type: "dense", units: p.classes }];
  const conv: LayerSpec[] = head === "nin" ? [ninBlock(p.classes, 3, 1, 1)] : [{ type: "conv2d", filters: p.classes, kernel: 1 }];
  return [...conv, { type: "global_avgpool" }, { type: "flatten" }];
}

const ONE = inlineSize(1, 1);

function headWork(p: NinGapVsDenseParams, head: Head): string {
  const { channels: c, size: n, classes: k } = p;
  if (head === "dense") return `$${c} \\cdot ${n} \\cdot ${n} \\cdot ${k} + ${k} = ${denseParams(p)}$`;
  if (head === "oneByOne") return `$${k} \\cdot ${c} + ${k} = ${oneByOneParams(p)}$`;
  return `$(${k} \\cdot ${c} \\cdot 3^2 + ${k}) + 2 \\cdot (${k} \\cdot ${k} + ${k}) = ${ninParams(p)}$`;
}

const feedback =
  (key: "forgotBias" | "spatialIgnored" | "gapHasParameters" | "oneByOneSkipped") => (p: NinGapVsDenseParams, lang: Lang) =>
    messages(lang)(`mistakes.${key}`, { one: ONE, classes: inlineNumber(p.classes), inputs: inlineNumber(p.channels * p.size * p.size) });

export const ninGapVsDenseTemplate: ProblemTemplate<NinGapVsDenseParams> = {
  id: "nin.gap-vs-dense",
  topic: "nin",
  answerKind: "integer",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => ({
    mode: "analyze",
    spec: { input: [p.channels, p.size, p.size], layers: headLayers(p) },
    select: "totalParams",
  }),

  render(p, key, lang) {
    const t = messages(lang);
    const head = HEAD[p.difficulty];
    const total = PARAMS[head](p);
    if (key.kind !== "integer" || key.value !== total) {
      throw new ProblemError("invalid-variant", `nin.gap-vs-dense: worked ${total}, engine ${JSON.stringify(key.value)}`);
    }
    const prompt = t("prompt", {
      featureShape: inlineShape([p.channels, p.size, p.size]),
      classes: inlineNumber(p.classes),
      head,
      one: ONE,
      three: inlineSize(3, 3),
    });
    const solution = t("solution", {
      head,
      work: headWork(p, head),
      denseWork: headWork(p, "dense"),
      oneByOneWork: headWork(p, "oneByOne"),
      one: ONE,
      spatial: `$${p.size} \\cdot ${p.size}$`,
      answer: inlineNumber(total),
    });
    return { prompt, solution };
  },

  figure(p, _key, lang) {
    const check = this.check(p);
    return check?.mode === "analyze" ? specStackFigure(check.spec, lang, "none") : null;
  },

  misconceptions: [
    {
      id: "forgot-bias",
      wrongAnswer: (p) => {
        const head = HEAD[p.difficulty];
        if (head === "dense") return denseParams(p) - p.classes;
        return head === "oneByOne" ? oneByOneParams(p) - p.classes : ninParams(p) - 3 * p.classes;
      },
      feedback: feedback("forgotBias"),
    },
    {
      id: "spatial-positions-ignored",
      wrongAnswer: (p) => (HEAD[p.difficulty] === "dense" ? p.channels * p.classes + p.classes : null),
      feedback: feedback("spatialIgnored"),
    },
    {
      id: "global-pooling-has-parameters",
      // A learner who gives the pooling one weight per channel it averages.
      wrongAnswer: (p) => (HEAD[p.difficulty] === "dense" ? null : PARAMS[HEAD[p.difficulty]](p) + p.classes),
      feedback: feedback("gapHasParameters"),
    },
    {
      id: "nin-one-by-one-skipped",
      wrongAnswer: (p) => (HEAD[p.difficulty] === "nin" ? 9 * p.classes * p.channels + p.classes : null),
      feedback: feedback("oneByOneSkipped"),
    },
  ],
};
