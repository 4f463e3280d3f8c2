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

export function prismaLimiterStore(db: PrismaClient, { table }: { table: string }): LimiterStoreClient {
  let pending: PendingUpsert[] = [];

  async function flush() {
    const batch = pending;
    pending = [];
    try {
      const { text, values } = coalescedUpsert(table, batch);
      answerEach(batch, await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values));
    } catch (error) {
      for (const upsert of batch) upsert.reject(error);
    }
  }

  return {
    async query({ name, text, values = [] }) {
      if (isLibraryUpsert(name, values)) {
        return new Promise((resolve, reject) => {
          const [key, points, expire, now] = values as [string, number, number | null, number];
          if (pending.length === 0) setImmediate(() => void flush());
          pending.push({ key, points, expire, now, resolve, reject });
        });
      }
      if (/^\s*DELETE\b/i.test(text)) {
        const rowCount = await db.$executeRawUnsafe(text, ...values);
        return { rows: [], rowCount };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows: rows.map(asNumbers), rowCount: rows.length };
    },
  };
}
