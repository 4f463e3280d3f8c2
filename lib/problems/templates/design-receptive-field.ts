import type { ArchitectureSpec, LayerSpec } from "../../engine";
import type { DesignConstraint } from "../design/constraints";
import { ProblemError } from "../errors";
import { inlineNumber, inlineShape } from "../latex";
import type { Rng } from "../rng";
import type { ProblemTemplate } from "../template";
import type { Difficulty } from "../types";
import { designPrompt, designSolution, referenceFieldFigure } from "./design-render";
import { designMessages as messages } from "./design.messages";

/**
 * `design.receptive-field`: reach a receptive field of at least `R` with exactly `N` convolutions
 * (issue 13's "receptive field at least 11 with three layers"). Walking from the input, a layer
 * with kernel k, dilation d and stride s widens the field by `d·(k − 1)·j` and multiplies the jump
 * j by s (d2l 7.2.6); N plain stride-1 layers reach `1 + N·(k − 1)`.
 *
 * Difficulty follows the work: easy, `R ≤ 1 + N·(k − 1)`, so stacking plain layers is enough;
 * medium, R beyond that with 2×2 max pooling allowed, so the jump has to grow; hard, R beyond it
 * with the size kept (no pooling, no stride), so the dilation has to grow (rates 1, 2, 4, …).
 */
export interface DesignReceptiveFieldParams {
  difficulty: Difficulty;
  size: number;
  filters: number;
  kernel: number;
  convs: number;
  field: number;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** `1 + N·(k − 1)`: N stride-1 undilated layers (d2l 7.2.6). */
export const plainField = (convs: number, kernel: number) => 1 + convs * (kernel - 1);

/**
 * The reference's field, summed by hand: medium puts a 2×2 pooling of stride 2 after every
 * convolution but the last (each pooling adds `j` and doubles j, each 3×3 adds `2·j`); hard uses
 * 3×3 kernels with dilations 1, 2, 4, … (each adds `2·d`).
 */
export function referenceField(difficulty: Difficulty, convs: number, kernel: number): number {
  if (difficulty === "easy") return plainField(convs, kernel);
  let field = 1;
  let jump = 1;
  for (let index = 0; index < convs; index += 1) {
    field += (difficulty === "hard" ? 2 ** index : 1) * (kernel - 1) * jump;
    if (difficulty === "medium" && index < convs - 1) {
      field += jump;
      jump *= 2;
    }
  }
  return field;
}

function generate(rng: Rng): DesignReceptiveFieldParams {
  const difficulty = rng.pick(DIFFICULTIES);
  const size = 4 * rng.int(8, 16);
  const filters = rng.pick([4, 8, 16]);
  if (difficulty === "easy") {
    const kernel = rng.pick([3, 5]);
    const convs = rng.int(2, 4);
    return { difficulty, size, filters, kernel, convs, field: rng.int(convs + 2, plainField(convs, kernel)) };
  }
  const convs = rng.int(3, 4);
  return { difficulty, size, filters, kernel: 3, convs, field: rng.int(plainField(convs, 3) + 1, referenceField(difficulty, convs, 3)) };
}

function reference(p: DesignReceptiveFieldParams): ArchitectureSpec {
  const layers: LayerSpec[] = [];
  for (let index = 0; index < p.convs; index += 1) {
    const dilation = p.difficulty === "hard" ? 2 ** index : 1;
    layers.push({ type: "conv2d", filters: p.filters, kernel: p.kernel, padding: (dilation * (p.kernel - 1)) / 2, ...(dilation > 1 ? { dilation } : {}) }, { type: "relu" });
    if (p.difficulty === "medium" && index < p.convs - 1) layers.push({ type: "maxpool2d", kernel: 2, stride: 2 });
  }
  return { input: [1, p.size, p.size], layers };
}

function constraints(p: DesignReceptiveFieldParams): DesignConstraint[] {
  const types: DesignConstraint = { kind: "layer-types", allowed: p.difficulty === "medium" ? ["conv2d", "relu", "maxpool2d"] : ["conv2d", "relu"] };
  const base: DesignConstraint[] = [
    { kind: "input-shape", shape: [1, p.size, p.size] },
    { kind: "min-receptive-field", min: p.field },
    { kind: "conv-count", count: p.convs },
    types,
    { kind: "kernel-sizes", allowed: [p.kernel] },
  ];
  return p.difficulty === "hard" ? [...base, { kind: "output-shape", shape: [p.filters, p.size, p.size] }] : base;
}

export const designReceptiveFieldTemplate: ProblemTemplate<DesignReceptiveFieldParams> = {
  id: "design.receptive-field",
  topic: "design",
  answerKind: "spec",
  difficulties: DIFFICULTIES,
  title: (lang) => messages(lang)("receptiveField.title"),
  generate,
  designConstraints: constraints,
  check: (p) => ({ mode: "analyze", spec: reference(p), select: `layers.${reference(p).layers.length - 1}.receptiveField.0` }),

  render(p, key, lang) {
    if (key.kind !== "spec") throw new ProblemError("invalid-variant", `design.receptive-field: a ${key.kind} key`);
    const t = messages(lang);
    const args = { field: inlineNumber(p.field), inputShape: inlineShape([1, p.size, p.size]), count: String(p.convs) };
    const task = t(p.difficulty === "hard" ? "receptiveField.promptKeep" : "receptiveField.prompt", args);
    const how = t(p.difficulty === "easy" ? "receptiveField.howPlain" : p.difficulty === "medium" ? "receptiveField.howPool" : "receptiveField.howDilate");
    const reasoning = t("receptiveField.solution", { count: String(p.convs), plain: String(plainField(p.convs, p.kernel)), how });
    return { prompt: designPrompt(task, key.value, lang), solution: designSolution(reasoning, reference(p), lang) };
  },

  figure: (p, _key, lang) => referenceFieldFigure(reference(p), lang),

  misconceptions: [
    {
      id: "design-field-short",
      wrongAnswer: () => [{ kind: "min-receptive-field", min: 0 }],
      feedback: (_p, lang) => messages(lang)("receptiveField.mistakes.fieldOnly"),
    },
    {
      id: "design-size-lost",
      wrongAnswer: (p) => (p.difficulty === "hard" ? [{ kind: "output-shape", shape: [] }] : null),
      feedback: (_p, lang) => messages(lang)("receptiveField.mistakes.shapeOnly"),
    },
  ],
};
