import { renderMarkdownCached } from "../../markdown/cache";

export interface RenderDocumentsInput {
  markdowns: string[];
}

/**
 * Markdown documents typeset on a render thread (../render-pool.ts), through that thread's own
 * caches of whole documents, skeletons and formulas (markdown/cache.ts): the HTML is byte for
 * byte what the request thread's `renderMarkdownCached` would return.
 */
export function renderDocuments({ markdowns }: RenderDocumentsInput): string[] {
  return markdowns.map(renderMarkdownCached);
}
