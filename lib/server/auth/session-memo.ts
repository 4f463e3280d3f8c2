/**
 * The sessions better-auth has just read, by the request's Cookie header, for a few seconds.
 * Reading a session from its signed cookie copy (create-auth.ts, `cookieCache`) costs an HMAC
 * through WebCrypto, cookie parsing and better-call's request context: several per cent of the
 * server's CPU under a class's load (issue 11's profile), for an answer that cannot change while
 * the header stays the same, except by time. So a header better-auth answered with a session and
 * no cookie to set is answered again from memory for `lifetimeMs`.
 *
 * What that costs: better-auth trusts its cookie copy for SESSION_CACHE_SECONDS without asking the
 * database, so a session revoked elsewhere, or a role granted, already takes effect only when that
 * copy expires; the memo adds at most `lifetimeMs` to that delay. An unknown or forged header is
 * never answered from here (only what better-auth accepted is kept), and nothing is kept when
 * better-auth wanted to set a cookie, so refreshing still happens on better-auth's schedule.
 */
import { LruCache } from "../markdown/cache-lru";

/** Headers longer than this are read by better-auth every time rather than kept as keys. */
export const MAX_MEMO_KEY_LENGTH = 4_096;

// Weighed by the header's length: a few thousand signed-in browsers in a few megabytes.
const MAX_MEMO_CHARACTERS = 8_000_000;

interface Entry<Session> {
  session: Session;
  until: number;
  weight: number;
}

export class SessionMemo<Session> {
  private readonly entries = new LruCache<string, Entry<Session>>(MAX_MEMO_CHARACTERS, (entry) => entry.weight);

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get(cookieHeader: string | null): Session | undefined {
    if (!cookieHeader || cookieHeader.length > MAX_MEMO_KEY_LENGTH) return undefined;
    const entry = this.entries.get(cookieHeader);
    return entry && entry.until > this.now() ? entry.session : undefined;
  }

  remember(cookieHeader: string | null, session: Session): void {
    if (!cookieHeader || cookieHeader.length > MAX_MEMO_KEY_LENGTH) return;
    this.entries.set(cookieHeader, { session, until: this.now() + this.lifetimeMs, weight: cookieHeader.length });
  }

  /** A browser signed out here (its account deleted, say): its header is read by better-auth again. */
  forget(cookieHeader: string | null): void {
    if (cookieHeader) this.entries.delete(cookieHeader);
  }
}
