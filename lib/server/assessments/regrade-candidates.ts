import type { PrismaClient } from "@/lib/db";
import { requireOwner } from "../courses/course-access";
import { AppError } from "../errors";
import { questionIdOf } from "../questions/template-id";

/**
 * The course questions of an assessment's attempts that a regrade would move: some attempt holds
 * a version older than (or other than) the one published now. Each with how many attempt questions
 * and stored tries are on older versions, so the instructor knows what a regrade would touch.
 */
export async function regradeCandidates({ db, userId, assessmentId }: { db: PrismaClient; userId: string; assessmentId: string }) {
  const assessment = await db.assessment.findUnique({ where: { id: assessmentId }, select: { courseId: true } });
  if (!assessment) throw new AppError("NOT_FOUND", "There is no such assessment.", { reason: "assessment.notFound" });
  await requireOwner({ db, courseId: assessment.courseId, userId });
  const held = await db.attemptQuestion.findMany({
    where: { attempt: { assessmentId }, templateId: { startsWith: "question:" } },
    select: { templateId: true, questionVersion: { select: { version: true } }, _count: { select: { tries: true } } },
  });
  const byQuestion = new Map<string, { versions: Set<number>; questions: { version: number | null; tries: number }[] }>();
  for (const row of held) {
    const questionId = questionIdOf(row.templateId)!;
    const entry = byQuestion.get(questionId) ?? { versions: new Set<number>(), questions: [] };
    if (row.questionVersion) entry.versions.add(row.questionVersion.version);
    entry.questions.push({ version: row.questionVersion?.version ?? null, tries: row._count.tries });
    byQuestion.set(questionId, entry);
  }
  if (byQuestion.size === 0) return [];
  const questions = await db.question.findMany({ where: { id: { in: [...byQuestion.keys()] } }, select: { id: true, title: true, publishedVersion: true } });
  return questions
    .map((question) => {
      const entry = byQuestion.get(question.id)!;
      const stale = entry.questions.filter((held) => held.version !== question.publishedVersion);
      return {
        questionId: question.id,
        title: question.title,
        publishedVersion: question.publishedVersion,
        heldVersions: [...entry.versions].sort((a, b) => a - b),
        staleQuestions: stale.length,
        staleTries: stale.reduce((sum, held) => sum + held.tries, 0),
      };
    })
    .filter((candidate) => candidate.publishedVersion !== null && candidate.staleQuestions > 0)
    .sort((a, b) => a.title.localeCompare(b.title));
}
