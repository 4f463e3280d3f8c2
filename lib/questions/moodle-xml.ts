import type { Bank } from "./bundle";
import { type ExportItem, type ExportOptions, planExport } from "./export-plan";
import { escapeHtml, markdownToHtml, markdownToInlineHtml } from "./markdown-to-html";

/**
 * A bank as Moodle XML (docs.moodle.org, "Moodle XML format"): numerical, multichoice (single
 * and multiple answers), truefalse, shortanswer for shapes and matrices, and calculated questions
 * with their datasets where Moodle can compute the key itself. Texts are HTML with MathJax's
 * `\(…\)` delimiters, since Moodle knows no `$…$`; an author's raw HTML is escaped in them
 * (markdown-to-html.ts), and in the names and the category, which Moodle also shows as HTML.
 */
export function exportMoodleXml(bank: Bank, options: ExportOptions = {}): string {
  const items = planExport(bank, options);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<quiz>",
    `  <question type="category"><category><text>${xml(`$course$/top/${escapeHtml(bank.title)}`)}</text></category></question>`,
    ...items.map(questionXml),
    "</quiz>",
    "",
  ];
  return lines.join("\n");
}

function questionXml(item: ExportItem): string {
  const head = [
    `  <question type="${item.type}">`,
    `    <name><text>${xml(escapeHtml(item.name))}</text></name>`,
    `    <questiontext format="html"><text>${xml(markdownToHtml(item.text))}</text></questiontext>`,
    `    <generalfeedback format="html"><text>${xml(markdownToHtml(item.feedback))}</text></generalfeedback>`,
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0.3333333</penalty>",
    "    <hidden>0</hidden>",
  ];
  return [...head, ...bodyXml(item), "  </question>"].join("\n");
}

/** One answer; `feedback` (markdown) is what Moodle shows whoever gives it: a named mistake's message. */
function answerXml(fraction: number, text: string, extra: string[] = [], feedback = ""): string {
  return [
    `    <answer fraction="${fraction}" format="html">`,
    `      <text>${xml(text)}</text>`,
    ...extra.map((line) => `      ${line}`),
    `      <feedback format="html"><text>${feedback ? xml(markdownToHtml(feedback)) : ""}</text></feedback>`,
    "    </answer>",
  ].join("\n");
}

function bodyXml(item: ExportItem): string[] {
  switch (item.type) {
    case "numerical":
      return [
        answerXml(100, String(item.value), [`<tolerance>${item.tolerance}</tolerance>`]),
        ...item.mistakes.map((mistake) => answerXml(0, String(mistake.value), ["<tolerance>0</tolerance>"], mistake.feedback)),
      ];
    case "truefalse":
      return [answerXml(item.value ? 100 : 0, "true", [], item.value ? "" : item.wrongFeedback), answerXml(item.value ? 0 : 100, "false", [], item.value ? item.wrongFeedback : "")];
    case "shortanswer":
      return [
        "    <usecase>0</usecase>",
        ...item.answers.map((answer) => answerXml(100, answer)),
        ...item.mistakes.flatMap((mistake) => mistake.answers.map((answer) => answerXml(0, answer, [], mistake.feedback))),
      ];
    case "multichoice":
      return [
        `    <single>${item.single}</single>`,
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>ABCD</answernumbering>",
        ...item.options.map((option) => answerXml(option.fraction, markdownToInlineHtml(option.text), [], option.feedback)),
      ];
    case "calculated":
      return [
        "    <synchronize>0</synchronize>",
        "    <single>0</single>",
        "    <answernumbering>abc</answernumbering>",
        "    <shuffleanswers>0</shuffleanswers>",
        answerXml(100, item.formula, [
          `<tolerance>${item.tolerance}</tolerance>`,
          // Moodle's codes: 1 relative, 2 nominal (absolute), 3 geometric.
          `<tolerancetype>${item.toleranceType === "relative" ? 1 : 2}</tolerancetype>`,
          "<correctanswerformat>1</correctanswerformat>",
          `<correctanswerlength>${item.decimals}</correctanswerlength>`,
        ]),
        "    <unitgradingtype>0</unitgradingtype>",
        "    <unitpenalty>0.1000000</unitpenalty>",
        "    <showunits>3</showunits>",
        "    <unitsleft>0</unitsleft>",
        "    <dataset_definitions>",
        ...item.datasets.map((dataset) =>
          [
            "      <dataset_definition>",
            "        <status><text>private</text></status>",
            `        <name><text>${xml(dataset.name)}</text></name>`,
            "        <type>calculated</type>",
            "        <distribution><text>uniform</text></distribution>",
            `        <minimum><text>${dataset.min}</text></minimum>`,
            `        <maximum><text>${dataset.max}</text></maximum>`,
            `        <decimals><text>${item.decimals}</text></decimals>`,
            `        <itemcount>${dataset.values.length}</itemcount>`,
            "        <dataset_items>",
            ...dataset.values.map((value, index) => `          <dataset_item><number>${index + 1}</number><value>${value}</value></dataset_item>`),
            "        </dataset_items>",
            `        <number_of_items>${dataset.values.length}</number_of_items>`,
            "      </dataset_definition>",
          ].join("\n"),
        ),
        "    </dataset_definitions>",
      ];
  }
}

/** XML text: the five characters with a meaning escaped (the HTML inside is escaped once more). */
function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
