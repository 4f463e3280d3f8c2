import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "./course-access";

/** A course's banks in order, with how many live questions each holds and how many are published. */
export async function listBanks({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  await requireOwner({ db, courseId, userId });
  const banks = await db.bank.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { questions: { where: { archivedAt: null }, select: { publishedVersion: true } } },
  });
  return banks.map((bank) => ({
    id: bank.id,
    title: bank.title,
    position: bank.position,
    questions: bank.questions.length,
    published: bank.questions.filter((question) => question.publishedVersion !== null).length,
  }));
}
