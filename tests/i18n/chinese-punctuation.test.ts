import { describe, expect, it } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";
import { getTemplate, listTemplates, sampleProblem } from "@/lib/problems";
import { conceptItems } from "@/lib/problems/concepts";

/** Every catalogue of the core: templates' own, the shared problem messages, grading's, the CLI's. */
const catalogueModules = import.meta.glob<Record<string, unknown>>(
  ["/lib/**/*.messages.ts", "/lib/problems/messages/index.ts", "/lib/grading/messages/index.ts", "/lib/cli/messages/index.ts"],
  { eager: true },
);

/** The strings under every `"zh-CN"` key of a value, however deep; with `inZh`, every string. */
function chineseStrings(value: unknown, inZh = false, path = ""): { path: string; text: string }[] {
  if (typeof value === "string") return inZh ? [{ path, text: value }] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => chineseStrings(child, inZh || key === "zh-CN", `${path}.${key}`));
}

/**
 * Half-width colons that Chinese text should write as "：": one right after a Chinese character or
 * full-width punctuation, or right before a Chinese character. Mathematics (`$…$`), code spans,
 * addresses and the fence of a fold (`:::details[…]`, Markdown syntax) keep their ASCII colons,
 * and so does a colon between digits (a ratio, a time).
 */
function halfWidthColons(text: string): string[] {
  const prose = text
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]*\$/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/^:{3,}/gm, " ");
  const cjk = "\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF";
  const pattern = new RegExp(`[${cjk}]\\s*:|:\\s*[${cjk}]`, "gu");
  return [...prose.matchAll(pattern)].map((match) => prose.slice(Math.max(0, match.index - 8), match.index + match[0].length + 8));
}

describe("halfWidthColons", () => {
  it("finds a half-width colon beside Chinese text, either side", () => {
    expect(halfWidthColons("填充: 1")).toEqual(["填充: 1"]);
    expect(halfWidthColons("Key: 答案")).toEqual(["Key: 答案"]);
    expect(halfWidthColons("步幅：2；填充：1")).toEqual([]);
  });

  it("leaves mathematics, code, addresses and ratios alone", () => {
    expect(halfWidthColons("比例为 $a:b$，命令 `stride grade --answer 1:2`，见 https://d2l.ai/x 与 3:4")).toEqual([]);
    expect(halfWidthColons("位置。\n\n:::details[全部 25 个窗口]\n- 一\n:::\n\n输出为")).toEqual([]);
    expect(halfWidthColons(":::details[窗口: 25]")).toEqual(["etails[窗口: 25]"]);
  });
});

describe("Chinese text", () => {
  it("in the interface's catalogue uses full-width colons", () => {
    const found = chineseStrings({ "zh-CN": messagesByLocale["zh-CN"] }).flatMap(({ path, text }) => halfWidthColons(text).map((hit) => `${path}: ${hit}`));
    expect(found).toEqual([]);
  });

  it("in the core's catalogues (templates, problems, grading, CLI) and the concept items uses full-width colons", () => {
    const sources = [...Object.entries(catalogueModules), ["concepts", conceptItems] as const];
    expect(Object.keys(catalogueModules).length).toBeGreaterThan(20);
    const found = sources.flatMap(([file, module]) =>
      chineseStrings(module).flatMap(({ path, text }) => halfWidthColons(text).map((hit) => `${file}${path}: ${hit}`)),
    );
    expect(found).toEqual([]);
  });

  it("in every template's problems as rendered (prompt, options, solution, named mistakes) uses full-width colons", () => {
    const found: string[] = [];
    for (const { template } of listTemplates()) {
      for (let seed = 0; seed < 40; seed++) {
        const problem = sampleProblem({ template, seed, lang: "zh-CN" });
        const texts = [problem.prompt, problem.solution ?? "", ...(problem.options ?? []).map((option) => option.text)];
        for (const mistake of getTemplate(template)?.misconceptions(seed) ?? []) texts.push(...chineseStrings(mistake).map(({ text }) => text));
        for (const text of texts) found.push(...halfWidthColons(text).map((hit) => `${template} seed ${seed}: ${hit}`));
      }
    }
    expect(found).toEqual([]);
  });
});
