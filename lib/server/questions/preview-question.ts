import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { requireQuestionOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { buildVariant } from "./question-content";
import { questionTemplateId } from "./template-id";

/**
 * Any seed of a question in either language, for its authors: the whole Problem (key, check,
 * solution), the misconceptions grading would name, the variables behind it, and whether the
 * Chinese fell back to the English.
 */
export async function previewQuestion({ db, userId, questionId, seed, lang, version }: { db: PrismaClient; userId: string; questionId: string; seed: number; lang: Lang; version?: number }) {
  const question = await requireQuestionOwner({ db, questionId, userId });
  const wanted = version ?? question.latestVersion;
  const stored = await db.questionVersion.findUnique({ where: { questionId_version: { questionId, version: wanted } } });
  if (!stored) throw new AppError("NOT_FOUND", `This question has no version ${wanted}.`, { reason: "question.noSuchVersion", params: { version: wanted } });
  const variant = buildVariant(stored.definition, { templateId: questionTemplateId(questionId), seed, lang });
  return { version: wanted, ...variant };
}
