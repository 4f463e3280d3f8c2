import type { Prisma } from "@/lib/db";

type Db = Prisma.TransactionClient;

/**
 * Why a course keeps its owner's account from being deleted:
 * - "coOwners": other instructors own it too; the person leaves it and they keep running it;
 * - "learners": learners are in it and nobody else owns it; the person adds a co-owner, then leaves;
 * - "history": nobody else is in it, but people who have left answered its questions, and their
 *   history (append-only, replayable) points at those questions; it is handed over likewise.
 */
export type CourseHoldReason = "coOwners" | "learners" | "history";

export interface CourseHold {
  courseId: string;
  title: string;
  reason: CourseHoldReason;
  /** Other owners, learners, or other people with answers, by reason. */
  people: number;
}

export interface OwnedCourse {
  courseId: string;
  title: string;
  banks: number;
  questions: number;
}

export interface DeletionPlan {
  /** Courses that must be handed over or left first; while there is one, nothing is deleted. */
  blocked: CourseHold[];
  /** Courses only this person is in, deleted with the account, their banks and questions too. */
  deletedCourses: OwnedCourse[];
  /** What else goes: the person's own rows (memberships: the courses they learn in). */
  counts: { reviews: number; practice: number; offline: number; cards: number; memberships: number };
}

/**
 * What deleting `userId`'s account would do (lib/server/account/delete-account.ts runs it inside
 * its transaction after locking the rows involved; Settings shows it beforehand). A course the
 * person owns is deleted with the account only when no one else is in it and no one else's
 * history refers to its questions; any other owned course blocks the deletion, named with why.
 * Courses the person is a learner of only lose the membership (and the person's answers, which
 * leave the course's statistics).
 */
export async function planAccountDeletion(db: Db, userId: string, options: { lockCourses?: boolean } = {}): Promise<DeletionPlan> {
  const owned = await db.courseMember.findMany({ where: { userId, role: "owner" }, select: { courseId: true }, orderBy: { joinedAt: "asc" } });
  const courseIds = owned.map((row) => row.courseId);
  // Under the deletion's transaction: a join (or a co-owner added) waits for it, so what is
  // counted here is what is deleted. Id order, so that two deletions never lock in opposite orders.
  if (options.lockCourses && courseIds.length > 0) {
    await db.$queryRaw`SELECT "id" FROM "courses" WHERE "id" = ANY(${[...courseIds].sort()}::text[]) ORDER BY "id" FOR UPDATE`;
  }
  const [courses, othersByCourse, answersByCourse, reviews, practice, offline, cards, memberships] = await Promise.all([
    db.course.findMany({
      where: { id: { in: courseIds } },
      select: { id: true, title: true, _count: { select: { banks: true } }, banks: { select: { _count: { select: { questions: true } } } } },
    }),
    db.courseMember.groupBy({ by: ["courseId", "role"], where: { courseId: { in: courseIds }, userId: { not: userId } }, _count: { _all: true } }),
    // People other than this one with answers to the courses' questions (learners who left).
    courseIds.length === 0
      ? Promise.resolve([] as { courseId: string; people: number }[])
      : db.$queryRaw<{ courseId: string; people: number }[]>`
          SELECT b."courseId", COUNT(DISTINCT r."userId")::int AS people
          FROM "reviews" r
          JOIN "question_versions" v ON v."id" = r."questionVersionId"
          JOIN "questions" q ON q."id" = v."questionId"
          JOIN "banks" b ON b."id" = q."bankId"
          WHERE b."courseId" = ANY(${courseIds}::text[]) AND r."userId" <> ${userId}
          GROUP BY b."courseId"`,
    db.review.count({ where: { userId, mode: "review" } }),
    db.review.count({ where: { userId, mode: "practice" } }),
    db.review.count({ where: { userId, offline: true } }),
    db.card.count({ where: { userId } }),
    db.courseMember.count({ where: { userId, role: "learner" } }),
  ]);
  const byId = new Map(courses.map((course) => [course.id, course]));
  const blocked: CourseHold[] = [];
  const deletedCourses: OwnedCourse[] = [];
  for (const courseId of courseIds) {
    const course = byId.get(courseId);
    if (!course) continue;
    const count = (role: string) => othersByCourse.find((row) => row.courseId === courseId && row.role === role)?._count._all ?? 0;
    const answerers = answersByCourse.find((row) => row.courseId === courseId)?.people ?? 0;
    const hold =
      count("owner") > 0
        ? { reason: "coOwners" as const, people: count("owner") }
        : count("learner") > 0
          ? { reason: "learners" as const, people: count("learner") }
          : answerers > 0
            ? { reason: "history" as const, people: answerers }
            : null;
    if (hold) blocked.push({ courseId, title: course.title, ...hold });
    else {
      deletedCourses.push({
        courseId,
        title: course.title,
        banks: course._count.banks,
        questions: course.banks.reduce((sum, bank) => sum + bank._count.questions, 0),
      });
    }
  }
  return { blocked, deletedCourses, counts: { reviews, practice, offline, cards, memberships } };
}

const WHAT_TO_DO: Record<CourseHoldReason, (hold: CourseHold) => string> = {
  coOwners: () => "other instructors own it too: leave the course, and they keep running it",
  learners: (hold) => `${hold.people} learner${hold.people === 1 ? " is" : "s are"} in it: add another instructor as a co-owner on the course's page, then leave the course`,
  history: (hold) =>
    `${hold.people} ${hold.people === 1 ? "person who has" : "people who have"} left it answered its questions, and their history keeps those answers: add another instructor as a co-owner, then leave the course`,
};

/** The refusal's message: each course by name, with what to do about it. */
export function describeHolds(blocked: readonly CourseHold[]): string {
  const reasons = blocked.map((hold) => `"${hold.title}" (${WHAT_TO_DO[hold.reason](hold)})`);
  return `Your account cannot be deleted yet, because other people depend on ${blocked.length === 1 ? "a course" : "courses"} you own: ${reasons.join("; ")}. Nothing was deleted.`;
}
