import { describe, expect, it } from "vitest";
import { type Bank, exportGift, exportMoodleXml, parseQuestionDefinition, type QuestionDefinition, sampleQuestion } from "@/lib/questions";
import { convBlockQuestion, outputSizeQuestion } from "./fixtures";
import { child, childrenNamed, parseXml, textOf, type XmlElement } from "./xml";

const bankOf = (definitions: Record<string, unknown>): Bank => ({
  title: "Mistakes",
  questions: Object.entries(definitions).map(([key, definition]) => ({
    key,
    versions: [{ version: 1, published: true, definition: parseQuestionDefinition(definition) }],
  })),
});
const builtin = (template: string) => ({ kind: "builtin", title: { en: template }, template });
const giftBlocks = (bank: Bank) => exportGift(bank).trimEnd().split("\n\n").slice(1);
const moodleQuestions = (bank: Bank) => childrenNamed(parseXml(exportMoodleXml(bank)), "question").filter((q) => q.attributes.type !== "category");
const answersOf = (question: XmlElement) =>
  childrenNamed(question, "answer").map((a) => ({ fraction: a.attributes.fraction, text: child(a, "text").text, feedback: textOf(a, "feedback") }));

/** The variants a bank question keyed by its template's name exports, in order: the key and the named mistakes of each seed. */
function variantsOf(template: string, count: number) {
  const definition = parseQuestionDefinition(builtin(template)) as QuestionDefinition;
  // As the export picks them: seeds in order, a variant whose prompt came already skipped.
  const prompts = new Set<string>();
  const variants = [];
  for (let seed = 0; variants.length < count; seed += 1) {
    const variant = sampleQuestion(definition, { templateId: `question:${template}`, seed });
    if (prompts.has(variant.problem.prompt)) continue;
    prompts.add(variant.problem.prompt);
    variants.push(variant);
  }
  return variants;
}

