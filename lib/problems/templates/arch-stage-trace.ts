import { zooSpec } from "../../engine";
import { ProblemError } from "../errors";
import { figureMessages } from "../figures/figure.messages";
import { stackFigure } from "../figures/stack-figure";
import { inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty, Lang } from "../types";
import { archStageTraceMessages as messages } from "./arch-stage-trace.messages";

/**
 * `arch.stage-trace`: the output shape of a named stage of d2l's ResNet-18 (b1–b5), GoogLeNet
 * (b1–b5) or DenseNet (b1, four dense blocks, three transition layers) on a one-channel image
 * (d2l 7.4, 7.6, 7.7 zh / 8.4, 8.6, 8.7 en: 96×96 in d2l.ai, ResNet at 224×224 in the Chinese
 * edition's shape printout; other sizes here too, some whose halving rounds up). The key is the
 * engine's `outputShape` of the zoo network cut after that stage.
 *
 * Difficulty follows the stages carried, whichever the network: easy the first or second, medium
 * the third or fourth, hard the fifth or later.
 */
export interface ArchStageTraceParams {
  difficulty: Difficulty;
  net: Net;
  size: number;
  /** One-based stage: the top-level layers of the zoo spec, in order. */
  stage: number;
}

type Net = "resnet" | "googlenet" | "densenet";

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const ZOO: Record<Net, string> = { resnet: "d2l-resnet18", googlenet: "d2l-googlenet", densenet: "d2l-densenet" };
const STAGES: Record<Net, number> = { resnet: 5, googlenet: 5, densenet: 8 };
const SIZES = [64, 96, 100, 112, 128, 160, 200, 224];

/** Drawn as pairs: every network at every difficulty, however the generator's successive draws correlate. */
const PAIRS = DIFFICULTIES.flatMap((difficulty) => (["resnet", "googlenet", "densenet"] as const).map((net) => [difficulty, net] as const));

function generate(rng: Rng): ArchStageTraceParams {
  const [difficulty, net] = rng.pick(PAIRS);
  const [low, high] = { easy: [1, 2], medium: [3, 4], hard: [5, STAGES[net]] }[difficulty] as [number, number];
  return { difficulty, net, size: rng.pick(SIZES), stage: rng.int(low, high) };
}

interface Rule {
  stemPoolIgnored?: boolean;
  halvedDown?: boolean;
}

interface Step {
  name: string;
  shape: number[];
  work: string;
}

/**
 * Every stage's shape by hand: a 7×7/2 convolution with padding 3, a 3×3/2 window with padding 1,
 * both `⌊(n − 1)/2⌋ + 1`; a 2×2/2 pooling `⌊n/2⌋` (d2l 6.3 zh / 7.3 en).
 */
function handTrace(p: ArchStageTraceParams, lang: Lang, rule: Rule = {}): Step[] {
  const t = messages(lang);
  const up = (n: number) => (rule.halvedDown ? Math.floor(n / 2) : Math.floor((n - 1) / 2) + 1);
  const upWork = (n: number) => `\\lfloor (${n} - 1)/2 \\rfloor + 1 = ${up(n)}`;
  const steps: Step[] = [];
  let n = p.size;
  const stem = () => {
    const conv = up(n);
    const pooled = rule.stemPoolIgnored ? conv : up(conv);
    const work = `$${upWork(n)}$, $${upWork(conv)}$`;
    n = pooled;
    return work;
  };
  if (p.net === "densenet") {
    let c = 64;
    steps.push({ name: t("stage.b1"), work: "", shape: [] });
    const work = stem();
    steps[0] = { name: t("stage.b1"), work, shape: [c, n, n] };
    for (let b = 1; b <= 4; b += 1) {
      steps.push({ name: t("stage.block", { index: String(b) }), shape: [c + 128, n, n], work: `$${c} + 4 \\cdot 32 = ${c + 128}$` });
      c += 128;
      if (b < 4) {
        const half = Math.floor(n / 2);
        steps.push({ name: t("stage.transition", { index: String(b) }), shape: [Math.floor(c / 2), half, half], work: `$\\lfloor ${c}/2 \\rfloor = ${Math.floor(c / 2)}$, $\\lfloor ${n}/2 \\rfloor = ${half}$` });
        c = Math.floor(c / 2);
        n = half;
      }
    }
    return steps;
  }
  const channels = p.net === "resnet" ? [64, 64, 128, 256, 512] : [64, 192, 480, 832, 1024];
  steps.push({ name: "b1", shape: [], work: "" });
  steps[0] = { name: "b1", work: stem(), shape: [64, n, n] };
  for (let b = 2; b <= 5; b += 1) {
    const c = channels[b - 1] as number;
    if (p.net === "resnet" && b === 2) {
      steps.push({ name: "b2", shape: [c, n, n], work: `$${n}$` });
    } else if (p.net === "googlenet" && b === 5) {
      steps.push({ name: "b5", shape: [c], work: `$[${c}, 1, 1] \\to [${c}]$` });
    } else {
      const work = `$${upWork(n)}$`;
      n = up(n);
      steps.push({ name: `b${b}`, shape: [c, n, n], work });
    }
  }
  return steps;
}

