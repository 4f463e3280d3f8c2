import ReactMarkdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";

/** Problem prompts and solutions: Markdown with `$…$` and `$$…$$` math, typeset by KaTeX. */
export function Markdown({ children, className, compact = false }: { children: string; className?: string; compact?: boolean }) {
  return (
    <div className={`${compact ? "prose-stride-compact" : "prose-stride"} ${className ?? ""}`}>
      <ReactMarkdown remarkPlugins={[remarkMath]} rehypePlugins={[[rehypeKatex, { throwOnError: false }]]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
