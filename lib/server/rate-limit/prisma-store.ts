import type { PrismaClient } from "@/lib/db";

/**
 * The `pg`-pool-shaped client rate-limiter-flexible's RateLimiterPostgres queries (`storeType:
 * "pool"`: it only calls `query({ name, text, values })`), answered through the app's own Prisma
 * client rather than a second pool. Two reasons:
 * - On the embedded PGlite every connection is multiplexed onto one backend and a connection's
 *   messages can interleave with another's (lib/db/embedded.ts), so the app keeps ONE connection;
 *   a limiter with its own connection would break that. Through Prisma the limiter waits for that
 *   one connection like any other query: while a transaction holds it, a limiter query waits for
 *   the commit instead of deadlocking against it. (The limiter runs in a middleware before the
 *   procedure, never inside a transaction, so the transaction never waits for the limiter.)
 * - The library names its prepared statements; on PGlite, where connections share one session,
 *   a name prepared twice is an error. Dropping the names (Prisma prepares its own) avoids it.
 *
 * And one round trip for many counts: every API call counts its user and its address, each an
 * upsert of the library's, and a lecture hall sends many calls at once. The library's upserts that
 * arrive in the same turn of the event loop (the two of one call, and those of other calls that
 * came in together) go to the database as ONE statement: the library's own upsert (the same
 * table, the same rule: a window that has ended starts again at these points, else they are
 * added) over several rows, each key once with the points of all its calls, every call answered
 * with the count it would have seen had the upserts run one after another in the order they came.
 * The library keeps everything else: its in-memory blocking, its insurance limiter when the
 * database fails (then every count of the statement falls back to it), its cleanup of old rows.
 */
export interface LimiterStoreClient {
  query(query: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
}

/** `expire` is a bigint column, which Prisma returns as BigInt; the library does arithmetic with numbers. */
function asNumbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]));
}

/** One upsert of the library (RateLimiterPostgres#_upsert: values `[key, points, newExpire, now]`) waiting for its statement. */
export interface PendingUpsert {
  key: string;
  points: number;
  expire: number | null;
  now: number;
  resolve(result: { rows: Record<string, unknown>[]; rowCount: number }): void;
  reject(error: unknown): void;
}

/** The library's plain upsert (not the forced one of `block`/`set`), recognised by its name and its four values. */
function isLibraryUpsert(name: string | undefined, values: unknown[]): boolean {
  return name !== undefined && /(^|:)rlflx-upsert$/.test(name) && values.length === 4 && typeof values[0] === "string" && typeof values[1] === "number";
}

/**
 * The one statement for several upserts: a row per key (the points of its calls summed, the
 * expiry of its first call), `now` of the first call (they came within one turn of the loop).
 */
export function coalescedUpsert(table: string, pending: readonly PendingUpsert[]): { text: string; values: unknown[]; keys: string[] } {
  const byKey = new Map<string, { points: number; expire: number | null }>();
  for (const upsert of pending) {
    const row = byKey.get(upsert.key);
    if (row) row.points += upsert.points;
    else byKey.set(upsert.key, { points: upsert.points, expire: upsert.expire });
  }
  const keys = [...byKey.keys()];
  const values: unknown[] = [];
  const rows = keys.map((key) => {
    const row = byKey.get(key)!;
    values.push(key, row.points, row.expire);
    return `($${values.length - 2}, $${values.length - 1}, $${values.length})`;
  });
  values.push(pending[0]!.now);
  const now = `$${values.length}`;
  const text = `INSERT INTO "${table}" AS t ("key", "points", "expire") VALUES ${rows.join(", ")}
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN t."expire" <= ${now} THEN EXCLUDED."points" ELSE t."points" + EXCLUDED."points" END,
      "expire" = CASE WHEN t."expire" <= ${now} THEN EXCLUDED."expire" ELSE t."expire" END
    RETURNING "key", "points", "expire"`;
  return { text, values, keys };
}

/**
 * What each upsert would have returned alone, in the order they came: a key's row holds the count
 * after all its calls, so a call sees that count less the points of the calls after it.
 */
export function answerEach(pending: readonly PendingUpsert[], rows: readonly Record<string, unknown>[]): void {
  const byKey = new Map(rows.map((row) => [String(row.key), asNumbers(row)]));
  const later = new Map<string, number>();
  for (let index = pending.length - 1; index >= 0; index -= 1) {
    const upsert = pending[index]!;
    const row = byKey.get(upsert.key);
    if (!row) {
      upsert.reject(new Error(`the request limit of ${upsert.key} was not returned`));
      continue;
    }
    const after = later.get(upsert.key) ?? 0;
    upsert.resolve({ rows: [{ points: (row.points as number) - after, expire: row.expire }], rowCount: 1 });
    later.set(upsert.key, after + upsert.points);
  }
}

