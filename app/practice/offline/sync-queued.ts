/**
 * The answers of this browser's queue that `userId` may add to their history: their own, and
 * those answered while nobody was signed in. Another account's stay on the device for that
 * account (a shared computer).
 */
export function belongingTo<Item extends { owner: string | null }>(items: readonly Item[], userId: string): Item[] {
  return items.filter((item) => item.owner === null || item.owner === userId);
}

/**
 * Sends the answers practised offline to the server in turns of at most `turn` (the API takes 50
 * a call) and forgets each one the server has answered for: recorded, recorded before, or refused
 * for good (an unknown template, an unreadable answer), which no later try would change. A turn
 * that fails (the connection dropped again) stops the sync and keeps that turn and the rest.
 * IO is passed in, so the rule is tested without a browser.
 */
export async function syncQueued<Item extends { id: string }>({
  read,
  send,
  forget,
  turn,
}: {
  read: () => Promise<Item[]>;
  send: (items: Item[]) => Promise<{ id: string; status: string }[]>;
  forget: (ids: string[]) => Promise<void>;
  turn: number;
}): Promise<{ recorded: number; left: number }> {
  const items = await read();
  let recorded = 0;
  for (let start = 0; start < items.length; start += turn) {
    const outcomes = await send(items.slice(start, start + turn));
    await forget(outcomes.map((outcome) => outcome.id));
    recorded += outcomes.filter((outcome) => outcome.status === "recorded" || outcome.status === "already-recorded").length;
  }
  return { recorded, left: (await read()).length };
}
