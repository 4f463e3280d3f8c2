import type { PrismaClient } from "@/lib/db";
import { requireQuestionOwner } from "../courses/course-access";
import { runTask } from "../workers/pool";
import { questionTemplateId } from "./template-id";

/**
 * The validation run on the latest version; its summary is stored on that version for publishing.
 * The run itself (up to 1,000 variants built and checked) goes to a worker thread, so the request
 * thread keeps answering everyone else meanwhile (lib/server/workers).
 */
export async function runQuestionValidation({ db, userId, questionId, now }: { db: PrismaClient; userId: string; questionId: string; now: Date }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  const version = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: question.latestVersion } } });
  const summary = await runTask("validateQuestion", { definition: version.definition, templateId: questionTemplateId(questionId), now: now.toISOString() });
  await db.questionVersion.update({ where: { id: version.id }, data: { validation: { ...summary } } });
  return { version: version.version, ...summary };
}
