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

/** An answer's feedback (`#…` after it), shown to whoever gives that answer: a named mistake's message. */
const answerFeedback = (feedback: string | undefined) => (feedback ? `#${html(feedback)}` : "");

function questionGift(item: ExportItem): string {
  const feedback = item.feedback ? ` ####[html]${html(item.feedback)}` : "";
  return `::${escapeGift(escapeHtml(item.name))}::[html]${html(item.text)}{${answersGift(item)}${feedback}}`;
}

function answersGift(item: ExportItem): string {
  switch (item.type) {
    case "numerical":
      // Several answers need the "=" form; a mistake's wrong value is worth 0 % and carries its message.
      if (item.mistakes.length === 0) return `#${item.value}:${item.tolerance}`;
      return `#=${item.value}:${item.tolerance} ${item.mistakes.map((mistake) => `=%0%${mistake.value}:0${answerFeedback(mistake.feedback)}`).join(" ")}`;
    case "truefalse":
      return `${item.value ? "TRUE" : "FALSE"}${answerFeedback(item.wrongFeedback)}`;
    case "shortanswer":
      return [
        ...item.answers.map((answer) => `=${escapeGift(answer)}`),
        ...item.mistakes.flatMap((mistake) => mistake.answers.map((answer) => `=%0%${escapeGift(answer)}${answerFeedback(mistake.feedback)}`)),
      ].join(" ");
    case "multichoice":
      return item.options
        .map((option) => {
          const mark = item.single ? (option.fraction === 100 ? "=" : "~") : `~%${option.fraction}%`;
          return `${mark}${escapeGift(markdownToInlineHtml(option.text))}${answerFeedback(option.feedback)}`;
        })
        .join(" ");
    case "calculated":
      throw new Error("GIFT has no calculated questions: planExport is asked for none");
  }
}
