import { describe, expect, it } from "vitest";
import { exportMoodleXml } from "@/lib/questions";
import { demoBank } from "./bank-fixture";
import { child, childrenNamed, parseXml, textOf, type XmlElement } from "./xml";

/** d2l zh 6.4 / en 7.4: k·k·c_in·c_out weights plus c_out biases, for k 3–5, c_in 3, c_out 16 or 32. */
const CONV_BLOCK_KEYS = new Set([3, 4, 5].flatMap((k) => [16, 32].map((c) => k * k * 3 * c + c)));

describe("the Moodle XML export of a bank", () => {
  const quiz = parseXml(exportMoodleXml(demoBank()));
  const questions = childrenNamed(quiz, "question");
  const named = (name: string) => questions.filter((q) => q.attributes.type !== "category" && textOf(q, "name").startsWith(name));
  const answers = (question: XmlElement) => childrenNamed(question, "answer").map((a) => ({ fraction: a.attributes.fraction, text: child(a, "text").text }));

  it("is well-formed XML: a quiz of a category and the latest published version of each question", () => {
    expect(quiz.name).toBe("quiz");
    expect(questions[0]?.attributes.type).toBe("category");
    expect(textOf(questions[0] as XmlElement, "category")).toBe("$course$/top/CNN basics: {week 1}");
    expect(questions.slice(1).map((q) => q.attributes.type)).toEqual([...Array(5).fill("numerical"), "calculated", "multichoice", "multichoice", "truefalse"]);
    // The never-published question is not exported.
    expect(named("Pooling has parameters?")).toHaveLength(1);
  });

  it("writes an engine-keyed question as a sample of numerical variants keyed exactly", () => {
    const variants = named("Parameters of a conv block");
    expect(variants.map((q) => textOf(q, "name"))).toEqual([1, 2, 3, 4, 5].map((i) => `Parameters of a conv block (${i})`));
    const keys = variants.map((q) => {
      const [answer] = childrenNamed(q, "answer");
      expect(answer?.attributes.fraction).toBe("100");
      expect(child(answer as XmlElement, "tolerance").text).toBe("0");
      return Number(child(answer as XmlElement, "text").text);
    });
    for (const key of keys) expect(CONV_BLOCK_KEYS.has(key)).toBe(true);
    expect(new Set(keys).size).toBe(5);
    // KaTeX's $…$ becomes MathJax's \(…\), the HTML escaped inside the XML text.
    expect(textOf(variants[0] as XmlElement, "questiontext")).toMatch(/^<p>A convolutional layer maps \\\(\[3, 32, 32\]\\\) to (16|32) output channels/);
  });

  it("writes a formula question as a calculated question with Moodle's {x} syntax and its datasets", () => {
    const [calculated] = named("Output size");
    const question = calculated as XmlElement;
    expect(textOf(question, "questiontext")).toBe("<p>Input {n}×{n}, kernel {k}, padding {p}, stride {s}: how many outputs per channel row?</p>");
    const [answer] = childrenNamed(question, "answer");
    expect(child(answer as XmlElement, "text").text).toBe("((floor(((({n} + (2 * {p})) - {k}) / {s})) + 1))");
    expect(child(answer as XmlElement, "tolerancetype").text).toBe("2");
    expect(textOf(question, "generalfeedback")).toContain("= {=(floor(((({n} + (2 * {p})) - {k}) / {s})) + 1)}");
    const datasets = childrenNamed(child(question, "dataset_definitions"), "dataset_definition").map((d) => ({
      name: textOf(d, "name"),
      items: childrenNamed(child(d, "dataset_items"), "dataset_item").map((item) => [Number(child(item, "number").text), Number(child(item, "value").text)]),
      count: Number(child(d, "itemcount").text),
    }));
    // The whole space (2 sizes × 2 strides), item i of every dataset together: 28/1, 28/2, 32/1, 32/2,
    // whose keys by hand (d2l 6.3: floor((n + 2 − 3)/s) + 1) are 28, 14, 32, 16.
    expect(datasets).toEqual([
      { name: "n", items: [[1, 28], [2, 28], [3, 32], [4, 32]], count: 4 },
      { name: "k", items: [[1, 3], [2, 3], [3, 3], [4, 3]], count: 4 },
      { name: "p", items: [[1, 1], [2, 1], [3, 1], [4, 1]], count: 4 },
      { name: "s", items: [[1, 1], [2, 2], [3, 1], [4, 2]], count: 4 },
    ]);
  });

  it("writes single and multiple choice with Moodle's fractions, and true/false", () => {
    const [single] = named("Pooling has parameters?");
    expect(child(single as XmlElement, "single").text).toBe("true");
    expect(answers(single as XmlElement)).toEqual([
      { fraction: "0", text: "4" },
      { fraction: "100", text: "0" },
      { fraction: "0", text: "1" },
    ]);
    const [multiple] = named("Which are hyperparameters?");
    expect(child(multiple as XmlElement, "single").text).toBe("false");
    expect(answers(multiple as XmlElement)).toEqual([
      { fraction: "50", text: "padding" },
      { fraction: "-100", text: "the bias b" },
      { fraction: "50", text: "stride" },
    ]);
    const [truth] = named("Max pooling is linear");
    expect(answers(truth as XmlElement)).toEqual([
      { fraction: "0", text: "true" },
      { fraction: "100", text: "false" },
    ]);
  });

  it("writes the Chinese texts when asked, falling back to English where none was written", () => {
    const zh = parseXml(exportMoodleXml(demoBank(), { lang: "zh-CN" }));
    const [multiple] = childrenNamed(zh, "question").filter((q) => q.attributes.type === "multichoice" && child(q, "single").text === "false");
    expect(textOf(multiple as XmlElement, "questiontext")).toBe("<p>选出卷积层的所有超参数。</p>");
    expect(answers(multiple as XmlElement).map((a) => a.text)).toEqual(["填充", "偏置 b", "步幅"]);
    expect(textOf(multiple as XmlElement, "name")).toBe("Which are hyperparameters? a=b");
  });

  it("is rejected by the checker when it is not well-formed (the checker is strict)", () => {
    expect(() => parseXml("<quiz><question></quiz>")).toThrow("not well-formed");
    expect(() => parseXml("<quiz>a & b</quiz>")).toThrow("not well-formed");
  });
});
