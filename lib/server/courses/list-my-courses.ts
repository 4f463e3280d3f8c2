import type { PrismaClient } from "@/lib/db";

/** The courses the user belongs to, with their role in each (owner or learner). */
export async function listMyCourses({ db, userId }: { db: PrismaClient; userId: string }) {
  const memberships = await db.courseMember.findMany({
    where: { userId, course: { archivedAt: null } },
    include: { course: { include: { _count: { select: { members: { where: { role: "learner" } }, banks: true } } } } },
    orderBy: { joinedAt: "asc" },
  });
  return memberships.map(({ role, course }) => ({
    id: course.id,
    title: course.title,
    lang: course.lang,
    role: role as "owner" | "learner",
    learners: course._count.members,
    banks: course._count.banks,
  }));
}
