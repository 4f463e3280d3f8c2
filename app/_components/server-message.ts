/**
 * What a page says about a call the server refused, in the page's language. The server names
 * what it refused with a stable `reason` id beside its English message (lib/server/errors.ts,
 * the error formatter in lib/server/trpc.ts); the page words that id from its `serverErrors`
 * catalogue. A reason the catalogue does not know yet reads as the server's own message, and an
 * error that is not a refusal (our bug, a lost connection) as the page's "something went wrong":
 * never a stack, a status code or a browser's "Failed to fetch".
 */

/** The part of next-intl's translator this needs: whether a key exists, and its text with values. */
export interface ReasonTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

interface RefusalData {
  code?: unknown;
  reason?: unknown;
  params?: unknown;
}

/** A reason id is dot-separated words ("attempt.timeUp"): nothing else is looked up. */
const REASON_ID = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

function refusalData(error: unknown): RefusalData | null {
  if (!error || typeof error !== "object" || !("data" in error)) return null;
  const data = (error as { data?: unknown }).data;
  return data && typeof data === "object" ? (data as RefusalData) : null;
}

/** Only strings and finite numbers pass to the sentence; anything else the server sent is left out. */
function reasonParams(params: unknown): Record<string, string | number> {
  if (!params || typeof params !== "object") return {};
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] => typeof entry[1] === "string" || (typeof entry[1] === "number" && Number.isFinite(entry[1]))),
  );
}

/**
 * The sentence to show for `error`: the reason in the catalogue's language when it knows the
 * reason, else the server's English message, else `somethingWrong`.
 */
export function serverMessage(error: unknown, translate: ReasonTranslator, somethingWrong: string): string {
  const data = refusalData(error);
  // No data: the API never answered (a lost connection), or this is not an API error at all.
  if (!data || data.code === "INTERNAL_SERVER_ERROR") return somethingWrong;
  const { reason } = data;
  if (typeof reason === "string" && REASON_ID.test(reason) && translate.has(reason)) return translate(reason, reasonParams(data.params));
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && message.trim() !== "" ? message : somethingWrong;
}
