import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { Html } from "./html";

/**
 * Problem prompts and solutions: Markdown with `$…$` and `$$…$$` math, typeset by KaTeX through
 * the one renderer every HTML string passes (lib/server/markdown/render-markdown.ts, sanitised).
 * It has no server-only import, so the question editor's preview (a client component) renders
 * with it too; a server component ships none of it to the browser.
 */
export function Markdown({ children, className, compact = false }: { children: string; className?: string; compact?: boolean }) {
  return <Html html={renderMarkdown(children)} className={className} compact={compact} />;
}
