/**
 * Problem text the server has already typeset (lib/server/markdown/render-markdown.ts: Markdown
 * and KaTeX, raw HTML dropped, then sanitised against an allow-list), so the review pages ship no
 * Markdown parser or KaTeX code. Give it only that module's output: it is the one place a page
 * inserts HTML, and the sanitiser there is what makes an author's links safe to insert.
 */
export function Html({ html, className, compact = false }: { html: string; className?: string; compact?: boolean }) {
  return <div className={`${compact ? "prose-stride-compact" : "prose-stride"} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