/** How long a call counted without waiting may stay unsent. */
export const WRITE_BEHIND_MS = 100;

export interface PrismaLimiterStore extends LimiterStoreClient {
  /** Sends every count not yet written and waits for every statement under way. */
  flush(): Promise<void>;
}

/** What the database last said of a key: its count and when its window ends. */
interface KeyView {
  points: number;
  expire: number;
}

const noAnswer = () => {};

/**
 * The store, with the library's upserts that arrive in one turn of the event loop sent as one
 * statement (above), and most calls counted without waiting for the database at all: a key the
 * database answered before, whose window is still open and which is well under its budget (half
 * of it, counting what this process has sent or counted since), is answered at once from that
 * answer plus this process's own counts since, and its points go with the next statement within
 * WRITE_BEHIND_MS. A key near its budget, a new key or a new window waits for the database, so
 * whether a call is refused is decided by the database's count, shared by every process; what
 * another process counted in its last WRITE_BEHIND_MS is all that may be missing from it.
 */
export function prismaLimiterStore(db: PrismaClient, { table, budgetOf }: { table: string; budgetOf: (key: string) => number }): PrismaLimiterStore {
  let pending: PendingUpsert[] = [];
  let timer: NodeJS.Timeout | null = null;
  let immediate = false;
  const known = new Map<string, KeyView>();
  const unsent = new Map<string, number>();
  const sending = new Map<string, number>();
  const underWay = new Set<Promise<void>>();

  const add = (map: Map<string, number>, key: string, points: number) => {
    const total = (map.get(key) ?? 0) + points;
    if (total === 0) map.delete(key);
    else map.set(key, total);
  };

  function learn(row: Record<string, unknown>) {
    const key = String(row.key);
    const points = Number(row.points);
    const expire = Number(row.expire);
    const view = known.get(key);
    // Statements may return out of order: keep the later window, and within it the higher count.
    if (!view || expire > view.expire || (expire === view.expire && points > view.points)) known.set(key, { points, expire });
  }

  function forgetEnded(now: number) {
    if (known.size < 1_000) return;
    for (const [key, view] of known) if (view.expire <= now) known.delete(key);
  }

  async function send(batch: PendingUpsert[]) {
    for (const upsert of batch) add(sending, upsert.key, upsert.points);
    try {
      const { text, values } = coalescedUpsert(table, batch);
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      for (const row of rows) learn(row);
      answerEach(batch, rows);
    } catch (error) {
      // Counts already answered are lost with the statement; the keys wait for the database again
      // (and, while it fails, the library's insurance limiter answers them).
      for (const upsert of batch) {
        known.delete(upsert.key);
        upsert.reject(error);
      }
    } finally {
      for (const upsert of batch) add(sending, upsert.key, -upsert.points);
    }
  }

  function sendPending() {
    if (timer) clearTimeout(timer);
    timer = null;
    immediate = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const upsert of batch) if (upsert.resolve === noAnswer) add(unsent, upsert.key, -upsert.points);
    forgetEnded(batch[0]!.now);
    const sent = send(batch);
    underWay.add(sent);
    void sent.finally(() => underWay.delete(sent));
  }

  function countWithoutWaiting(key: string, points: number, now: number): { points: number; expire: number } | null {
    const view = known.get(key);
    if (!view || view.expire <= now) return null;
    const seen = view.points + (sending.get(key) ?? 0) + (unsent.get(key) ?? 0) + points;
    return seen * 2 <= budgetOf(key) ? { points: seen, expire: view.expire } : null;
  }

  return {
    async query({ name, text, values = [] }) {
      if (isLibraryUpsert(name, values)) {
        const [key, points, expire, now] = values as [string, number, number | null, number];
        const answer = countWithoutWaiting(key, points, now);
        if (answer) {
          pending.push({ key, points, expire, now, resolve: noAnswer, reject: noAnswer });
          add(unsent, key, points);
          if (!timer && !immediate) {
            timer = setTimeout(sendPending, WRITE_BEHIND_MS);
            timer.unref();
          }
          return { rows: [answer], rowCount: 1 };
        }
        return new Promise((resolve, reject) => {
          pending.push({ key, points, expire, now, resolve, reject });
          if (!immediate) {
            immediate = true;
            setImmediate(sendPending);
          }
        });
      }
      if (/^\s*DELETE\b/i.test(text)) {
        const rowCount = await db.$executeRawUnsafe(text, ...values);
        return { rows: [], rowCount };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows: rows.map(asNumbers), rowCount: rows.length };
    },
    async flush() {
      sendPending();
      await Promise.all(underWay);
    },
  };
}