const shapeAt = (p: ArchStageTraceParams, rule: Rule = {}) => handTrace(p, "en", rule)[p.stage - 1]?.shape ?? [];

function stageName(p: ArchStageTraceParams, lang: Lang): string {
  return handTrace(p, lang)[p.stage - 1]?.name ?? "";
}

/** A wrong rule's shape, or `null` where it gives the key for this variant. */
function apart(p: ArchStageTraceParams, wrong: number[]): number[] | null {
  return wrong.join() === shapeAt(p).join() ? null : wrong;
}

export const archStageTraceTemplate: ProblemTemplate<ArchStageTraceParams> = {
  id: "arch.stage-trace",
  topic: "architectures",
  answerKind: "shape",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("title"),
  generate,

  check: (p) => {
    const spec = zooSpec(ZOO[p.net]);
    return { mode: "analyze", spec: { ...spec, input: [1, p.size, p.size], layers: spec.layers.slice(0, p.stage) }, select: "outputShape" };
  },

  render(p, key, lang) {
    const t = messages(lang);
    const steps = handTrace(p, lang);
    const worked = shapeAt(p);
    if (key.kind !== "shape" || key.value.join() !== worked.join()) {
      throw new ProblemError("invalid-variant", `arch.stage-trace: worked [${worked.join(", ")}], engine ${JSON.stringify(key.value)}`);
    }
    const stage = stageName(p, lang);
    const prompt = t("prompt", { net: p.net, inputShape: inlineShape([1, p.size, p.size]), stages: t(`stages.${p.net}`), stage });
    const lines = steps
      .slice(0, p.stage)
      .map((step) => `- ${t("step", { stage: step.name, work: `${step.work} → ${inlineShape(step.shape)}` })}`)
      .join("\n");
    return { prompt, solution: t("solution", { steps: lines, stage, answer: inlineShape(worked) }) };
  },

  figure: (p, _key, lang) =>
    stackFigure(
      [
        { label: figureMessages(lang)("layer.input"), shape: [1, p.size, p.size] },
        ...handTrace(p, lang)
          .slice(0, p.stage)
          .map((step, i) => ({ label: step.name, shape: step.shape, highlight: i === p.stage - 1 })),
      ],
      lang,
    ),

  misconceptions: [
    {
      id: "layer-skipped",
      wrongAnswer: (p) => apart(p, p.stage === 1 ? [1, p.size, p.size] : (handTrace(p, "en")[p.stage - 2]?.shape ?? [])),
      feedback: (p, lang) => messages(lang)("mistakes.stageSkipped", { stage: stageName(p, lang) }),
    },
    {
      id: "stem-pool-ignored",
      wrongAnswer: (p) => apart(p, shapeAt(p, { stemPoolIgnored: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.stemPoolIgnored"),
    },
    {
      id: "halved-down",
      wrongAnswer: (p) => apart(p, shapeAt(p, { halvedDown: true })),
      feedback: (_p, lang) => messages(lang)("mistakes.halvedDown"),
    },
  ],
};
