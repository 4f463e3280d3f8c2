import { createStore, delMany, values, set } from "idb-keyval";
import type { Lang } from "@/lib/problems";

/** An answer practised offline, kept in the browser (IndexedDB) until the server has it. */
export interface QueuedAnswer {
  /** Also the id the server records it under, so a repeated sync records it once. */
  id: string;
  template: string;
  seed: number;
  lang: Lang;
  answer: string;
  answeredAt: Date;
  elapsedMs: number;
  /** The account signed in when it was answered (null if none): only that account syncs it. */
  owner: string | null;
}

let store: ReturnType<typeof createStore> | null = null;
// Opened on first use: IndexedDB exists only in the browser.
const queue = () => (store ??= createStore("stride-offline-practice", "answers"));

export async function queueAnswer(item: QueuedAnswer): Promise<void> {
  await set(item.id, item, queue());
}

/** Oldest first, so a sync in turns sends them in the order they were answered. */
export async function queuedAnswers(): Promise<QueuedAnswer[]> {
  const items = await values<QueuedAnswer>(queue());
  return items.sort((a, b) => new Date(a.answeredAt).getTime() - new Date(b.answeredAt).getTime());
}

export async function forgetAnswers(ids: readonly string[]): Promise<void> {
  await delMany([...ids], queue());
}
