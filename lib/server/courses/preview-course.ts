import type { PrismaClient } from "@/lib/db";
import { normalizeJoinCode } from "./join-code";

/**
 * Rate-limit points a join page's lookup costs (a tRPC call costs 1): with the default 600 points
 * a minute per user, 30 lookups a minute. The code space (24^8, ./join-code.ts) already makes a
 * guess hopeless; this keeps anyone from trying codes at page speed.
 */
export const JOIN_PREVIEW_COST = 20;

export interface CoursePreview {
  id: string;
  title: string;
  /** The owners' display names, as the course's instructors would be introduced. */
  owners: string[];
  /** The zone the course's deadlines are given in. */
  timeZone: string;
  /** Published, not archived questions in the course's banks: what a learner will be asked. */
  questionCount: number;
  /** The visitor's own membership, if they are already in the course. */
  role: "owner" | "learner" | null;
}

/**
 * What the join page tells a signed-in visitor about the course a code opens, before they join:
 * its title, who teaches it, how many questions it has. Null when no open course has the code
 * (an archived course cannot be joined, so it is not described either).
 */
export async function previewCourse({ db, userId, code }: { db: PrismaClient; userId: string; code: string }): Promise<CoursePreview | null> {
  const course = await db.course.findUnique({
    where: { joinCode: normalizeJoinCode(code) },
    select: {
      id: true,
      title: true,
      timeZone: true,
      archivedAt: true,
      members: { where: { OR: [{ role: "owner" }, { userId }] }, select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } },
    },
  });
  if (!course || course.archivedAt) return null;
  const questionCount = await db.question.count({ where: { bank: { courseId: course.id }, archivedAt: null, publishedVersion: { not: null } } });
  const mine = course.members.find((member) => member.userId === userId);
  return {
    id: course.id,
    title: course.title,
    owners: course.members.filter((member) => member.role === "owner").map((member) => member.user.name),
    timeZone: course.timeZone,
    questionCount,
    role: mine ? (mine.role as "owner" | "learner") : null,
  };
}
