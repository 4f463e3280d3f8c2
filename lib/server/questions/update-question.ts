import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { requireQuestionOwner } from "../courses/course-access";
import { definitionSummary, parseDefinition } from "./question-content";
import { questionState } from "./question-state";

/**
 * Saves an edit. A published latest version is never changed (learners answered it, and reviews
 * point at it): the edit becomes a new draft version. A draft is overwritten in place, and its
 * validation is cleared, since it validated other content.
 */
export async function updateQuestion({ db, userId, questionId, definition }: { db: PrismaClient; userId: string; questionId: string; definition: unknown }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  const parsed = parseDefinition(definition);
  const summary = definitionSummary(parsed);
  const latestPublished = question.publishedVersion === question.latestVersion;
  const version = latestPublished ? question.latestVersion + 1 : question.latestVersion;
  await db.$transaction([
    latestPublished
      ? db.questionVersion.create({ data: { questionId, version, definition: parsed, authorId: userId } })
      : db.questionVersion.update({
          where: { questionId_version: { questionId, version } },
          data: { definition: parsed, validation: Prisma.DbNull, authorId: userId },
        }),
    db.question.update({ where: { id: questionId }, data: { ...summary, latestVersion: version } }),
  ]);
  return { id: questionId, version, state: questionState({ publishedVersion: question.publishedVersion, latestVersion: version }) };
}
