import type { PrismaClient } from "@/lib/db";
import { listTemplates } from "@/lib/problems";
import { questionTemplateId } from "../questions/template-id";

export interface LearnerQueue {
  /** Template ids in the order new skills are started. */
  templateIds: string[];
  /** For each course question in the queue, the published version a new variant is built from. */
  versionOf: ReadonlyMap<string, string>;
}

/**
 * The skills a learner's queue draws from, in the order new ones are started: the published
 * questions of the courses they joined (what they joined for), then the built-in bank in the
 * catalog's order.
 *
 * The course questions are those of lib/server/questions/published-questions-for.ts (published,
 * not archived, in an unarchived course the learner is a learner of; course, bank and question
 * order), read here in one query because every review.next asks: that operation's nested reads
 * take three queries even for a learner in no course.
 */
export async function learnerQueue(db: PrismaClient, userId: string): Promise<LearnerQueue> {
  const courseQuestions = await db.$queryRaw<{ questionId: string; versionId: string }[]>`
    SELECT q."id" AS "questionId", v."id" AS "versionId"
    FROM "course_members" m
    JOIN "courses" c ON c."id" = m."courseId" AND c."archivedAt" IS NULL
    JOIN "banks" b ON b."courseId" = c."id"
    JOIN "questions" q ON q."bankId" = b."id" AND q."archivedAt" IS NULL AND q."publishedVersion" IS NOT NULL
    JOIN "question_versions" v ON v."questionId" = q."id" AND v."version" = q."publishedVersion" AND v."publishedAt" IS NOT NULL
    WHERE m."userId" = ${userId} AND m."role" = 'learner'
    ORDER BY c."createdAt", b."position", q."position", q."createdAt", q."id"`;
  const templateIds = courseQuestions.map((row) => questionTemplateId(row.questionId));
  return {
    templateIds: [...new Set([...templateIds, ...listTemplates().map((entry) => entry.template)])],
    versionOf: new Map(courseQuestions.map((row) => [questionTemplateId(row.questionId), row.versionId])),
  };
}
