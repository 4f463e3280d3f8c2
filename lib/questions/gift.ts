import type { Bank } from "./bundle";
import { type ExportItem, type ExportOptions, planExport } from "./export-plan";
import { escapeHtml, markdownToHtml, markdownToInlineHtml } from "./markdown-to-html";

/**
 * A bank in GIFT (docs.moodle.org, "GIFT format"). GIFT has no calculated questions, so every
 * parametrised question is a fixed sample of its variants. Texts are `[html]` with MathJax's
 * `\(…\)`; GIFT's special characters `~ = # { } :` and the backslash are escaped with a backslash.
 * Moodle shows every text of a question as HTML, its name and category too, so each is HTML-escaped
 * first (markdown-to-html.ts): an author's `<script>` or `onerror=` arrives in Moodle as text.
 */
export function exportGift(bank: Bank, options: Omit<ExportOptions, "calculated"> = {}): string {
  const items = planExport(bank, { ...options, calculated: false });
  return `${[`$CATEGORY: $course$/top/${escapeGift(escapeHtml(bank.title))}`, ...items.map(questionGift)].join("\n\n")}\n`;
}

/** GIFT's escapes: a backslash before each of `\ ~ = # { } :`. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`);
}

/** A blank line ends a GIFT question, so line breaks (left only inside math, where they are spaces to TeX) become spaces. */
const html = (markdown: string) => escapeGift(markdownToHtml(markdown).replace(/\s*\n\s*/g, " "));

function questionGift(item: ExportItem): string {
  const feedback = item.feedback ? ` ####[html]${html(item.feedback)}` : "";
  return `::${escapeGift(escapeHtml(item.name))}::[html]${html(item.text)}{${answersGift(item)}${feedback}}`;
}

function answersGift(item: ExportItem): string {
  switch (item.type) {
    case "numerical":
      return `#${item.value}:${item.tolerance}`;
    case "truefalse":
      return item.value ? "TRUE" : "FALSE";
    case "shortanswer":
      return item.answers.map((answer) => `=${escapeGift(answer)}`).join(" ");
    case "multichoice":
      if (item.single) return item.options.map((option) => `${option.fraction === 100 ? "=" : "~"}${escapeGift(markdownToInlineHtml(option.text))}`).join(" ");
      return item.options.map((option) => `~%${option.fraction}%${escapeGift(markdownToInlineHtml(option.text))}`).join(" ");
    case "calculated":
      throw new Error("GIFT has no calculated questions: planExport is asked for none");
  }
}
