import type { PrismaClient } from "@/lib/db";
import { requireQuestionOwner } from "../courses/course-access";

/** Archives a question: learners get no new variants of it; its history and statistics stay. */
export async function archiveQuestion({ db, userId, questionId, now }: { db: PrismaClient; userId: string; questionId: string; now: Date }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  if (!question.archivedAt) await db.question.update({ where: { id: questionId }, data: { archivedAt: now } });
  return { id: questionId, archived: true };
}
