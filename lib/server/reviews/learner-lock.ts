import type { PrismaClient } from "@/lib/db";
import { LOCKING_TRANSACTION_OPTIONS, type Transaction } from "../transaction-options";

export type { Transaction };

/**
 * Runs `task` in a transaction that holds this learner's advisory lock (transaction-scoped, so it
 * is released at commit or rollback, and shared by every app process on the same PostgreSQL).
 * Writes that read a learner's schedule and then change it (a rating change, undo) take it, so a
 * double click or two tabs are applied one after the other, each seeing the other's result.
 * Different learners never wait for each other. Grading takes no transaction: it records an
 * answer in one statement that moves the card only from the state it read (answer-rows.ts
 * `recordAnswer`), so a write under this lock that changes a card holds the card's row
 * (`lockCard`) from before it reads what it depends on.
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
 */
export function withLearnerLock<T>(db: PrismaClient, userId: string, task: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    // 64-bit hash of a namespaced key: a collision only makes two learners take turns.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stride.learner:${userId}`}, 0))`;
    return task(tx);
  }, LOCKING_TRANSACTION_OPTIONS);
}

/**
 * Holds a card's row until the transaction ends (`FOR UPDATE`). A submit's statement waits for it,
 * then finds the card changed and grades again from the new state; a submit that came first has
 * committed its review and card before this returns, so what is read next includes it.
 */
export async function lockCard(tx: Transaction, cardId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "cards" WHERE "id" = ${cardId} FOR UPDATE`;
}
