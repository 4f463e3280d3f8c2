import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { failureGroupLine } from "@/lib/cli/commands/bank-validate";
import { stride } from "./support";

const dir = mkdtempSync(path.join(tmpdir(), "stride-cli-"));
const missing = path.join(dir, "no-such-file.json");

/** A custom question whose kernel does not fit its 8×8 input for k ≥ 9, over strides 1 and 2. */
const tooWideKernel = {
  kind: "custom",
  title: { en: "Output shape of a convolution" },
  topic: "conv-arithmetic",
  difficulty: "easy",
  prompt: { en: "A $[1, 8, 8]$ input, a ${{k}} \\times {{k}}$ kernel, stride {{s}}. What is the output shape?" },
  variables: [
    { name: "k", values: [3, 5, 9, 10] },
    { name: "s", values: [1, 2] },
  ],
  answer: { kind: "shape", engine: { mode: "analyze", spec: { input: [1, 8, 8], layers: [{ type: "conv2d", filters: 2, kernel: "{{k}}", stride: "{{s}}" }] }, select: "outputShape" } },
};
const bundle = JSON.stringify({ format: "stride-bank", version: 1, bank: { title: "CLI bank", questions: [{ key: "wide", versions: [{ version: 1, published: false, definition: tooWideKernel }] }] } });

describe.concurrent("the stride CLI guides its caller", { timeout: 30_000 }, () => {
  // One start first: when the bundle is stale, concurrent starts would each rebuild it.
  beforeAll(() => stride(["--help"]), 180_000);

  it.each([
    [["bank", "validate", missing], `stride: bank validate: cannot read ${missing}: ENOENT`],
    [["bank", "import", "--course", "c", "--as", "a@example.com", missing], `stride: bank import: cannot read ${missing}: ENOENT`],
    [["engine", "analyze", missing], `stride: engine analyze: cannot read ${missing}: ENOENT`],
  ])("says a missing file cannot be read, exit 2, for %j", async (args, message) => {
    const { code, stdout, stderr } = await stride(args);
    expect({ code, stdout, stderr: stderr.trim() }).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it("suggests the nearest template names for a typo, exit 2", async () => {
    const { code, stderr } = await stride(["problems", "sample", "--template", "conv.outptu-size", "--seed", "1"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^stride: unknown template "conv\.outptu-size"; did you mean conv\.output-size or tconv\.output-size\? \(\d+ templates in all\)\n$/);
  });

  it("groups identical validation failures into one line each, with a count and examples", async () => {
    const file = path.join(dir, "wide.json");
    writeFileSync(file, bundle);
    const { code, stdout } = await stride(["bank", "validate", file]);
    expect(code).toBe(2);
    const lines = stdout.trim().split("\n");
    // by hand: 4 values of k × 2 strides = 8 variants; k = 9 and k = 10 fail at both strides.
    // k = 9: ⌊(8 − 9)/s⌋ + 1 = 0 at s = 1 and 2, one message; k = 10: −1 at s = 1, 0 at s = 2.
    expect(lines[0]).toBe("wide v1: failed: 4; variants checked: 8 (all); duplicate groups: 0");
    const cannot = "engine-error: the engine cannot compute the key: layer 0 (conv2d): output height would be";
    expect(lines.slice(1)).toEqual([
      `  2 variants: ${cannot} 0 (< 1); the 9-wide kernel (dilation 1) does not fit in 8 + 0 padding (e.g. {"k":9,"s":1}, {"k":9,"s":2})`,
      `  1 variant: ${cannot} -1 (< 1); the 10-wide kernel (dilation 1) does not fit in 8 + 0 padding ({"k":10,"s":1})`,
      `  1 variant: ${cannot} 0 (< 1); the 10-wide kernel (dilation 1) does not fit in 8 + 0 padding ({"k":10,"s":2})`,
    ]);
  });

  it("answers the key in README's grade examples, one at a time and in a batch", async () => {
    const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
    const single = /^npx stride grade (--template \S+ --seed \d+ --answer '([^']*)' --json)/m.exec(readme);
    const batch = /^echo '(\{[^']*\})' \| npx stride grade --batch$/m.exec(readme);
    expect(single && batch).toBeTruthy();
    const args = single![1]!.replace(/'/g, "").split(" ");
    const one = await stride(["grade", ...args]);
    expect(JSON.parse(one.stdout)).toMatchObject({ score: 1, correct: true });
    const many = await stride(["grade", "--batch"], batch![1]);
    expect(JSON.parse(many.stdout)).toMatchObject({ score: 1, correct: true });
  });
});

describe("failureGroupLine", () => {
  it("writes one failure with its variables, many with a count and the first few", () => {
    expect(failureGroupLine({ code: "invalid-variant", message: "division by zero", count: 1, examples: [{ variables: { n: 0 } }] })).toBe(
      '1 variant: invalid-variant: division by zero ({"n":0})',
    );
    expect(
      failureGroupLine({ code: "engine-error", message: "too wide", count: 42, examples: [{ variables: { k: 9 } }, { variables: { k: 10 } }, { variables: { k: 11 } }] }),
    ).toBe('42 variants: engine-error: too wide (e.g. {"k":9}, {"k":10}, {"k":11}, …)');
    expect(failureGroupLine({ code: "invalid-variant", message: "m", count: 2, examples: [{ seed: 4 }, { seed: 7 }] })).toBe("2 variants: invalid-variant: m (e.g. seed 4, seed 7)");
  });
});
