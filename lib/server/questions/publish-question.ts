import type { PrismaClient } from "@/lib/db";
import { requireQuestionOwner } from "../courses/course-access";
import { AppError } from "../errors";
import type { ValidationSummary } from "./question-content";
import { withQuestionLocked } from "./question-lock";

/**
 * Publishes the latest version, so learners get it from their next variant on; refused unless its
 * stored validation run passed (an edit clears the validation, so it must be run again).
 */
export async function publishQuestion({ db, userId, questionId, now }: { db: PrismaClient; userId: string; questionId: string; now: Date }) {
  await requireQuestionOwner({ db, questionId, userId });
  // Held while the validation is checked and the version published, so a save that replaces the
  // draft in the meantime waits, and the content published is the content that was validated.
  return withQuestionLocked(db, questionId, async (tx, question) => {
    if (question.archivedAt) throw new AppError("CONFLICT", "This question is archived.", { reason: "question.archived" });
    const version = await tx.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: question.latestVersion } } });
    const validation = version.validation as ValidationSummary | null;
    if (!validation) {
      throw new AppError("CONFLICT", `Run the validation on version ${version.version} before publishing it.`, { reason: "question.notValidated", params: { version: version.version } });
    }
    if (!validation.ok) {
      throw new AppError("CONFLICT", `Version ${version.version} failed its validation (${validation.failureCount} variants could not be built): fix it before publishing.`, {
        reason: "question.validationFailed",
        params: { version: version.version, failures: validation.failureCount },
      });
    }
    await tx.questionVersion.update({ where: { id: version.id }, data: { publishedAt: version.publishedAt ?? now } });
    await tx.question.update({ where: { id: questionId }, data: { publishedVersion: version.version } });
    return { id: questionId, publishedVersion: version.version };
  });
}
