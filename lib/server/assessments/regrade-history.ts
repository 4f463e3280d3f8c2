import type { PrismaClient } from "@/lib/db";
import { requireAssessmentOwner } from "./regrade-assessment";

/**
 * The regrades applied to an assessment, newest first, for its instructors: when, by whom, which
 * question from which version to which, whether scores could go down, how many attempt questions
 * moved and how many scores changed, and each change (the learner, the question's place in their
 * attempt, the points before and after). What leaves is an allow-list: no answer, no key.
 */
export async function regradeHistory({ db, userId, assessmentId }: { db: PrismaClient; userId: string; assessmentId: string }) {
  await requireAssessmentOwner(db, assessmentId, userId);
  const regrades = await db.regrade.findMany({
    where: { assessmentId },
    orderBy: [{ appliedAt: "desc" }, { id: "asc" }],
    include: {
      changes: {
        select: { id: true, before: true, after: true, attemptQuestion: { select: { position: true, attempt: { select: { user: { select: { name: true, email: true } } } } } } },
      },
    },
  });
  if (regrades.length === 0) return [];
  // byUserId and the version ids are plain columns (an instructor's account may be gone since).
  const [people, versions, questions] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(regrades.flatMap((regrade) => (regrade.byUserId ? [regrade.byUserId] : [])))] } }, select: { id: true, name: true, email: true } }),
    db.questionVersion.findMany({ where: { id: { in: [...new Set(regrades.flatMap((regrade) => [regrade.fromVersionId, regrade.toVersionId]))] } }, select: { id: true, version: true } }),
    db.question.findMany({ where: { id: { in: [...new Set(regrades.map((regrade) => regrade.questionId))] } }, select: { id: true, title: true } }),
  ]);
  const person = new Map(people.map((row) => [row.id, { name: row.name, email: row.email }]));
  const version = new Map(versions.map((row) => [row.id, row.version]));
  const title = new Map(questions.map((row) => [row.id, row.title]));
  return regrades.map((regrade) => {
    // By learner, as the gradebook reads: the stored order of a regrade's changes means nothing.
    const changes = [...regrade.changes]
      .sort((a, b) => {
        const [left, right] = [a.attemptQuestion.attempt.user, b.attemptQuestion.attempt.user];
        return left.name.localeCompare(right.name) || left.email.localeCompare(right.email) || a.attemptQuestion.position - b.attemptQuestion.position;
      })
      .map((change) => ({
        id: change.id,
        learner: { name: change.attemptQuestion.attempt.user.name, email: change.attemptQuestion.attempt.user.email },
        position: change.attemptQuestion.position,
        before: change.before,
        after: change.after,
      }));
    return {
      id: regrade.id,
      appliedAt: regrade.appliedAt,
      by: regrade.byUserId ? (person.get(regrade.byUserId) ?? null) : null,
      questionId: regrade.questionId,
      questionTitle: title.get(regrade.questionId) ?? null,
      fromVersion: version.get(regrade.fromVersionId) ?? null,
      toVersion: version.get(regrade.toVersionId) ?? null,
      allowLower: regrade.allowLower,
      affected: changes.length,
      changed: changes.filter((change) => change.after !== change.before).length,
      changes,
    };
  });
}
