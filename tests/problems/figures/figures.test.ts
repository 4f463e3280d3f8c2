import { describe, expect, it } from "vitest";
import { listTemplates, type Problem, sampleProblem } from "@/lib/problems";
import { formatNumber } from "@/lib/problems/figures/svg";
import { glossary } from "@/lib/problems/glossary";
import { checkXml } from "./xml-check";

/** Every computed template a picture helps with; concept templates and none else go without. */
const WITH_FIGURES = [
  "arch.layer-shape",
  "arch.macs",
  "arch.zoo-params",
  "bn.params-vs-buffers",
  "bn.train-values",
  "channels.multi-in-values",
  "channels.one-by-one",
  "conv.output-size",
  "conv.output-size-stack",
  "densenet.block-channels",
  "densenet.transition",
  "dilated.effective-kernel",
  "dilated.output-size",
  "grad.conv-input",
  "grad.conv-kernel",
  "grad.descent-step",
  "grad.pool-routing",
  "inception.output-channels",
  "inception.params",
  "nin.block-shape",
  "nin.gap-vs-dense",
  "params.dense-vs-conv",
  "pooling.avg-values",
  "pooling.max-values",
  "pooling.output-shape",
  "residual.block-shape",
  "residual.shortcut-params",
  "rf.stacked-layers",
  "rf.two-3x3-vs-5x5",
  "tconv.output-size",
  "tconv.values",
  "textcnn.conv1d-length",
  "textcnn.features",
  "xcorr.edge-detection",
  "xcorr.true-convolution",
  "xcorr.values",
] as const;

const SEEDS = Array.from({ length: 200 }, (_, seed) => seed);
const MAX_BYTES = 40 * 1024;

/** Latin words in a Chinese figure's text that are names, not English: ReLU, Inception, textCNN. */
const NAMES_KEPT = new Set(["relu", "inception", "textcnn"]);

