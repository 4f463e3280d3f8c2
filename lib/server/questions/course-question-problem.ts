import type { PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { AppError } from "../errors";
import { buildVariant } from "./question-content";
import { questionIdOf } from "./template-id";

/**
 * The Problem of a course question's variant, for the review queue and grading: built from the
 * version given (the one a variant was issued from, so a later edit never changes a key already
 * asked), or the published version for a new variant. Returns the version's id to store on the
 * variant and the misconceptions to hand to `gradeAnswer`.
 */
export async function courseQuestionProblem({ db, templateId, versionId, seed, lang }: { db: PrismaClient; templateId: string; versionId?: string | null; seed: number; lang: Lang }) {
  const questionId = questionIdOf(templateId);
  if (!questionId) throw new AppError("NOT_FOUND", `${templateId} is not a course question.`, { reason: "question.notACourseQuestion", params: { templateId } });
  const version = versionId
    ? await db.questionVersion.findFirst({ where: { id: versionId, questionId } })
    : await db.question
        .findUnique({ where: { id: questionId }, select: { publishedVersion: true } })
        .then((question) =>
          question?.publishedVersion ? db.questionVersion.findUnique({ where: { questionId_version: { questionId, version: question.publishedVersion } } }) : null,
        );
  if (!version) throw new AppError("NOT_FOUND", "This question has no such published version.", { reason: "question.noSuchPublishedVersion" });
  const variant = buildVariant(version.definition, { templateId, seed, lang });
  // buildVariant has parsed the definition, so its kind is one of the three.
  const kind = (version.definition as { kind: "builtin" | "custom" | "fixed" }).kind;
  return { problem: variant.problem, misconceptions: variant.misconceptions, questionVersionId: version.id, version: version.version, kind };
}
