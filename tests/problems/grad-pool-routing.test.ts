import { describe, expect, it } from "vitest";
import { type GradientOpSpec, run } from "@/lib/engine";
import { sampleProblem } from "@/lib/problems";
import { gradPoolRoutingTemplate, type GradPoolRoutingParams } from "@/lib/problems/templates/grad-pool-routing";
import { gradPoolRoutingCatalogues } from "@/lib/problems/templates/grad-pool-routing.messages";
import { expectCataloguesAgree, expectKeyFromEngine, expectMatrixClose, misconceptionsThatDiffer, runOpOf, sampleBoth, SEEDS } from "./support/group-a-checks";

const TEMPLATE = "grad.pool-routing";

interface PoolGradOp {
  op: "maxpool2d_grad" | "avgpool2d_grad";
  input: number[][];
  grad_output: number[][];
  kernel: number;
  stride: number;
  padding: number;
}

/** The input cells (row, column) of output (i, j)'s window, scanned row by row, padding left out. */
function windowOf({ input, kernel, stride, padding }: PoolGradOp, i: number, j: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let a = 0; a < kernel; a++) {
    for (let b = 0; b < kernel; b++) {
      const r = i * stride + a - padding;
      const c = j * stride + b - padding;
      if (r >= 0 && c >= 0 && r < input.length && c < input.length) cells.push([r, c]);
    }
  }
  return cells;
}

/**
 * The pooling gradient by hand (NNDL 5.3): max pooling gives each δ to its window's largest input,
 * the first one met reading row by row on a tie (PyTorch's `max_pool2d` backward keeps the first
 * strictly larger value); average pooling gives every input cell of the window δ / k², the
 * padded zeros counted in k² (PyTorch `nn.AvgPool2d`, `count_include_pad=True`).
 */
function poolGradByHand(op: PoolGradOp): number[][] {
  const grad = op.input.map((row) => row.map(() => 0));
  op.grad_output.forEach((row, i) =>
    row.forEach((d, j) => {
      const cells = windowOf(op, i, j);
      if (op.op === "maxpool2d_grad") {
        let [br, bc] = cells[0]!;
        for (const [r, c] of cells) if (op.input[r]![c]! > op.input[br]![bc]!) [br, bc] = [r, c];
        grad[br]![bc]! += d;
      } else {
        for (const [r, c] of cells) grad[r]![c]! += d / (op.kernel * op.kernel);
      }
    }),
  );
  return grad;
}

/** Whether some window's maximum occurs twice or more. */
const hasTie = (op: PoolGradOp) =>
  op.grad_output.some((row, i) =>
    row.some((_, j) => {
      const values = windowOf(op, i, j).map(([r, c]) => op.input[r]![c]!);
      return values.filter((v) => v === Math.max(...values)).length > 1;
    }),
  );

const keyOf = (params: GradPoolRoutingParams) => {
  const check = gradPoolRoutingTemplate.check(params);
  if (check?.mode !== "run") throw new Error("expected a run check");
  return run(check.op as unknown as GradientOpSpec).grad_input as number[][];
};

