import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { Rating, type ReviewRating, type SchedulerSettings, scheduleReview, suggestRating } from "@/lib/srs";
import { AppError } from "../errors";
import { renderDocuments, renderDocumentsMathInBrowser, renderLocalizedDocuments } from "../markdown/render-off-thread";
import { type AnswerReview, recordAnswer, type VariantForAnswer, variantForAnswer } from "./answer-rows";
import { cardStateOf } from "./card-state";
import { gradedResult } from "./graded-result";
import type { MathTypesetting } from "./learner-payload";
import { medianAnswerTime } from "./median-answer-time";
import { replaySubmission } from "./replay-submission";
import { variantProblem } from "./variant-problem";

export interface SubmitAnswerOptions {
  db: PrismaClient;
  userId: string;
  variantId: string;
  /** Exactly what the learner typed; stored as is. */
  answer: string;
  now: Date;
  /** FSRS interval fuzz (the context's `schedulerFuzz`). */
  fuzz: boolean;
  /**
   * The browser's id for this submission, the same on every retry of it: a retry whose first try
   * was recorded but whose answer was lost (the connection dropped) gets that review back.
   */
  submissionId?: string;
  /** Where the worked solution's and feedback's formulas are typeset (learner-payload.ts); the server by default. */
  math?: MathTypesetting;
}

// Time on a problem past an hour says the learner walked away, not how hard it was.
const MAX_ELAPSED_MS = 60 * 60 * 1000;

