import type { Prisma } from "@/lib/db";

export type Transaction = Prisma.TransactionClient;

/**
 * For an interactive transaction that takes a lock: waiting for the single PGlite connection under
 * a lecture hall's load takes longer than Prisma's 2 s default; a request that waits this long has
 * failed anyway.
 */
export const LOCKING_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };
