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
 */
export interface LimiterStoreClient {
  query(query: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
}

/** `expire` is a bigint column, which Prisma returns as BigInt; the library does arithmetic with numbers. */
function asNumbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]));
}

export function prismaLimiterStore(db: PrismaClient): LimiterStoreClient {
  return {
    async query({ text, values = [] }) {
      if (/^\s*DELETE\b/i.test(text)) {
        const rowCount = await db.$executeRawUnsafe(text, ...values);
        return { rows: [], rowCount };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows: rows.map(asNumbers), rowCount: rows.length };
    },
  };
}
