import type { PrismaClient } from "@/lib/db";
import { requireMember } from "./course-access";
import { joinPath } from "./join-code";

/**
 * One course for one of its members: its banks for everyone; the members and the join code only
 * for owners (learners do not see who else is in the class).
 */
export async function getCourse({ db, userId, courseId }: { db: PrismaClient; userId: string; courseId: string }) {
  const role = await requireMember({ db, courseId, userId });
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    include: { banks: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, position: true } } },
  });
  const base = { id: course.id, title: course.title, lang: course.lang, desiredRetention: course.desiredRetention, timeZone: course.timeZone, role, banks: course.banks };
  if (role !== "owner") return { ...base, joinCode: null, joinPath: null, members: null };
  const members = await db.courseMember.findMany({
    where: { courseId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "desc" }, { joinedAt: "asc" }],
  });
  return {
    ...base,
    joinCode: course.joinCode,
    joinPath: joinPath(course.joinCode),
    members: members.map((member) => ({ userId: member.user.id, name: member.user.name, email: member.user.email, role: member.role as "owner" | "learner", joinedAt: member.joinedAt })),
  };
}
