import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { requireQuestionOwner } from "../courses/course-access";
import { definitionSummary, parseDefinition } from "./question-content";
import { withQuestionLocked } from "./question-lock";
import { questionState } from "./question-state";

/**
 * Saves an edit. A published latest version is never changed (learners answered it, and reviews
 * point at it): the edit becomes a new draft version. A draft is overwritten in place, and its
 * validation is cleared, since it validated other content. Which of the two happens is decided on
 * the question as it is once its row is held, so racing saves take turns (question-lock.ts).
 */
export async function updateQuestion({ db, userId, questionId, definition }: { db: PrismaClient; userId: string; questionId: string; definition: unknown }) {
  await requireQuestionOwner({ db, questionId, userId });
  const parsed = parseDefinition(definition);
  const summary = definitionSummary(parsed);
  return withQuestionLocked(db, questionId, async (tx, question) => {
    const latestPublished = question.publishedVersion === question.latestVersion;
    const version = latestPublished ? question.latestVersion + 1 : question.latestVersion;
    if (latestPublished) {
      await tx.questionVersion.create({ data: { questionId, version, definition: parsed, authorId: userId } });
    } else {
      await tx.questionVersion.update({
        where: { questionId_version: { questionId, version } },
        data: { definition: parsed, validation: Prisma.DbNull, authorId: userId },
      });
    }
    await tx.question.update({ where: { id: questionId }, data: { ...summary, latestVersion: version } });
    return { id: questionId, version, state: questionState({ publishedVersion: question.publishedVersion, latestVersion: version }) };
  });
}