const RATINGS: readonly ReviewRating[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** A second answer to a variant; a retry of the first is answered again instead (`submitAnswer`). */
class AlreadyAnswered extends AppError {
  constructor() {
    super("CONFLICT", "This problem has already been answered. Open the review page for the next one.", { reason: "review.alreadyAnswered" });
  }
}

const alreadyAnswered = () => new AlreadyAnswered();

/** Grading again from the card as it is: a rating change or undo raced this answer more often than a person clicks. */
const MAX_CARD_RACES = 5;

const cardKeptChanging = () => new AppError("CONFLICT", "Your schedule changed while this answer was graded. Submit it again.", { reason: "review.scheduleChanged" });

const withdrawn = () =>
  new AppError("CONFLICT", "This problem was withdrawn: its skill is no longer in your queue. Open the review page for the next one.", { reason: "review.withdrawn" });

/**
 * Grades an answer to a variant the server issued to this learner, once. The key is recomputed
 * from the variant's seed, never read from the client. A format error costs nothing: the variant
 * stays open and no review is written. A graded answer becomes an append-only Review; a review
 * (not practice) also moves the card on with FSRS at the suggested rating, in the same statement.
 * The learner may change that rating afterwards (`rateReview`). The result carries the key, the
 * worked solution with its figure, and the check, so the browser can re-run the engine on it.
 */
export async function submitAnswer(options: SubmitAnswerOptions) {
  try {
    return await gradeAndRecord(options);
  } catch (error) {
    const { db, userId, variantId, submissionId, fuzz } = options;
    if (!(error instanceof AlreadyAnswered) || !submissionId) throw error;
    const replayed = await replaySubmission({ db, userId, variantId, submissionId, fuzz });
    if (!replayed) throw error;
    return replayed;
  }
}

async function gradeAndRecord({ db, userId, variantId, answer, now, fuzz, submissionId, math = "server" }: SubmitAnswerOptions) {
  const variant = await variantForAnswer(db, variantId);
  if (!variant || variant.userId !== userId) {
    throw new AppError("NOT_FOUND", "This problem was not issued to you. Open the review page for a new one.", { reason: "review.notIssued" });
  }
  if (variant.answeredAt) throw alreadyAnswered();
  if (variant.withdrawnAt) throw withdrawn();

  const { problem, misconceptions, keySource } = await variantProblem({ db, ...variant });
  const grade = gradeAnswer({ problem, answer, ...(misconceptions ? { misconceptions } : {}) });
  if (!grade.gradable) {
    return { status: "format-error" as const, formatError: grade.formatError, formatErrorHtml: await renderLocalizedDocuments(grade.formatError) };
  }

  const elapsedMs = Math.min(Math.max(0, now.getTime() - variant.issuedAt.getTime()), MAX_ELAPSED_MS);
  const medianMs = await medianAnswerTime(db, variant.templateId, problem.answer.kind);
  const rating = suggestRating({ correct: grade.correct, score: grade.score, elapsedMs, medianMs });

  const review: AnswerReview = {
    userId,
    mode: variant.mode,
    templateId: variant.templateId,
    questionVersionId: variant.questionVersionId,
    seed: variant.seed,
    lang: variant.lang,
    answer,
    score: grade.score,
    correct: grade.correct,
    rating,
    elapsedMs,
    mistake: grade.mistake ?? null,
    submissionId: submissionId ?? null,
  };
  const settings: SchedulerSettings | null = variant.mode === "review" && variant.cardId ? { desiredRetention: variant.desiredRetention, parameters: variant.fsrsParameters, fuzz } : null;

  // The feedback and worked solution are typeset (off the request thread) while the answer is written.
  const feedbackLangs = Object.keys(grade.feedback) as (keyof typeof grade.feedback)[];
  const render = math === "browser" ? renderDocumentsMathInBrowser : renderDocuments;
  const [{ reviewId, scheduled, outcomes }, [solutionHtml, ...feedbackHtmls]] = await Promise.all([
    recordGraded({ db, variant, review, rating, now, settings }),
    render([problem.solution, ...feedbackLangs.map((lang) => grade.feedback[lang])]),
  ]);
  const feedbackHtml = Object.fromEntries(feedbackLangs.map((lang, i) => [lang, feedbackHtmls[i]!])) as typeof grade.feedback;
  const dueByRating = outcomes ? Object.fromEntries([...outcomes].map(([r, outcome]) => [r, outcome.after.due])) : null;

  return gradedResult({
    reviewId,
    mode: variant.mode as "review" | "practice",
    grade,
    problem,
    keySource,
    feedbackHtml,
    solutionHtml: solutionHtml!,
    elapsedMs,
    medianMs,
    suggestedRating: rating,
    rating,
    nextDue: scheduled?.after.due ?? null,
    dueByRating,
  });
}

type Outcome = ReturnType<typeof scheduleReview>;

/**
 * The graded answer recorded (answer-rows.ts `recordAnswer`: one statement), the card moved on
 * from the state it was read in. If a rating change or an undo moved the card meanwhile, the
 * schedule is computed again from the card as it is then, as the learner's lock used to give it.
 */
async function recordGraded({
  db,
  variant,
  review,
  rating,
  now,
  settings,
}: {
  db: PrismaClient;
  variant: VariantForAnswer;
  review: AnswerReview;
  rating: ReviewRating;
  now: Date;
  settings: SchedulerSettings | null;
}): Promise<{ reviewId: string; scheduled: Outcome | null; outcomes: Map<ReviewRating, Outcome> | null }> {
  let card = settings ? variant.card : null;
  for (let attempt = 1; ; attempt += 1) {
    // What each rating would give, so the learner sees what changing the suggestion means; the
    // suggested one is what the card moves to now.
    const outcomes = card && settings ? new Map(RATINGS.map((r) => [r, scheduleReview({ card: cardStateOf(card!), rating: r, now, settings })])) : null;
    const scheduled = outcomes?.get(rating) ?? null;
    const schedule = card && scheduled ? { cardId: card.id, before: scheduled.before, after: scheduled.after } : null;
    const recorded = await recordAnswer(db, { variantId: variant.id, now, review, schedule });
    if (recorded.status === "recorded") return { reviewId: recorded.reviewId, scheduled, outcomes };
    if (recorded.status === "answered") throw alreadyAnswered();
    if (attempt === MAX_CARD_RACES) throw cardKeptChanging();
    card = (await variantForAnswer(db, variant.id))?.card ?? null;
  }
}

export type SubmitAnswerResult = Awaited<ReturnType<typeof submitAnswer>>;