function expectGoodSvg(problem: Problem): string[] {
  const figure = problem.figure;
  if (!figure) throw new Error(`${problem.template} seed ${problem.seed} (${problem.lang}) has no figure`);
  const where = `${problem.template} seed ${problem.seed} ${problem.lang}`;
  const xml = checkXml(figure.svg);
  expect(xml.errors, where).toEqual([]);
  expect(xml.root, where).toBe("svg");
  const svg = xml.elements[0]?.attributes ?? {};
  expect(svg.viewBox, where).toMatch(/^0 0 \d+ \d+$/);
  expect(Number(svg.viewBox?.split(" ")[2]), where).toBeLessThanOrEqual(700);
  expect(svg.role, where).toBe("img");
  expect(svg.xmlns, where).toBe("http://www.w3.org/2000/svg");
  expect(xml.elements[1]?.name, where).toBe("title");
  expect(new TextEncoder().encode(figure.svg).length, where).toBeLessThan(MAX_BYTES);
  expect(figure.alt.trim().length, where).toBeGreaterThan(20);
  if (problem.lang === "zh-CN") {
    expect(figure.alt, where).toMatch(/[\u4e00-\u9fff]/);
    const english = xml.texts.flatMap((t) => t.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((word) => !NAMES_KEPT.has(word));
    expect(english, where).toEqual([]);
  }
  return xml.texts;
}

describe("solution figures", () => {
  it("exactly the listed templates draw figures, and concept templates none", () => {
    const drawing = listTemplates()
      .filter((info) => SEEDS.slice(0, 20).some((seed) => sampleProblem({ template: info.template, seed }).figure))
      .map((info) => info.template)
      .sort();
    // Other engineers' templates may draw figures too; these must.
    for (const id of WITH_FIGURES) expect(drawing).toContain(id);
    for (const id of drawing) expect(id.startsWith("concepts")).toBe(false);
  });

  it.each(WITH_FIGURES)("%s: a well-formed, titled, small figure with alt text for 200 seeds in both languages", (template) => {
    for (const seed of SEEDS) {
      for (const lang of ["en", "zh-CN"] as const) expectGoodSvg(sampleProblem({ template, seed, lang }));
    }
  });

  it.each(["xcorr.values", "xcorr.true-convolution", "xcorr.edge-detection", "pooling.max-values", "pooling.avg-values", "channels.multi-in-values", "tconv.values", "grad.conv-kernel", "grad.conv-input", "grad.pool-routing", "grad.descent-step"])(
    "%s: the figure draws every entry of the key, as the key has it",
    (template) => {
      for (const seed of SEEDS) {
        const problem = sampleProblem({ template, seed });
        const texts = new Set(expectGoodSvg(problem));
        if (problem.answer.kind !== "matrix") throw new Error("a matrix key expected");
        for (const x of problem.answer.value.flat()) expect(texts.has(formatNumber(x)), `${template} ${seed}: ${x}`).toBe(true);
      }
    },
  );

  it("shape figures draw the key's shape", () => {
    for (const template of ["arch.layer-shape", "tconv.output-size", "conv.output-size-stack", "nin.block-shape", "densenet.block-channels", "densenet.transition", "residual.block-shape", "textcnn.conv1d-length"]) {
      for (const seed of SEEDS.slice(0, 50)) {
        const problem = sampleProblem({ template, seed });
        if (problem.answer.kind !== "shape") throw new Error("a shape key expected");
        expect(expectGoodSvg(problem), `${template} ${seed}`).toContain(problem.answer.value.join(" × "));
      }
    }
  });

  it("size figures name the output size of the key", () => {
    for (const template of ["conv.output-size", "dilated.output-size", "pooling.output-shape"]) {
      for (const seed of SEEDS.slice(0, 50)) {
        const problem = sampleProblem({ template, seed });
        if (problem.answer.kind !== "shape") throw new Error("a shape key expected");
        const [, h, w] = problem.answer.value;
        expect(expectGoodSvg(problem).join("\n"), `${template} ${seed}`).toContain(`output ${h}×${w}`);
      }
    }
  });

  it("block figures show each path's channels and their sum, the key", () => {
    for (const seed of SEEDS.slice(0, 60)) {
      const textcnn = sampleProblem({ template: "textcnn.features", seed });
      if (textcnn.answer.kind !== "integer") throw new Error("an integer key expected");
      expect(expectGoodSvg(textcnn).join("\n")).toContain(`= ${textcnn.answer.value}`);
      const inception = sampleProblem({ template: "inception.output-channels", seed });
      if (inception.answer.kind !== "integer") throw new Error("an integer key expected");
      const texts = expectGoodSvg(inception);
      expect(texts.find((t) => t.endsWith(`= ${inception.answer.value}`))).toMatch(/^\d+ \+ \d+ \+ \d+ \+ \d+ = \d+$/);
    }
  });

  it("receptive-field figures end at the key's number of input pixels", () => {
    for (const template of ["rf.stacked-layers", "dilated.effective-kernel"]) {
      for (const seed of SEEDS.slice(0, 60)) {
        const problem = sampleProblem({ template, seed });
        if (problem.answer.kind !== "integer") throw new Error("an integer key expected");
        expect(expectGoodSvg(problem), `${template} ${seed}`).toContain(`input: ${problem.answer.value} pixels`);
      }
    }
  });

  it("Chinese figures use the glossary's terms", () => {
    const zh = (template: string, seed: number) => expectGoodSvg(sampleProblem({ template, seed, lang: "zh-CN" })).join("\n");
    const xcorr = zh("xcorr.values", 0);
    expect(xcorr).toContain(glossary.kernel["zh-CN"]);
    expect(xcorr).toContain(glossary.output["zh-CN"]);
    const size = zh("conv.output-size", 0);
    for (const key of ["stride", "padding", "input", "output", "kernel"] as const) expect(size).toContain(glossary[key]["zh-CN"]);
    const pooled = SEEDS.map((seed) => sampleProblem({ template: "pooling.output-shape", seed, lang: "zh-CN" }).figure?.svg ?? "").join();
    expect(pooled).toContain(glossary.poolingWindow["zh-CN"]);
    expect(sampleProblem({ template: "residual.block-shape", seed: 0, lang: "zh-CN" }).figure?.svg).toContain(`<title>${glossary.residualBlock["zh-CN"]}</title>`);
    expect(sampleProblem({ template: "residual.block-shape", seed: 0, lang: "zh-CN" }).figure?.svg).toContain(glossary.batchNormalization["zh-CN"]);
    expect(sampleProblem({ template: "pooling.max-values", seed: 0, lang: "zh-CN" }).figure?.svg).toContain(glossary.maxPooling["zh-CN"]);
  });

  it("the alt text differs by language and states the output", () => {
    const en = sampleProblem({ template: "conv.output-size", seed: 3, lang: "en" });
    const zh = sampleProblem({ template: "conv.output-size", seed: 3, lang: "zh-CN" });
    if (en.answer.kind !== "shape") throw new Error("a shape key expected");
    const [, h, w] = en.answer.value;
    expect(en.figure?.alt).toContain(`output of ${h} by ${w}`);
    expect(zh.figure?.alt).toContain(`输出为 ${h}×${w}`);
  });
});
