/**
 * The review cycle's documents typeset on the render threads (workers/render-pool.ts) rather
 * than on the request thread: the same `renderMarkdownCached`, so the same HTML, computed where
 * it does not hold up every other request. What this thread has cached already is answered from
 * here, the rest goes over in one task, and the answers are cached here too (a reload, the other
 * language of a feedback). When the render threads are off, or cannot answer (their queue full, a
 * task past its time limit), this thread typesets for itself: slower under load, never refused.
 */
import { AppError } from "../errors";
import { getLogger } from "../observability/logger";
import { getRenderPool } from "../workers/render-pool";
import { cachedDocument, rememberDocument, renderMarkdownCached } from "./cache";
import { renderWithPendingMath } from "./math-in-browser";

async function renderedElsewhere(markdowns: string[]): Promise<string[]> {
  const pool = getRenderPool();
  if (!pool) return markdowns.map(renderMarkdownCached);
  try {
    return (await pool.run("renderDocuments", { markdowns })) as string[];
  } catch (error) {
    // The threads only save this thread time: whatever kept them from answering (a full queue, a
    // thread still loading on a machine so busy that the task's time ran out, a thread that
    // died), this thread gives the same HTML. A fault of the renderer itself is thrown here again.
    if (!(error instanceof AppError && error.code === "UNAVAILABLE")) getLogger().warn({ err: error }, "a render thread did not answer; typesetting on the request thread");
    return markdowns.map(renderMarkdownCached);
  }
}

/** `renderMarkdownCached` of each document, in order, typeset off the request thread. */
export async function renderDocuments(markdowns: readonly string[]): Promise<string[]> {
  const known = new Map<string, string>();
  const missing: string[] = [];
  for (const markdown of new Set(markdowns)) {
    const html = cachedDocument(markdown);
    if (html === undefined) missing.push(markdown);
    else known.set(markdown, html);
  }
  if (missing.length > 0) {
    const html = await renderedElsewhere(missing);
    missing.forEach((markdown, i) => {
      known.set(markdown, html[i]!);
      rememberDocument(markdown, html[i]!);
    });
  }
  return markdowns.map((markdown) => known.get(markdown)!);
}

/** Each language of a localized text, typeset off the request thread. */
export async function renderLocalizedDocuments<T extends Record<string, string>>(text: T): Promise<T> {
  const entries = Object.entries(text);
  const html = await renderDocuments(entries.map(([, markdown]) => markdown));
  return Object.fromEntries(entries.map(([lang], i) => [lang, html[i]!])) as T;
}

/**
 * Each document with its formulas left for the learner's browser (math-in-browser.ts): only
 * the text around them is rendered here. A document that has no formula or cannot be split is
 * typeset whole, as `renderDocuments` does.
 */
export async function renderDocumentsMathInBrowser(markdowns: readonly string[]): Promise<string[]> {
  const pending = markdowns.map(renderWithPendingMath);
  const whole = markdowns.filter((_, i) => pending[i] === null);
  const typeset = whole.length > 0 ? await renderDocuments(whole) : [];
  let next = 0;
  return pending.map((html) => html ?? typeset[next++]!);
}
