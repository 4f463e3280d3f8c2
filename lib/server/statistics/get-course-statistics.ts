import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { loadCourseHistory } from "./course-history";
import { itemStatistics } from "./item-statistics";
import { learnerStatistics } from "./learner-statistics";

/** The course's statistics for its instructors: per question and per learner. */
export async function getCourseStatistics({ db, userId, courseId, now }: { db: PrismaClient; userId: string; courseId: string; now: Date }) {
  await requireOwner({ db, courseId, userId });
  const history = await loadCourseHistory({ db, courseId });
  return { items: itemStatistics(history), learners: await learnerStatistics({ db, history, now }) };
}