describe("exports carry a named mistake's feedback on the wrong answer it names", () => {
  it("GIFT numerical: the key and the forgotten-bias count, worth 0 with its message (conv block, by hand)", () => {
    const blocks = giftBlocks(bankOf({ conv: convBlockQuestion() }));
    expect(blocks).toHaveLength(5);
    for (const block of blocks) {
      const [, c, k] = /\\\\\(\[3, 32, 32\]\\\\\) to (\d+) output channels with a \\\\\((\d) \\\\times/.exec(block) ?? [];
      // by hand (d2l 6.4): c · 3 · k² + c, the bias left out: c · 3 · k²
      const key = Number(c) * 3 * Number(k) ** 2 + Number(c);
      expect(block).toContain(`{#=${key}:0 =%0%${key - Number(c)}:0#<p>You left out the ${c} biases.</p> ####[html]`);
    }
  });

  it("GIFT escapes the feedback's special characters and the author's HTML", () => {
    const question = convBlockQuestion({
      misconceptions: [{ id: "forgot-bias", formula: "answer - c", message: { en: "No bias: ~ = # { } : and <b>x</b>" } }],
    });
    const [block] = giftBlocks(bankOf({ conv: question }));
    expect(block).toMatch(/=%0%\d+:0#<p>No bias\\: \\~ \\= \\# \\\{ \\\} \\: and &lt;b&gt;x&lt;\/b&gt;<\/p> ####/);
  });

  it("GIFT and Moodle short answer: every written form of a wrong shape, worth 0, with its message; none equal to the key", () => {
    const variants = variantsOf("conv.output-size", 5);
    const blocks = giftBlocks(bankOf({ "conv.output-size": builtin("conv.output-size") }));
    const xmlQuestions = moodleQuestions(bankOf({ "conv.output-size": builtin("conv.output-size") }));
    expect(blocks).toHaveLength(5);
    blocks.forEach((block, index) => {
      const { problem, misconceptions } = variants[index]!;
      const key = (problem.answer.value as number[]).join("x");
      const named = misconceptions.filter((m) => (m.wrongAnswer.value as number[]).join("x") !== key);
      const wrongShapes = [...new Set(named.map((m) => (m.wrongAnswer.value as number[]).join("x")))];
      expect(wrongShapes.length).toBeGreaterThan(0);
      for (const shape of wrongShapes) expect(block).toContain(`=%0%${shape}#<p>`);
      expect(block).not.toContain(`=%0%${key}#`);
      const zeroes = answersOf(xmlQuestions[index]!).filter((answer) => answer.fraction === "0");
      // Six written forms of each wrong shape (6x10x10, 6 x 10 x 10, 6×10×10, (6, 10, 10), [6, 10, 10], 6, 10, 10).
      expect(zeroes).toHaveLength(6 * wrongShapes.length);
      for (const answer of zeroes) expect(answer.feedback).toMatch(/^<p>(It looks like|The number of output channels)/);
    });
  });

  it("multiple choice: the option a mistake names carries its message, the right option none", () => {
    const variants = variantsOf("concepts.convolution-choice", 5);
    const blocks = giftBlocks(bankOf({ "concepts.convolution-choice": builtin("concepts.convolution-choice") }));
    const xmlQuestions = moodleQuestions(bankOf({ "concepts.convolution-choice": builtin("concepts.convolution-choice") }));
    let withFeedback = 0;
    blocks.forEach((block, index) => {
      const { misconceptions } = variants[index]!;
      const optionFeedback = block.match(/[~=][^~=#]*#<p>/g) ?? [];
      expect(optionFeedback.every((option) => option.startsWith("~"))).toBe(true);
      expect(optionFeedback).toHaveLength(misconceptions.length);
      const feedback = answersOf(xmlQuestions[index]!).filter((answer) => answer.feedback !== "");
      expect(feedback.map((answer) => answer.fraction)).toEqual(misconceptions.map(() => "0"));
      withFeedback += feedback.length;
    });
    expect(withFeedback).toBeGreaterThan(0);
  });

  it("true/false: the message goes to whoever answers the wrong way", () => {
    const variants = variantsOf("concepts.convolution-true-false", 5);
    const blocks = giftBlocks(bankOf({ "concepts.convolution-true-false": builtin("concepts.convolution-true-false") }));
    const xmlQuestions = moodleQuestions(bankOf({ "concepts.convolution-true-false": builtin("concepts.convolution-true-false") }));
    blocks.forEach((block, index) => {
      const { problem, misconceptions } = variants[index]!;
      const answer = problem.answer.value ? "TRUE" : "FALSE";
      if (misconceptions.length === 0) {
        expect(block).toMatch(new RegExp(`\\{${answer} ####`));
        return;
      }
      // GIFT's {FALSE#wrong#right}: the first feedback is shown to an answer of TRUE.
      expect(block).toMatch(new RegExp(`\\{${answer}#<p>[^#]+</p> ####`));
      const [trueAnswer, falseAnswer] = answersOf(xmlQuestions[index]!);
      const wrong = problem.answer.value ? falseAnswer! : trueAnswer!;
      const right = problem.answer.value ? trueAnswer! : falseAnswer!;
      expect(wrong.feedback).toMatch(/^<p>.+<\/p>$/);
      expect(right.feedback).toBe("");
    });
  });
});

describe("Moodle XML calculated questions", () => {
  const datasetBounds = (bank: Bank) => {
    const [question] = childrenNamed(parseXml(exportMoodleXml(bank, { datasetItems: 3 })), "question").filter((q) => q.attributes.type === "calculated");
    return childrenNamed(child(question!, "dataset_definitions"), "dataset_definition").map((d) => ({
      name: textOf(d, "name"),
      min: Number(textOf(d, "minimum")),
      max: Number(textOf(d, "maximum")),
      values: childrenNamed(child(d, "dataset_items"), "dataset_item").map((item) => Number(child(item, "value").text)),
    }));
  };

  it("take each variable's declared range, not the span of the items drawn", () => {
    const question = {
      ...outputSizeQuestion,
      variables: [
        { name: "n", min: 20, max: 40 },
        { name: "k", values: [3, 5, 7, 9] },
        { name: "p", values: [1] },
        { name: "s", values: [1] },
      ],
    };
    const bounds = datasetBounds(bankOf({ sizes: question }));
    expect(bounds.map(({ name, min, max }) => ({ name, min, max }))).toEqual([
      { name: "n", min: 20, max: 40 },
      { name: "k", min: 3, max: 9 },
      { name: "p", min: 1, max: 1 },
      { name: "s", min: 1, max: 1 },
    ]);
    // Three items are drawn, so they need not reach the bounds; each lies within them.
    for (const { min, max, values } of bounds) {
      expect(values).toHaveLength(3);
      for (const value of values) expect(value >= min && value <= max).toBe(true);
    }
  });
});
