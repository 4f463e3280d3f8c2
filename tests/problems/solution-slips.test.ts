import { describe, expect, it } from "vitest";
import { LANGS, listTemplates, requireTemplate, sampleProblem } from "@/lib/problems";

/** Slips a careful reader found in the worked solutions (issue 13, item 5), checked over many seeds. */

const TEMPLATES = listTemplates().map((info) => info.template);
const SEEDS = Array.from({ length: 60 }, (_, seed) => seed);

/** `= 720 = 720`: the same number twice in a row of equalities. */
const REPEATED_EQUALITY = /=\s*([0-9][0-9{},.]*)\s*=\s*\1(?![0-9{},.])/;
/** `$1$ input channels`, `all $1$ input channels`: a plural after one. */
const PLURAL_AFTER_ONE = /(?<![\d.,{}+\-−]\s?)\$1\$ (?:input |output )?channels\b|\ball \$1\$ /;

describe("every template's text, over 60 seeds in both languages", () => {
  it.each(TEMPLATES)("%s: no repeated '= X = X', no plural after 1, no 'has layer N?'", (id) => {
    const template = requireTemplate(id);
    for (const seed of SEEDS) {
      for (const lang of LANGS) {
        const { prompt, solution } = template.sample(seed, lang);
        for (const text of [prompt, solution]) {
          expect(text, `${id} seed ${seed} ${lang}`).not.toMatch(REPEATED_EQUALITY);
          if (lang === "en") {
            expect(text, `${id} seed ${seed}`).not.toMatch(PLURAL_AFTER_ONE);
            expect(text, `${id} seed ${seed}`).not.toMatch(/\bhas layer \d+\?/);
          }
        }
      }
    }
  });
});

describe("the slips the reader named", () => {
  it("params.conv-layer seeds 2, 3, 5 (no bias): the product is written once", () => {
    // By hand: 12·(16/4)·5·3 = 720; 256·32·3·3 = 73,728; 8·(4/2)·5·3 = 240.
    const expected: Record<number, number> = { 2: 720, 3: 73728, 5: 240 };
    for (const [seed, value] of Object.entries(expected)) {
      const problem = sampleProblem({ template: "params.conv-layer", seed: Number(seed) });
      expect(problem.answer.value).toBe(value);
      expect(problem.solution).toContain(`= ${value}$`);
      expect(problem.solution).not.toContain(`= ${value} = ${value}`);
    }
  });

  it("params.conv-layer says 'input channel' for one input channel, in the prompt and in the feedback", () => {
    let single = 0;
    for (let seed = 0; seed < 300; seed += 1) {
      const problem = sampleProblem({ template: "params.conv-layer", seed });
      if (!/has \$1\$ input/.test(problem.prompt)) continue;
      single += 1;
      expect(problem.prompt).toMatch(/has \$1\$ input channel and/);
    }
    expect(single).toBeGreaterThan(0);
  });

  it("nin.gap-vs-dense compares the asked head with the other heads, never with itself (seeds 1, 3, 4 did)", () => {
    const compared = { dense: 0, oneByOne: 0 };
    for (const seed of [1, 3, 4, ...SEEDS]) {
      for (const lang of LANGS) {
        const { prompt, solution } = sampleProblem({ template: "nin.gap-vs-dense", seed, lang });
        const comparison = solution.split(lang === "en" ? "For comparison" : "作为对比")[1]?.split("\n")[0] ?? "";
        expect(comparison.length, `seed ${seed} ${lang}`).toBeGreaterThan(0);
        const mentionsDense = lang === "en" ? /fully connected head/.test(comparison) : /全连接层需要/.test(comparison);
        const mentionsOneByOne = lang === "en" ? /convolution with global average pooling/.test(comparison) : /卷积加全局平均汇聚需要/.test(comparison);
        if (lang === "en" ? /As AlexNet and VGG do/.test(prompt) : /与 AlexNet 和 VGG 一样/.test(prompt)) {
          expect(mentionsDense, `seed ${seed} ${lang}: a dense head compared with a dense head`).toBe(false);
          expect(mentionsOneByOne).toBe(true);
          compared.dense += 1;
        } else if (lang === "en" ? /In NiN's style/.test(prompt) : /按 NiN 的思路/.test(prompt)) {
          expect(mentionsOneByOne, `seed ${seed} ${lang}: a 1×1 head compared with a 1×1 head`).toBe(false);
          expect(mentionsDense).toBe(true);
          compared.oneByOne += 1;
        } else {
          expect(mentionsDense && mentionsOneByOne, `seed ${seed} ${lang}`).toBe(true);
        }
      }
    }
    expect(compared.dense).toBeGreaterThan(0);
    expect(compared.oneByOne).toBeGreaterThan(0);
  });

  it("conv.same-padding names the equal-width convolution after NNDL 5.1.3 (卷积的变种), not 5.1.1.2", () => {
    let named = 0;
    for (const seed of SEEDS) {
      for (const lang of LANGS) {
        const { prompt, solution } = sampleProblem({ template: "conv.same-padding", seed, lang });
        const text = `${prompt}\n${solution}`;
        expect(text).not.toContain("5.1.1");
        if (text.includes("NNDL")) {
          named += 1;
          expect(text).toContain(lang === "en" ? "NNDL 5.1.3, 卷积的变种" : "NNDL 5.1.3 节，卷积的变种");
        }
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});
