import { describe, expect, it } from "vitest";
import { calculatorHref, MAX_LINK_LENGTH, readCalculatorHash, sandboxSettingsOf } from "@/app/calc/calculator-link";
import { buildRequest } from "@/app/calc/sandbox-request";
import { analyze, run, zooSpec } from "@/lib/engine";
import { parseMatrixText } from "@/lib/engine/windows/matrix-text";
import { listTemplates, sampleProblem } from "@/lib/problems";

const hashOf = (href: string) => href.slice(href.indexOf("#"));

function settingsOp(op: Record<string, unknown>) {
  const settings = sandboxSettingsOf(op);
  if (!settings) return null;
  const input = parseMatrixText(settings.input);
  const kernel = parseMatrixText(settings.kernel);
  if (!input.ok) throw new Error("the form's input does not parse");
  return buildRequest(settings, input.rows, kernel.ok ? kernel.rows : []).spec;
}

describe("calculatorHref and readCalculatorHash", () => {
  it("send an analyze check's spec to the network calculator and read it back unchanged", () => {
    const spec = zooSpec("resnet50");
    const href = calculatorHref({ mode: "analyze", spec, select: "totalParams" })!;
    expect(href.startsWith("/calc#spec=")).toBe(true);
    const arrival = readCalculatorHash(hashOf(href));
    expect(arrival?.kind).toBe("spec");
    // torchvision's resnet50(): 25,557,032 trainable parameters (ENVIRONMENT.md)
    expect(analyze(JSON.parse((arrival as { text: string }).text)).totalParams).toBe(25_557_032);
  });

  it("send a run check's op to the sandbox tab", () => {
    const op = { op: "corr2d", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: [[0, 1], [2, 3]] };
    const href = calculatorHref({ mode: "run", op, select: "output" })!;
    expect(href.startsWith("/calc?tab=sandbox#op=")).toBe(true);
    expect(readCalculatorHash(hashOf(href))).toEqual({ kind: "op", op });
  });

  it("give no link to a concept question, which has no check", () => {
    expect(calculatorHref(null)).toBeNull();
  });

  it("say why a damaged link cannot be read instead of throwing", () => {
    expect(readCalculatorHash("#spec=%7B%22input%22")).toEqual({ kind: "invalid", reason: "json" });
    expect(readCalculatorHash("#spec=%E0%A4%A")).toEqual({ kind: "invalid", reason: "json" });
    expect(readCalculatorHash("#spec=%5B1%2C2%5D")).toEqual({ kind: "invalid", reason: "notAnObject" });
    expect(readCalculatorHash("#op=%7B%22input%22%3A1%7D")).toEqual({ kind: "invalid", reason: "noOp" });
    expect(readCalculatorHash(`#spec=${"a".repeat(MAX_LINK_LENGTH + 1)}`)).toEqual({ kind: "invalid", reason: "tooLong" });
  });

  it("ignore a fragment that is not a calculator link", () => {
    expect(readCalculatorHash("")).toBeNull();
    expect(readCalculatorHash("#layer-table")).toBeNull();
  });
});

describe("sandboxSettingsOf", () => {
  it("fills the form with d2l's max-pooling example (figure 6.5.1)", () => {
    expect(sandboxSettingsOf({ op: "maxpool2d", input: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], kernel: 2, stride: 1 })).toEqual({
      op: "maxpool2d",
      input: "0 1 2\n3 4 5\n6 7 8",
      kernel: "1 0\n0 1",
      poolHeight: 2,
      poolWidth: 2,
      stride: 1,
      padding: 0,
      dilation: 1,
    });
  });

  it("takes a pooling layer's stride from its window when none is given", () => {
    expect(sandboxSettingsOf({ op: "avgpool2d", input: [[1, 2], [3, 4]], kernel: [2, 2] })?.stride).toBe(2);
  });

  it("leaves to the JSON view what the form cannot show", () => {
    const input = [[1, 2], [3, 4]];
    expect(sandboxSettingsOf({ op: "corr2d", input, kernel: [[1]], bias: 1 })).toBeNull();
    expect(sandboxSettingsOf({ op: "corr2d", input: [input, input], kernel: [[[1]], [[1]]] })).toBeNull();
    expect(sandboxSettingsOf({ op: "corr2d", input, kernel: [[1]], stride: [1, 2] })).toBeNull();
    expect(sandboxSettingsOf({ op: "avgpool2d", input, kernel: 2, count_include_pad: false })).toBeNull();
    expect(sandboxSettingsOf({ op: "batchnorm", mode: "train", input: [[1, 2], [3, 4]] })).toBeNull();
    expect(sandboxSettingsOf({ op: "corr2d", input: [[1, 2], [3]], kernel: [[1]] })).toBeNull();
    expect(sandboxSettingsOf({ op: "corr2d", input, kernel: [[1]], padding: 17 })).toBeNull();
  });

  const JSON_ONLY = new Set([
    "channels.multi-in-values", "bn.train-values", "bn.predict-values", "bn.per-channel", "norm.layer-vs-batch",
    "grad.conv-kernel", "grad.conv-input", "grad.pool-routing", "grad.descent-step",
  ]);
  // Every catalogue problem whose key is an op: the form, when it takes the op, computes the key.
  const runTemplates = listTemplates().filter((entry) => sampleProblem({ template: entry.template, seed: 1 }).check?.mode === "run");

  it("covers the catalogue's op templates", () => {
    expect(runTemplates.length).toBeGreaterThanOrEqual(7);
  });

  for (const entry of runTemplates) {
    it(`${entry.template}: the link carries the op, and the form (where it fits) computes the same output`, () => {
      let fitted = 0;
      for (let seed = 1; seed <= 30; seed += 1) {
        const problem = sampleProblem({ template: entry.template, seed });
        const check = problem.check!;
        if (check.mode !== "run") continue;
        const arrival = readCalculatorHash(hashOf(calculatorHref(check)!));
        expect(arrival).toEqual({ kind: "op", op: check.op });
        const formOp = settingsOp(check.op);
        if (formOp) {
          fitted += 1;
          expect(run(formOp)).toEqual(run(check.op));
        }
      }
      // Several channels, batch normalisation and gradients are beyond the form (JSON view); the rest fits it.
      if (JSON_ONLY.has(entry.template)) expect(fitted).toBe(0);
      else expect(fitted).toBeGreaterThan(0);
    });
  }
});
