import type { PrismaClient } from "@/lib/db";
import { AppError } from "../errors";
import { normalizeJoinCode } from "./join-code";

/**
 * Joins the course whose code was typed, as a learner. Joining twice changes nothing, and an
 * owner who follows the link stays an owner.
 */
export async function joinCourse({ db, userId, code }: { db: PrismaClient; userId: string; code: string }) {
  const course = await db.course.findUnique({ where: { joinCode: normalizeJoinCode(code) } });
  if (!course || course.archivedAt) throw new AppError("NOT_FOUND", "No course has this join code. Check it with your instructor.", { reason: "course.noSuchJoinCode" });
  // Insert-or-nothing in one statement (ON CONFLICT DO NOTHING): an upsert with nothing to update
  // is read-then-insert in Prisma, and a join sent twice at once (two tabs, a retry) then failed
  // on the membership's unique key with a 500 on PostgreSQL.
  await db.courseMember.createMany({ data: [{ courseId: course.id, userId, role: "learner" }], skipDuplicates: true });
  const member = await db.courseMember.findUniqueOrThrow({ where: { courseId_userId: { courseId: course.id, userId } }, select: { role: true } });
  return { courseId: course.id, title: course.title, role: member.role as "owner" | "learner" };
}
