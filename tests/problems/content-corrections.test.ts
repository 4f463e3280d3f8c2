import { describe, expect, it } from "vitest";
import { LANGS, listTemplates, requireTemplate } from "@/lib/problems";
import { CONCEPT_GROUPS, type ConceptItem, conceptItems } from "@/lib/problems/concepts";
import { glossary } from "@/lib/problems/glossary";

/** What a careful reader found wrong in the content (issue 13, items 2 and 4), each kept from coming back. */

const ALL_ITEMS: ConceptItem[] = CONCEPT_GROUPS.flatMap((group) => [...conceptItems[group]]);
const item = (id: string): ConceptItem => {
  const found = ALL_ITEMS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no concept item ${id}`);
  return found;
};
const optionTexts = (id: string, lang: "en" | "zh-CN"): string[] => {
  const found = item(id);
  return found.kind === "boolean" ? [] : found.options.map((option) => option.text[lang]);
};
const SEEDS = Array.from({ length: 120 }, (_, seed) => seed);

describe("concept items a reader found wrong", () => {
  it("inception-design: no option says that every path pads (the 1×1 path needs none, d2l 8.4.1)", () => {
    for (const text of optionTexts("inception-design", "en")) expect(text).not.toMatch(/every path pads/i);
    const keepsSize = optionTexts("inception-design", "en").find((text) => /keeps the height and width/.test(text));
    expect(keepsSize).toMatch(/1 \\times 1\$ convolutions need none/);
    expect(optionTexts("inception-design", "zh-CN").join("\n")).toMatch(/1 \\times 1\$ 卷积无需填充/);
  });

  it("residual-facts: the ResNet-18 option says what d2l counts (7×7 stem, 16 convolutions in the blocks, the dense layer), not '17 convolutional layers'", () => {
    // d2l 8.6.3: 4 convolutional layers per module (excluding the 1×1), plus the first 7×7 and the final fully connected layer: 18.
    const en = optionTexts("residual-facts", "en").join("\n");
    expect(en).not.toMatch(/17 convolutional/);
    expect(en).toMatch(/first \$7 \\times 7\$ convolution, the 16 \$3 \\times 3\$ convolutions .* final fully connected layer/);
    expect(item("residual-facts").explanation.en).toMatch(/batch normalization/);
  });

  it("lenet-uses-relu: LeNet-5 (1998) used a scaled tanh; the sigmoid is d2l's choice", () => {
    const { en, "zh-CN": zh } = item("lenet-uses-relu").explanation;
    expect(en).not.toMatch(/as in the original/);
    expect(en).toMatch(/d2l's LeNet uses the sigmoid; .*1998 LeNet-5 used a scaled hyperbolic tangent/);
    expect(zh).toMatch(/双曲正切/);
  });

  it("BN items cite the section that holds the fact: prediction mode in 8.5.2 (zh 7.5.2), the running statistics as buffers in 8.5.3 (zh 7.5.3)", () => {
    expect(item("batchnorm-prediction-statistics").section.d2l).toBe("d2l.bn-layers");
    expect(item("batchnorm-same-in-both-modes").section.d2l).toBe("d2l.bn-layers");
    expect(item("batchnorm-running-stats-trainable").section.d2l).toBe("d2l.bn-from-scratch");
  });
});

describe("templates a reader found wrong", () => {
  it("dilated.effective-kernel credits stacked doubling 3×3 dilations to Yu and Koltun's context module, not WaveNet or DeepLab", () => {
    let stacks = 0;
    for (const seed of SEEDS) {
      for (const lang of LANGS) {
        const { prompt } = requireTemplate("dilated.effective-kernel").sample(seed, lang);
        expect(prompt).not.toMatch(/WaveNet|DeepLab/);
        if (/Yu (and|和) Koltun/.test(prompt)) stacks += 1;
      }
    }
    expect(stacks).toBeGreaterThan(0);
  });

  it("inception.params does not call its 5×5 path torchvision's: torchvision's GoogLeNet uses a 3×3 there", () => {
    let withBatchNorm = 0;
    for (const seed of SEEDS) {
      const { prompt } = requireTemplate("inception.params").sample(seed, "en");
      expect(prompt).not.toMatch(/As in torchvision's GoogLeNet/);
      if (prompt.includes("torchvision")) {
        withBatchNorm += 1;
        expect(prompt).toMatch(/whose third path, unlike this block and d2l's, uses a .*3 \\times 3.* kernel in place of the .*5 \\times 5/);
      }
    }
    expect(withBatchNorm).toBeGreaterThan(0);
  });
});

describe("Chinese terms (NNDL and d2l as printed)", () => {
  it("calls transposed convolution 转置卷积 (alias 反卷积); 微步卷积 only for stride below 1", () => {
    expect(glossary.transposedConvolution["zh-CN"]).toBe("转置卷积");
    expect(glossary.transposedConvolution.alsoKnownAs).toEqual(["反卷积"]);
    expect(glossary.fractionallyStridedConvolution["zh-CN"]).toBe("微步卷积");
    const zhTexts = ALL_ITEMS.flatMap((concept) => [concept.explanation["zh-CN"], concept.question["zh-CN"]]);
    for (const id of listTemplates().map((info) => info.template).filter((id) => id.startsWith("tconv."))) {
      for (const seed of SEEDS.slice(0, 30)) {
        const problem = requireTemplate(id).sample(seed, "zh-CN");
        zhTexts.push(problem.prompt, problem.solution);
      }
    }
    for (const text of zhTexts) if (text.includes("微步卷积")) expect(text).toMatch(/步幅小于 1 的转置卷积称为微步卷积/);
    expect(item("transposed-conv-use").explanation["zh-CN"]).toMatch(/转置卷积（也称反卷积）/);
  });

  it("names the residual path 残差连接 (d2l) or 直连边 (NNDL), never 捷径", () => {
    expect(glossary.residualConnection["zh-CN"]).toBe("残差连接");
    expect(glossary.residualConnection.alsoKnownAs).toContain("直连边");
    expect(glossary.residualConnection.avoid).toContain("捷径");
    for (const id of ["residual.block-shape", "residual.shortcut-params"]) {
      for (const seed of SEEDS.slice(0, 30)) {
        const { prompt, solution } = requireTemplate(id).sample(seed, "zh-CN");
        expect(`${prompt}${solution}`).not.toContain("捷径");
      }
    }
  });

  it("glosses the terms the reader asked for: 步长 is NNDL's alias, not avoided; 空洞率, 分组卷积, 残差连接, 乘加运算, 瓶颈, 上采样, 图像增广, 层规范化", () => {
    expect(glossary.stride.alsoKnownAs).toContain("步长");
    expect("avoid" in glossary.stride).toBe(false);
    expect(glossary.dilationRate.alsoKnownAs).toContain("空洞率");
    const chinese = Object.values(glossary).map((entry) => entry["zh-CN"]);
    for (const word of ["分组卷积", "残差连接", "乘加运算", "瓶颈", "上采样", "图像增广", "层规范化", "稠密连接网络", "最大时间汇聚"]) expect(chinese).toContain(word);
    expect(glossary.maxOverTimePooling.avoid).toContain("时间最大汇聚");
    expect(glossary.runningStatistics.avoid).toEqual(expect.arrayContaining(["运行统计量", "移动统计量", "移动平均统计量"]));
  });
});
