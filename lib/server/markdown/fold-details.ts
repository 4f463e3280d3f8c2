/**
 * The remark plugin that gives a long worked solution a fold the learner opens: the generic
 * directives' container syntax (micromark-extension-directive; talk.commonmark.org/t/444) named
 * `details`, `:::details[label]` … `:::`, becomes `<details>` with the label as its `<summary>`,
 * both on GitHub's allow-list that the sanitiser keeps (sanitize-schema.ts).
 *
 * Directives are read for this one use only. Their inline form is not read at all (`Answer:B`
 * would be a directive `:B`), only the block forms, which start a line with `::`; any block
 * directive but `details` is put back as the text it was written as, so nothing typed disappears.
 */
import type { Paragraph, Parent, Root, RootContent, Text } from "mdast";
import { type ContainerDirective, directiveFromMarkdown, type LeafDirective } from "mdast-util-directive";
import { directive } from "micromark-extension-directive";
import type { Processor } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

type Directive = ContainerDirective | LeafDirective;

function isDirective(node: { type: string }): node is Directive {
  return node.type === "containerDirective" || node.type === "leafDirective";
}

/** The directive as it stood in the document. */
function sourceOf(node: Directive, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

export default function foldDetails(this: Processor) {
  const data = this.data();
  // The flow constructs (container `:::`, leaf `::`) without the text one.
  const { flow } = directive();
  (data.micromarkExtensions ??= []).push({ flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? "");
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!isDirective(node) || !parent || index === undefined) return;
      if (node.type === "containerDirective" && node.name === "details") {
        node.data = { ...node.data, hName: "details", hProperties: {} };
        const [first] = node.children;
        if (first?.type === "paragraph" && first.data?.directiveLabel) first.data = { ...first.data, hName: "summary" };
        return;
      }
      const text: Text = { type: "text", value: sourceOf(node, source) };
      const replacement: RootContent = { type: "paragraph", children: [text] } satisfies Paragraph;
      parent.children.splice(index, 1, replacement as never);
      return [SKIP, index + 1];
    });
  };
}
