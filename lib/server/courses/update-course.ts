import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "./course-access";

export async function updateCourse({ db, userId, courseId, ...changes }: { db: PrismaClient; userId: string; courseId: string; title?: string; lang?: string; desiredRetention?: number; timeZone?: string }) {
  await requireOwner({ db, courseId, userId });
  const course = await db.course.update({ where: { id: courseId }, data: changes });
  return { id: course.id, title: course.title, lang: course.lang, desiredRetention: course.desiredRetention, timeZone: course.timeZone };
}
