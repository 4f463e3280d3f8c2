import type { PrismaClient } from "@/lib/db";
import { effectiveReview } from "../reviews/effective-review";
import { questionTemplateId } from "../questions/template-id";

/**
 * What the course's statistics are computed from: its questions (archived ones too, their history
 * stays), its learners, and the reviews of its questions by its learners that still count (an
 * undone review is left out; a changed rating is the one counted). An owner's own tries in the
 * queue are not a learner's answers. Practice answers count as answers to the item (they say as
 * much about the question); only retention, a property of the schedule, keeps to reviews. Every
 * version of a question counts towards its statistics: an edit is a correction, not a new item.
 * With them, the key mismatch reports per question id.
 */
export async function loadCourseHistory({ db, courseId }: { db: PrismaClient; courseId: string }) {
  const questions = await db.question.findMany({
    where: { bank: { courseId } },
    orderBy: [{ bank: { position: "asc" } }, { position: "asc" }],
    select: { id: true, title: true, topic: true },
  });
  const learners = await db.courseMember.findMany({
    where: { courseId, role: "learner" },
    orderBy: { joinedAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  const templateIds = questions.map((question) => questionTemplateId(question.id));
  const rows = await db.review.findMany({
    where: { templateId: { in: templateIds }, userId: { in: learners.map((learner) => learner.userId) } },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    include: { amendments: { select: { kind: true, rating: true, createdAt: true } }, questionVersion: { select: { definition: true } } },
  });
  const reviews = rows
    .map((row) => ({ row, effective: effectiveReview({ rating: row.rating, amendments: row.amendments }) }))
    .filter(({ effective }) => !effective.undone)
    .map(({ row, effective }) => ({
      userId: row.userId,
      templateId: row.templateId,
      questionId: row.templateId.slice("question:".length),
      questionVersionId: row.questionVersionId,
      mode: row.mode,
      seed: row.seed,
      answer: row.answer,
      score: row.score,
      correct: row.correct,
      rating: effective.rating,
      elapsedMs: row.elapsedMs,
      mistake: row.mistake,
      reviewedAt: row.reviewedAt,
      stateBefore: (row.stateBefore as { state?: number } | null)?.state ?? null,
      definition: row.questionVersion?.definition ?? null,
    }));
  // Reports from any learner's browser: a key the engine computes differently is the question's
  // problem whoever met it.
  const mismatches = await db.keyMismatch.groupBy({ by: ["templateId"], where: { templateId: { in: templateIds } }, _count: { _all: true } });
  const keyMismatches = new Map(mismatches.map((row) => [row.templateId.slice("question:".length), row._count._all]));
  return { questions, learners: learners.map((learner) => learner.user), reviews, keyMismatches };
}

export type CourseHistory = Awaited<ReturnType<typeof loadCourseHistory>>;
export type HistoryReview = CourseHistory["reviews"][number];
