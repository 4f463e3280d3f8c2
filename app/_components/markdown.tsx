import ReactMarkdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";

/** Problem prompts and solutions: Markdown with `$…$` and `$$…$$` math, typeset by KaTeX. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={`prose-stride ${className ?? ""}`}>
      <ReactMarkdown remarkPlugins={[remarkMath]} rehypePlugins={[[rehypeKatex, { throwOnError: false }]]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
