import type { PrismaClient } from "@/lib/db";
import { requireQuestionOwner } from "../courses/course-access";
import { runValidation } from "./question-content";
import { questionTemplateId } from "./template-id";

/** The validation run on the latest version; its summary is stored on that version for publishing. */
export async function runQuestionValidation({ db, userId, questionId, now }: { db: PrismaClient; userId: string; questionId: string; now: Date }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  const version = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: question.latestVersion } } });
  const summary = runValidation(version.definition, { templateId: questionTemplateId(questionId), now });
  await db.questionVersion.update({ where: { id: version.id }, data: { validation: { ...summary } } });
  return { version: version.version, ...summary };
}
