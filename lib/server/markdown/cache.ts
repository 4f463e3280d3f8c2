/**
 * Rendered Markdown, remembered: `renderMarkdown` is a pure function of its text (the same
 * processor, the same sanitiser schema, no clock), and typesetting with KaTeX is the costliest
 * step of answering a learner. A prompt is rendered when it is issued and again on every reload;
 * a feedback message ("Correct.") and a worked solution recur across learners. Kept beside the
 * renderer, never inside it, so what the renderer returns stays its own business.
 */
import { LruCache } from "./cache-lru";
import { renderMarkdown } from "./render-markdown";

// About 16 million characters of HTML (tens of MB): thousands of solutions.
const MAX_CACHED_CHARACTERS = 16_000_000;

const holder = globalThis as typeof globalThis & { strideMarkdownCache?: LruCache<string, string> };

// One cache a process, whichever Next.js bundle loads this module.
function cache(): LruCache<string, string> {
  holder.strideMarkdownCache ??= new LruCache<string, string>(MAX_CACHED_CHARACTERS, (html) => html.length);
  return holder.strideMarkdownCache;
}

/** `renderMarkdown`, from the cache when this text was rendered before. */
export function renderMarkdownCached(markdown: string): string {
  return cache().getOrSet(markdown, () => renderMarkdown(markdown));
}

/** Both languages of a localized text, rendered through the cache. */
export function renderLocalizedCached<T extends Record<string, string>>(text: T): T {
  return Object.fromEntries(Object.entries(text).map(([lang, markdown]) => [lang, renderMarkdownCached(markdown)])) as T;
}
