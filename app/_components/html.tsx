/**
 * Problem text the server has already typeset (lib/server/markdown/render-markdown.ts: Markdown
 * and KaTeX, raw HTML dropped), so the review pages ship no Markdown parser or KaTeX code.
 */
export function Html({ html, className, compact = false }: { html: string; className?: string; compact?: boolean }) {
  return <div className={`${compact ? "prose-stride-compact" : "prose-stride"} ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
