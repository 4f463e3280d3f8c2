import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { Rating, type ReviewRating, type SchedulerSettings, scheduleReview } from "@/lib/srs";
import { renderLocalizedCached, renderMarkdownCached } from "../markdown/cache";
import { answeredSubmission, variantForAnswer } from "./answer-rows";
import { cardStateFromJson } from "./card-state";
import { effectiveReview } from "./effective-review";
import { gradedResult } from "./graded-result";
import { medianAnswerTime } from "./median-answer-time";
import { variantProblem } from "./variant-problem";

const RATINGS: readonly ReviewRating[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export interface ReplaySubmissionOptions {
  db: PrismaClient;
  userId: string;
  variantId: string;
  submissionId: string;
  fuzz: boolean;
}

/**
 * The result of a submission that was already recorded: a retry after the connection dropped
 * while the first try was answered. The learner gets the review that try wrote, graded again
 * from the stored answer (grading is a pure function of the seed and the answer, so the grade,
 * feedback and mistake are those the first try computed), with the rating and schedule as they
 * stand now. Null when the variant's review came from another submission: that is a second
 * answer, which the caller refuses.
 */
export async function replaySubmission({ db, userId, variantId, submissionId, fuzz }: ReplaySubmissionOptions) {
  const [variant, recorded] = await Promise.all([variantForAnswer(db, variantId), answeredSubmission(db, { variantId, userId, submissionId })]);
  if (!variant || !recorded) return null;
  const { problem, misconceptions, keySource } = await variantProblem({ db, ...variant });
  const grade = gradeAnswer({ problem, answer: recorded.answer, ...(misconceptions ? { misconceptions } : {}) });
  if (!grade.gradable) return null;
  const { rating } = effectiveReview(recorded);
  const before = recorded.stateBefore ? cardStateFromJson(recorded.stateBefore) : null;
  const settings: SchedulerSettings = { desiredRetention: variant.desiredRetention, parameters: variant.fsrsParameters, fuzz };
  // What each rating gives from the card as the grade read it, as the first answer showed.
  const outcomes = before ? new Map(RATINGS.map((r) => [r, scheduleReview({ card: before, rating: r, now: recorded.reviewedAt, settings })])) : null;
  return gradedResult({
    reviewId: recorded.id,
    mode: variant.mode as "review" | "practice",
    grade,
    problem,
    keySource,
    feedbackHtml: renderLocalizedCached(grade.feedback),
    solutionHtml: renderMarkdownCached(problem.solution),
    elapsedMs: recorded.elapsedMs,
    medianMs: await medianAnswerTime(db, variant.templateId, problem.answer.kind),
    suggestedRating: recorded.suggestedRating,
    rating,
    nextDue: outcomes?.get(rating as ReviewRating)?.after.due ?? null,
    dueByRating: outcomes ? Object.fromEntries([...outcomes].map(([r, outcome]) => [r, outcome.after.due])) : null,
  });
}
