import type { PrismaClient } from "@/lib/db";
import { isDeepStrictEqual } from "node:util";
import { requireQuestionOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { runTask } from "../workers/pool";
import { withQuestionLocked } from "./question-lock";
import { questionTemplateId } from "./template-id";

/**
 * The validation run on the latest version; its summary is stored on that version for publishing.
 * The run itself (up to 1,000 variants built and checked) goes to a worker thread, so the request
 * thread keeps answering everyone else meanwhile (lib/server/workers). A save can replace the draft
 * while the run is away (another tab, a co-owner): the summary is stored only on the content it
 * checked, under the question's lock, or the run is refused so that unchecked content is never
 * publishable.
 */
export async function runQuestionValidation({ db, userId, questionId, now }: { db: PrismaClient; userId: string; questionId: string; now: Date }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  const version = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: question.latestVersion } } });
  const summary = await runTask("validateQuestion", { definition: version.definition, templateId: questionTemplateId(questionId), now: now.toISOString() });
  await withQuestionLocked(db, questionId, async (tx, locked) => {
    const current = await tx.questionVersion.findUniqueOrThrow({ where: { id: version.id }, select: { definition: true } });
    if (locked.latestVersion !== version.version || !isDeepStrictEqual(current.definition, version.definition)) {
      throw new AppError("CONFLICT", "The question was changed while it was being validated: validate it again.", { reason: "question.changedDuringValidation" });
    }
    await tx.questionVersion.update({ where: { id: version.id }, data: { validation: { ...summary } } });
  });
  return { version: version.version, ...summary };
}
