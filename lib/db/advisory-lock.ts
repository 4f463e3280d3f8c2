/**
 * A PostgreSQL session-level advisory lock, held on a connection of its own for as long as a task
 * runs. Several app processes starting together on one server take turns through it: the first
 * prepares the database, the others wait and then find the work done.
 *
 * Session-level (pg_advisory_lock), not transaction-level: the task runs many transactions of its
 * own on other connections (the schema engine's, Prisma's pool), and the lock must outlast them
 * all. If the process dies, PostgreSQL ends the session and the lock goes with it.
 * https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
 */
import pg from "pg";

/** The lock every Stride process takes around its start-up preparation ("STRIDE" in ASCII, then 1). */
export const PREPARE_LOCK_KEY = 0x5354_5249_4445_0001n;

export type WithAdvisoryLockOptions = {
  url: string;
  key: bigint;
  /** Called once if the lock is held by someone else, before waiting for it. */
  onWait?: () => void;
};

export async function withAdvisoryLock<T>({ url, key, onWait }: WithAdvisoryLockOptions, task: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const tried = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key.toString()]);
    if (!tried.rows[0]?.locked) {
      onWait?.();
      await client.query("SELECT pg_advisory_lock($1::bigint)", [key.toString()]);
    }
    try {
      return await task();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key.toString()]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
