import { describe, expect, it } from "vitest";
import { jsonLines, stride } from "./support";

// DESIGN.md, "Gradient ops": `stride engine run` answers {grad_input, grad_kernel, grad_bias}.
describe("stride engine run of the gradient ops", { timeout: 30_000 }, () => {
  it("answers conv2d_grad, maxpool2d_grad and avgpool2d_grad line by line, and names a misshapen grad_output", async () => {
    const lines = [
      // By hand (NNDL 5.3, stride 1): X = 1..9, W = [[1, 2], [3, 4]], δ = [[1, −1], [2, 0]] (tests/engine/ops/gradient-ops.test.ts)
      { op: "conv2d_grad", input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]], grad_output: [[1, -1], [2, 0]] },
      // By hand: a tie between (0, 0) and (0, 1) goes to the first in row-major order, as PyTorch
      { op: "maxpool2d_grad", input: [[2, 2], [1, 0]], kernel: 2, grad_output: [[3]] },
      // By hand: one 2×2 window, δ/4 to each cell
      { op: "avgpool2d_grad", input: [[2, 2], [1, 0]], kernel: 2, grad_output: [[4]] },
      { op: "avgpool2d_grad", input: [[2, 2], [1, 0]], kernel: 2, grad_output: [[4, 4]] },
    ];
    const { code, stdout, stderr } = await stride(["engine", "run", "-"], `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const answers = jsonLines(stdout);
    expect(answers.slice(0, 3)).toEqual([
      { grad_input: [[1, 1, -2], [5, 5, -4], [6, 8, 0]], grad_kernel: [[7, 9], [13, 15]], grad_bias: 2 },
      { grad_input: [[3, 0], [0, 0]] },
      { grad_input: [[1, 1], [1, 1]] },
    ]);
    expect((answers[3] as { error: string }).error).toMatch(/avgpool2d_grad: grad_output must have the shape of the avgpool2d's output, \[1, 1\], got \[1, 2\]/);
  });
});
