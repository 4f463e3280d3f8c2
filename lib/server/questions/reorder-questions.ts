import type { PrismaClient } from "@/lib/db";
import { requireBankOwner } from "../courses/course-access";
import { AppError } from "../errors";

/** Puts the bank's questions (archived ones included) in the order given, each named exactly once. */
export async function reorderQuestions({ db, userId, bankId, questionIds }: { db: PrismaClient; userId: string; bankId: string; questionIds: string[] }) {
  await requireBankOwner({ db, bankId, userId });
  const questions = await db.question.findMany({ where: { bankId }, select: { id: true } });
  const known = new Set(questions.map((question) => question.id));
  if (questionIds.length !== known.size || new Set(questionIds).size !== questionIds.length || !questionIds.every((id) => known.has(id))) {
    throw new AppError("BAD_INPUT", "List each of the bank's questions exactly once.", { reason: "bank.questionsChanged" });
  }
  await db.$transaction(questionIds.map((id, position) => db.question.update({ where: { id }, data: { position } })));
  return { questionIds };
}
