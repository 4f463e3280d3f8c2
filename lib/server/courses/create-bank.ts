import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "./course-access";

/** A new, empty bank at the end of the course's list. */
export async function createBank({ db, userId, courseId, title }: { db: PrismaClient; userId: string; courseId: string; title: string }) {
  await requireOwner({ db, courseId, userId });
  const last = await db.bank.aggregate({ where: { courseId }, _max: { position: true } });
  const bank = await db.bank.create({ data: { courseId, title, position: (last._max.position ?? -1) + 1 } });
  return { id: bank.id, title: bank.title, position: bank.position };
}
