import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, stride } from "./support";

// DESIGN.md, "Engine spec": the op spec example and its answer (d2l 6.2.1)
const corr2d = { op: "corr2d", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]] };

describe.concurrent("stride engine run", { timeout: 30_000 }, () => {
  it("answers DESIGN.md's corr2d example with one JSON line", async () => {
    const { code, stdout, stderr } = await stride(["engine", "run"], JSON.stringify(corr2d));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe('{"output":[[19,25],[37,43]]}\n');
  });

  it("reads a pretty-printed document from a file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "stride-run-")), "op.json");
    writeFileSync(file, JSON.stringify({ op: "maxpool2d", input: corr2d.input, kernel: 2, stride: 1 }, null, 2));
    const { code, stdout } = await stride(["engine", "run", file]);
    expect(code).toBe(0);
    // d2l 6.5.1: max pooling of arange(9) with a 2×2 window
    expect(jsonLines(stdout)).toEqual([{ output: [[4, 5], [7, 8]] }]);
  });

  it("answers JSON Lines line by line, in order, with {error} for each bad line", async () => {
    const lines = [
      JSON.stringify(corr2d),
      JSON.stringify({ op: "corr2d", input: [[1, 2], [3]], kernel: [[1]] }),
      "{not json",
      JSON.stringify({ op: "conv2d_transpose", input: [[0, 1], [2, 3]], kernel: [[0, 1], [2, 3]] }),
      JSON.stringify({ op: "batchnorm", input: [[1, 2], [3, 6]], mode: "eval", running_mean: [2, 4], running_var: [1, 4], eps: 0 }),
    ];
    const { code, stdout, stderr } = await stride(["engine", "run", "-"], `${lines.join("\n")}\n`);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const answers = jsonLines(stdout);
    expect(answers).toHaveLength(5);
    expect(answers[0]).toEqual({ output: [[19, 25], [37, 43]] });
    expect(answers[1]!.error).toMatch(/ragged/);
    expect(answers[2]!.error).toMatch(/invalid JSON/);
    // d2l 13.10.1
    expect(answers[3]).toEqual({ output: [[0, 0, 1], [0, 4, 6], [4, 12, 9]] });
    // by hand: (x − mean)/sqrt(var) per feature
    expect(answers[4]).toEqual({ output: [[-1, -1], [1, 1]] });
  });

  it("keeps each answer on its own line's place across batches, bad lines included", async () => {
    // 300 lines span three of the CLI's batches (128 lines each); every 50th line is not JSON
    // and every 70th an invalid op. Line i's op is corr2d of [[i]] with [[2]]: output [[2i]].
    const lines = Array.from({ length: 300 }, (_, i) =>
      i % 50 === 49 ? "{not json" : i % 70 === 69 ? JSON.stringify({ op: "corr2d", input: [[i]], kernel: [] }) : JSON.stringify({ op: "corr2d", input: [[i]], kernel: [[2]] }),
    );
    const { code, stdout } = await stride(["engine", "run"], lines.join("\n"));
    expect(code).toBe(0);
    const answers = jsonLines(stdout) as Array<{ output?: number[][]; error?: string }>;
    expect(answers).toHaveLength(300);
    answers.forEach((answer, i) => {
      if (i % 50 === 49) expect(answer.error, `line ${i + 1}`).toMatch(/JSON/);
      else if (i % 70 === 69) expect(answer.error, `line ${i + 1}`).toMatch(/kernel/);
      else expect(answer, `line ${i + 1}`).toEqual({ output: [[2 * i]] });
    });
  });

  it("adds the running statistics to a train-mode batchnorm answer", async () => {
    const { stdout } = await stride(["engine", "run"], JSON.stringify({ op: "batchnorm", input: [[1, 2], [3, 6]] }));
    const [answer] = jsonLines(stdout);
    expect(Object.keys(answer ?? {})).toEqual(["output", "running_mean", "running_var"]);
  });

  it.each([
    ['{"op": "conv3d", "input": [[1]]}', /^stride: op: unknown op "conv3d"/],
    ['{"op": "corr2d", "input": [[1, 2]], "kernel": [[1, 2, 3]]}', /^stride: corr2d: the kernel \(1×3\) is larger than the padded input \(1×2\)$/],
    ["[1, 2", /^stride: op: invalid JSON/],
  ])("exits 2 with one line on stderr, no stack, for a lone bad op: %s", async (stdin, message) => {
    const { code, stdout, stderr } = await stride(["engine", "run"], stdin);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it("exits 2 on no input, a missing file, an unknown flag or two files", async () => {
    for (const [args, stdin, message] of [
      [["engine", "run"], "", /no op in stdin/],
      [["engine", "run", "/nonexistent/op.json"], "", /cannot read \/nonexistent\/op.json: ENOENT/],
      [["engine", "run", "--fast"], "", /engine run: Unknown option '--fast'/],
      [["engine", "run", "a.json", "b.json"], "", /give one FILE or -/],
    ] as const) {
      const { code, stderr } = await stride([...args], stdin);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it("is listed in --help", async () => {
    const { stdout } = await stride(["--help"]);
    expect(stdout).toContain("stride engine run [FILE|-]");
  });
});
