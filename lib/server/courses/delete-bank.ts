import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { requireBankOwner } from "./course-access";

/**
 * Deletes a bank with its questions, unless a learner has answered one of them: the history is
 * append-only and points at the versions answered, so such a bank is archived question by
 * question instead.
 */
export async function deleteBank({ db, userId, bankId }: { db: PrismaClient; userId: string; bankId: string }) {
  await requireBankOwner({ db, bankId, userId });
  const answered = await db.review.count({ where: { questionVersion: { question: { bankId } } } });
  if (answered > 0) {
    throw new AppError("CONFLICT", `This bank cannot be deleted: learners have already answered its questions (answers kept in their history: ${answered}). Archive its questions instead.`, {
      reason: "bank.answered",
      params: { answered },
    });
  }
  await db.$transaction([
    db.variant.deleteMany({ where: { questionVersion: { question: { bankId } } } }),
    db.questionVersion.deleteMany({ where: { question: { bankId } } }),
    db.bank.delete({ where: { id: bankId } }),
  ]);
  return { deleted: bankId };
}
