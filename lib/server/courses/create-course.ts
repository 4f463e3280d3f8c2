import type { PrismaClient } from "@/lib/db";
import { joinPath } from "./join-code";
import { uniqueJoinCode } from "./unique-join-code";

/** A new course with its creator as its first owner, its join code and the link learners follow. */
export async function createCourse({ db, userId, title, lang, desiredRetention }: { db: PrismaClient; userId: string; title: string; lang: string; desiredRetention: number }) {
  const joinCode = await uniqueJoinCode(db);
  const course = await db.course.create({
    data: { title, lang, desiredRetention, joinCode, members: { create: { userId, role: "owner" } } },
  });
  return { id: course.id, title: course.title, lang: course.lang, desiredRetention: course.desiredRetention, joinCode, joinPath: joinPath(joinCode) };
}