describe("grad.pool-routing", () => {
  it("over 200 seeds: valid variants in both languages, the key the engine's grad_input and the hand routing's", () => {
    const kinds = new Set<string>();
    for (const seed of SEEDS) {
      const { en, zh } = sampleBoth(TEMPLATE, seed);
      expect(en).toMatchObject({ topic: "gradients", answer: { kind: "matrix", tolerance: 0.01 }, check: { mode: "run", select: "grad_input" } });
      expectKeyFromEngine(en);
      const op = runOpOf<PoolGradOp>(en);
      expectMatrixClose(en.answer.value, poolGradByHand(op), 1e-6);
      kinds.add(`${en.difficulty} ${op.op}`);
      expect(zh.prompt).toMatch(op.op === "maxpool2d_grad" ? /最大汇聚层（最大池化层）/ : /平均汇聚层（平均池化层）/);
    }
    expect(kinds.size).toBe(6);
  });

  it("difficulty follows the work: easy disjoint 2×2 windows; medium overlapping windows without ties; hard a tied maximum or padding (issue 13, item 6)", () => {
    for (let seed = 0; seed < 600; seed++) {
      const problem = sampleProblem({ template: TEMPLATE, seed });
      const op = runOpOf<PoolGradOp>(problem);
      const max = op.op === "maxpool2d_grad";
      if (problem.difficulty === "easy") expect([op.kernel, op.stride, op.padding, max && hasTie(op)]).toEqual([2, 2, 0, false]);
      if (problem.difficulty === "medium") expect([op.stride < op.kernel, op.padding, max && hasTie(op)]).toEqual([true, 0, false]);
      if (problem.difficulty === "hard") expect(max ? hasTie(op) : op.padding === 1, `seed ${seed}`).toBe(true);
    }
  });

  it("NNDL 5.3, max pooling: d2l's 3×3 input [[0..8]] with 2×2 windows at stride 1 sends δ to 4, 5, 7 and 8", () => {
    // By hand: the windows' maxima are X22 = 4, X23 = 5, X32 = 7, X33 = 8 (d2l 6.5.1's pool2d gives [[4, 5], [7, 8]]).
    const params: GradPoolRoutingParams = { difficulty: "medium", pool: "max", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], delta: [[1, 2], [3, 4]], kernel: 2, stride: 1, padding: 0 };
    const key = keyOf(params);
    expect(key).toEqual([[0, 0, 0], [0, 1, 2], [0, 3, 4]]);
    const { solution } = gradPoolRoutingTemplate.render(params, { kind: "matrix", value: key }, "en");
    expect(solution).toContain("$\\max(0, 1, 3, 4) = 4$, at $X_{2,2}$");
  });

  it("a tie goes to the first maximum, row by row (PyTorch), not to every or the last tied cell", () => {
    // By hand: one 2×2 window of equal values; PyTorch keeps the first, X11.
    const params: GradPoolRoutingParams = { difficulty: "hard", pool: "max", input: [[2, 2], [2, 2]], delta: [[5]], kernel: 2, stride: 2, padding: 0 };
    expect(keyOf(params)).toEqual([[5, 0], [0, 0]]);
    const wrong = (id: string) => gradPoolRoutingTemplate.misconceptions.find((m) => m.id === id)!.wrongAnswer(params);
    expect(wrong("tie-to-every-maximum")).toEqual([[5, 5], [5, 5]]);
    expect(wrong("tie-to-last-maximum")).toEqual([[0, 0], [0, 5]]);
  });

  it("NNDL 5.3, average pooling: each δ divided by the window's area, padded zeros counted (PyTorch's default)", () => {
    // By hand: 2×2 windows at stride 2, δ/4 on each block.
    const plain: GradPoolRoutingParams = { difficulty: "easy", pool: "avg", input: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]], delta: [[4, 8], [-4, 2]], kernel: 2, stride: 2, padding: 0 };
    expect(keyOf(plain)).toEqual([[1, 1, 2, 2], [1, 1, 2, 2], [-1, -1, 0.5, 0.5], [-1, -1, 0.5, 0.5]]);
    // By hand, padding 1 on a 3×3 input: the four 2×2 windows cover 1, 2, 2 and 4 input cells, each cell gets 4/4 = 1;
    // dividing by the cells inside instead gives 4, 2, 2, 1.
    const padded: GradPoolRoutingParams = { difficulty: "hard", pool: "avg", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], delta: [[4, 4], [4, 4]], kernel: 2, stride: 2, padding: 1 };
    expect(keyOf(padded)).toEqual([[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    const notCounted = gradPoolRoutingTemplate.misconceptions.find((m) => m.id === "padding-not-counted")!;
    expect(notCounted.wrongAnswer(padded)).toEqual([[4, 2, 2], [2, 1, 1], [2, 1, 1]]);
  });

  it("every misconception differs from the key on some seeds", () => {
    expect(misconceptionsThatDiffer(TEMPLATE)).toEqual([
      "average-not-divided",
      "average-to-maximum",
      "max-spread-evenly",
      "overlap-overwritten",
      "padding-not-counted",
      "tie-to-every-maximum",
      "tie-to-last-maximum",
    ]);
  });

  it("has the same messages and arguments in both languages", () => {
    expectCataloguesAgree(gradPoolRoutingCatalogues);
  });
});
