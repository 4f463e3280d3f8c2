/**
 * Markdown with KaTeX, as Stride's prompts are written, to the HTML that Moodle shows with its
 * MathJax filter: math becomes `\(…\)` and `\[…\]` (Moodle's delimiters; it knows no single `$`),
 * and is kept out of every other rewrite, so `a_1 * b_2` inside math never turns into emphasis.
 * Only what prompts use is converted: paragraphs, line breaks, `- ` lists, `**bold**`, `*italic*`
 * and `` `code` ``; any other markdown is left as text, which stays readable. Everything the author
 * wrote is HTML-escaped before any tag is added, so raw HTML (`<img onerror=…>`) arrives as text and
 * a Markdown link (`[x](javascript:…)`) is never made a link.
 */
export function markdownToHtml(markdown: string): string {
  const protectedParts: string[] = [];
  const protect = (html: string) => `\u0000${protectedParts.push(html) - 1}\u0000`;
  // NUL marks the protected parts below, so an author's own NUL (no text needs one) is dropped first.
  let text = markdown
    .replace(/\u0000/g, "")
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => protect(`\\[${escapeHtml(tex.trim())}\\]`))
    .replace(/\$([^$\n]+?)\$/g, (_, tex: string) => protect(`\\(${escapeHtml(tex)}\\)`))
    .replace(/`([^`\n]+)`/g, (_, code: string) => protect(`<code>${escapeHtml(code)}</code>`));
  text = escapeHtml(text)
    .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(?<![*\w])\*([^*\n]+)\*(?![*\w])/g, "<em>$1</em>");
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((line) => /^\s*[-*] /.test(line))) return `<ul>${lines.map((line) => `<li>${line.replace(/^\s*[-*] /, "")}</li>`).join("")}</ul>`;
      return `<p>${lines.join("<br>")}</p>`;
    });
  return blocks.join("").replace(/\u0000(\d+)\u0000/g, (_, index: string) => protectedParts[Number(index)] as string);
}

/** The three characters that would change the meaning of HTML text (no attribute value is ever written from text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A short text (a choice's option) as inline HTML: one paragraph loses its `<p>`. */
export function markdownToInlineHtml(markdown: string): string {
  const html = markdownToHtml(markdown);
  const single = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(html);
  return single ? (single[1] as string) : html;
}
