import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "./course-access";
import { joinPath } from "./join-code";
import { uniqueJoinCode } from "./unique-join-code";

/** A new join code (the old one stops working; members stay members). */
export async function regenerateJoinCode({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  await requireOwner({ db, courseId, userId });
  const joinCode = await uniqueJoinCode(db);
  await db.course.update({ where: { id: courseId }, data: { joinCode } });
  return { joinCode, joinPath: joinPath(joinCode) };
}
