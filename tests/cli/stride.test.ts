import { describe, expect, it } from "vitest";
import { jsonLines, stride } from "./support";

// DESIGN.md, "Engine spec"
const lenet = {
  name: "LeNet",
  input: [1, 28, 28],
  layers: [
    { type: "conv2d", filters: 6, kernel: 5, padding: 2 }, { type: "sigmoid" },
    { type: "avgpool2d", kernel: 2, stride: 2 },
    { type: "conv2d", filters: 16, kernel: 5 }, { type: "sigmoid" },
    { type: "avgpool2d", kernel: 2, stride: 2 },
    { type: "flatten" },
    { type: "dense", units: 120 }, { type: "sigmoid" },
    { type: "dense", units: 84 }, { type: "sigmoid" },
    { type: "dense", units: 10 },
  ],
};

describe.concurrent("the stride CLI", { timeout: 30_000 }, () => {
  it("lists its commands with --help", async () => {
    const { code, stdout } = await stride(["--help"]);
    expect(code).toBe(0);
    for (const command of ["problems list", "problems sample", "grade", "grade --batch", "engine analyze"]) {
      expect(stdout).toContain(`stride ${command}`);
    }
  });

  it("samples one problem as one JSON object, in DESIGN.md's field order", async () => {
    const { code, stdout, stderr } = await stride(["problems", "sample", "--template", "conv.output-size", "--seed", "7", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [problem] = jsonLines(stdout);
    expect(Object.keys(problem ?? {})).toEqual(["template", "seed", "lang", "topic", "difficulty", "prompt", "answer", "check", "solution", "figure"]);
    expect(problem).toMatchObject({ template: "conv.output-size", seed: 7, lang: "en", answer: { kind: "shape" } });
  });

  it("samples a range of seeds, one problem a line, in Chinese", async () => {
    const { code, stdout } = await stride([
      "problems", "sample", "--template", "conv.output-size", "--seeds", "1..20", "--lang", "zh-CN", "--json",
    ]);
    expect(code).toBe(0);
    const problems = jsonLines(stdout);
    expect(problems.map((problem) => problem.seed)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    for (const problem of problems) expect(problem.prompt).toMatch(/输出形状/);
  });

  it("lists templates as a JSON array", async () => {
    const { code, stdout } = await stride(["problems", "list", "--json"]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { template: string; title: Record<string, string> }[];
    expect(list[0]).toEqual(expect.objectContaining({ template: "conv.output-size", topic: "conv-arithmetic", answerKind: "shape" }));
    expect(new Set(list.map((entry) => entry.template)).size).toBe(list.length);
    for (const entry of list) expect(entry.title["zh-CN"], entry.template).toBeTruthy();
  });

  it("grades the right shape of a sampled problem as correct", async () => {
    const sample = await stride(["problems", "sample", "--template", "conv.output-size", "--seed", "7", "--json"]);
    const { answer } = JSON.parse(sample.stdout) as { answer: { value: number[] } };
    const { code, stdout } = await stride([
      "grade", "--template", "conv.output-size", "--seed", "7", "--answer", `(${answer.value.join(", ")})`, "--json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      gradable: true,
      score: 1,
      correct: true,
      feedback: `Correct: the answer is $[${answer.value.join(", ")}]$.`,
    });
  });

  it("names the mistake in the reader's language, not by its id", async () => {
    // conv.output-size seed 7 has the key [6, 11, 11]; [6, 10, 10] is its "forgot the +1" answer.
    const grade = ["grade", "--template", "conv.output-size", "--seed", "7", "--answer", "(6, 10, 10)"];
    const [zh, en, json] = await Promise.all([stride([...grade, "--lang", "zh-CN"]), stride(grade), stride([...grade, "--json"])]);
    expect(zh.stdout).toContain("错误类型：漏掉了 +1");
    expect(zh.stdout).not.toContain("forgot-plus-one");
    expect(en.stdout).toContain("Mistake: Forgot the +1");
    // The JSON answer keeps the stable id for programs.
    expect(JSON.parse(json.stdout)).toMatchObject({ mistake: "forgot-plus-one" });
  });

  it("heads a sampled problem with its topic's name in the asked language", async () => {
    const { stdout } = await stride(["problems", "sample", "--template", "conv.output-size", "--seed", "7", "--lang", "zh-CN"]);
    expect(stdout.split("\n")[0]).toBe("conv.output-size · 种子 7 · 输出形状（填充和步幅）");
  });

  it("answers a format error as a result, not a failure", async () => {
    const { code, stdout } = await stride(["grade", "--template", "conv.output-size", "--seed", "7", "--answer", "16x15", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { gradable: boolean; formatError: string };
    expect(result.gradable).toBe(false);
    expect(result.formatError).toMatch(/^The shape needs 3 dimensions, but the answer has 2\./);
  });

  it("grades JSON Lines from stdin in order, an error line for a bad one", async () => {
    // seed 6 is [3, 32, 32], 32 filters, kernel 5, padding 1, stride 2: key [32, 15, 15] (by hand)
    const input = [
      JSON.stringify({ template: "conv.output-size", seed: 6, answer: "32x15x15" }),
      "not json",
      JSON.stringify({ template: "conv.output-size", seed: 6, answer: "3x15x15", lang: "zh-CN" }),
      JSON.stringify({ template: "conv.nope", seed: 6, answer: "1" }),
    ].join("\n");
    const { code, stdout } = await stride(["grade", "--batch"], input);
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ gradable: true, correct: true });
    expect(lines[1]).toHaveProperty("error");
    expect(lines[2]).toMatchObject({ correct: false, mistake: "input-channels-kept" });
    expect(lines[2]?.feedback).toMatch(/^部分正确/);
    expect(lines[3]).toEqual({ error: expect.stringMatching(/^unknown template "conv\.nope"; known templates: conv\.output-size/) });
  });

  it.each([
    [["problems", "sample", "--template", "conv.nope", "--seed", "1"], /^stride: unknown template "conv.nope"/],
    [["problems", "sample", "--template", "conv.output-size", "--seed", "-1"], /^stride: invalid seed "-1"/],
    [["problems", "sample", "--template", "conv.output-size", "--seed", "1.5"], /^stride: invalid seed "1.5"/],
    [["problems", "sample", "--template", "conv.output-size", "--seed", "abc"], /^stride: invalid seed "abc"/],
    [["grade", "--template", "conv.output-size", "--seed", "7", "--answer", "1", "--bogus"], /Unknown option '--bogus'/],
    [["grade", "--template", "conv.output-size", "--seed", "7"], /--answer is required/],
    [["frobnicate"], /^stride: unknown command "frobnicate"/],
  ])("exits 2 with one line and no stack trace for %j", async (args, message) => {
    const { code, stdout, stderr } = await stride(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("analyses one spec from stdin, as JSON by default (the contract) and as a table with --table", async () => {
    const json = await stride(["engine", "analyze"], JSON.stringify(lenet, null, 2));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ totalParams: 61706, totalMacs: 416520, totalConnections: 423038 });
    const table = await stride(["engine", "analyze", "-", "--table"], JSON.stringify(lenet));
    expect(table.stdout).toMatch(/^input \[1, 28, 28\] → output \[10\]/);
    expect(table.stdout).toContain("params 61706, buffers 0, MACs 416520, connections 423038");
    // d2l 6.6's shapes: 6·28·28 = 4704 values out of conv1; 15,002 in all, × 4 bytes = 60,008 B
    expect(table.stdout).toMatch(/^0 +conv2d +\[6, 28, 28\] +4704 +156 +117600 +122304 /m);
    expect(table.stdout).toContain("output values 15002 (58.6 KiB in float32, kept for backpropagation)");
  });

  it("analyses JSON Lines, one answer a line, an error line for a bad spec", async () => {
    const input = [
      JSON.stringify(lenet),
      JSON.stringify({ input: [1, 8, 8], layers: [{ type: "maxpool2d", kernel: 3, padding: 2 }] }),
      JSON.stringify({ input: [1, 8, 8], layers: [{ type: "conv2d", filters: 1, kernel: 3, padding: 1, stride: 2 }] }),
    ].join("\n");
    const { code, stdout } = await stride(["engine", "analyze", "-"], input);
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines[0]).toMatchObject({ totalParams: 61706 });
    expect(lines[1]).toEqual({ error: "layer 0 (maxpool2d): padding 2 is more than half the kernel 3" });
    expect(lines[2]).toMatchObject({ outputShape: [1, 4, 4] }); // d2l 6.3: stride 2 on 8x8 → 4x4
  });

  it("exits 2 on a lone invalid spec, with the message on stderr", async () => {
    const { code, stdout, stderr } = await stride(["engine", "analyze"], JSON.stringify({ input: [1, 8, 8], layers: [{ type: "conv9d" }] }));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^stride: layer 0: unknown type "conv9d"/);
  });
});
