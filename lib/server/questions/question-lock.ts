import type { PrismaClient } from "@/lib/db";
import { LOCKING_TRANSACTION_OPTIONS, type Transaction } from "../transaction-options";

export type LockedQuestion = NonNullable<Awaited<ReturnType<Transaction["question"]["findUnique"]>>>;

/**
 * Runs `task` holding the question's row (`FOR UPDATE`) with the question as it is once held. Every
 * write that reads which version is latest or published and then writes from it (a save, a
 * publish, storing a validation) goes through here, so a double save, a save racing a publish, or
 * two tabs are applied one after the other, each seeing what the other wrote. Without it two saves
 * of a published question both made "the next version" and the second failed on its unique key.
 */
export function withQuestionLocked<T>(db: PrismaClient, questionId: string, task: (tx: Transaction, question: LockedQuestion) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "questions" WHERE "id" = ${questionId} FOR UPDATE`;
    const question = await tx.question.findUniqueOrThrow({ where: { id: questionId } });
    return task(tx, question);
  }, LOCKING_TRANSACTION_OPTIONS);
}
