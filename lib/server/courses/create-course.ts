import type { PrismaClient } from "@/lib/db";
import { joinPath } from "./join-code";
import { uniqueJoinCode } from "./unique-join-code";

/** A new course with its creator as its first owner, its join code and the link learners follow. */
export async function createCourse({
  db,
  userId,
  title,
  lang,
  desiredRetention,
  timeZone,
}: {
  db: PrismaClient;
  userId: string;
  title: string;
  lang: string;
  desiredRetention: number;
  /** Of its deadlines; UTC when not given. */
  timeZone?: string;
}) {
  const joinCode = await uniqueJoinCode(db);
  const course = await db.course.create({
    data: { title, lang, desiredRetention, joinCode, ...(timeZone ? { timeZone } : {}), members: { create: { userId, role: "owner" } } },
  });
  return {
    id: course.id,
    title: course.title,
    lang: course.lang,
    desiredRetention: course.desiredRetention,
    timeZone: course.timeZone,
    joinCode,
    joinPath: joinPath(joinCode),
  };
}
