import type { PrismaClient } from "@/lib/db";
import { listTemplates } from "@/lib/problems";
import { skillCatalog } from "../reviews/skill-catalog";
import { variantProblem } from "../reviews/variant-problem";
import { latestRatings, State, topicMastery } from "@/lib/srs";
import { dayNumberIn } from "./days";
import { effectiveReview } from "../reviews/effective-review";
import { forecastDue } from "./forecast";
import { heatmapDays } from "./heatmap";
import { trueRetention } from "./retention";
import { timeZoneOrDefault } from "@/lib/srs/days";
import { currentStreak, longestStreak } from "./streak";

export interface GetProgressOptions {
  db: PrismaClient;
  userId: string;
  now: Date;
  /** 1-based page of the history, newest first. */
  page?: number;
  pageSize?: number;
}

export const HISTORY_PAGE_SIZE = 20;
export const HEATMAP_WEEKS = 26;
export const RETENTION_DAYS = 30;
export const FORECAST_DAYS = 30;

/** The prompt the learner saw, rebuilt from the seed; null if its template or question is gone. */
async function promptOf(db: PrismaClient, review: { templateId: string; seed: number; lang: string; questionVersionId: string | null }): Promise<string | null> {
  try {
    return (await variantProblem({ db, ...review })).problem.prompt;
  } catch {
    return null;
  }
}

/**
 * Everything the progress page shows, for one learner at `now`: mastery per topic, reviews per
 * day (scheduled and practice apart), true retention against the desired retention, the due
 * forecast, streaks, the cards, and one page of the history with each variant's prompt.
 * Days are the learner's, counted in their time zone (UTC until they have one; lib/srs/days.ts).
 */
export async function getProgress({ db, userId, now, page = 1, pageSize = HISTORY_PAGE_SIZE }: GetProgressOptions) {
  const [user, cards, reviews] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { desiredRetention: true, fsrsParameters: true, timeZone: true } }),
    db.card.findMany({ where: { userId }, orderBy: { due: "asc" } }),
    db.review.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "desc" }, { id: "asc" }],
      select: {
        id: true, templateId: true, questionVersionId: true, seed: true, lang: true, mode: true, answer: true, score: true, correct: true,
        rating: true, mistake: true, stateBefore: true, reviewedAt: true, offline: true,
        amendments: { select: { kind: true, rating: true, createdAt: true } },
      },
    }),
  ]);
  const timeZone = timeZoneOrDefault(user.timeZone);
  const dayOf = (instant: Date) => dayNumberIn(instant, timeZone);
  const today = dayOf(now);
  const catalog = await skillCatalog(db, [...cards.map((card) => card.templateId), ...reviews.map((review) => review.templateId)]);
  const titleOf = (templateId: string) => catalog.get(templateId)?.title ?? { en: templateId, "zh-CN": templateId };
  // Built-in skills, and the course questions this learner holds a card of.
  const templates = [...listTemplates(), ...cards.flatMap((card) => (catalog.has(card.templateId) && card.templateId.startsWith("question:") ? [catalog.get(card.templateId)!] : []))];
  const effective = reviews.map((review) => ({ ...review, ...effectiveReview(review) }));
  // The reviews that moved each card, as they count now: mastery reads the latest one's rating.
  const lastRatings = latestRatings(effective.filter((review) => review.mode === "review" && !review.undone));

  const retention = trueRetention({
    now,
    timeZone,
    days: RETENTION_DAYS,
    reviews: effective.map((review) => ({
      reviewedAt: review.reviewedAt,
      rating: review.rating,
      undone: review.undone,
      stateBefore: (review.stateBefore as { state?: number } | null)?.state ?? null,
    })),
  });
  const reviewDays = new Set(reviews.map((review) => dayOf(review.reviewedAt)));
  const correct = reviews.filter((review) => review.correct).length;
  const pages = Math.max(1, Math.ceil(reviews.length / pageSize));
  const current = Math.min(Math.max(1, page), pages);

  return {
    desiredRetention: user.desiredRetention,
    /** The zone the days below are counted in; the page labels its days in it. */
    timeZone,
    today,
    totals: {
      reviews: reviews.length,
      practice: reviews.filter((review) => review.mode === "practice").length,
      correct,
      accuracy: reviews.length === 0 ? null : correct / reviews.length,
      skillsStarted: cards.filter((card) => card.lastReview !== null).length,
      skillsTotal: templates.length,
      dueToday: cards.filter((card) => card.state !== State.New && dayOf(card.due) <= today).length,
    },
    streak: { current: currentStreak({ reviewDays, today }), longest: longestStreak(reviewDays) },
    mastery: topicMastery({
      skills: cards.map((card) => ({ ...card, lastRating: lastRatings.get(card.templateId) ?? null })),
      templates,
      now,
      ...(user.fsrsParameters.length > 0 ? { parameters: user.fsrsParameters } : {}),
    }),
    heatmap: heatmapDays({
      today,
      weeks: HEATMAP_WEEKS,
      activity: reviews.map((review) => ({ day: dayOf(review.reviewedAt), mode: review.mode })),
    }),
    retention: { passed: retention.passed, total: retention.total, rate: retention.rate, perDay: retention.perDay },
    forecast: forecastDue({ today, timeZone, days: FORECAST_DAYS, dues: cards.filter((card) => card.state !== State.New).map((card) => card.due) }),
    cards: cards.map((card) => ({
      id: card.id,
      templateId: card.templateId,
      title: titleOf(card.templateId),
      due: card.due,
      state: card.state,
      reps: card.reps,
      lapses: card.lapses,
      stability: card.stability,
      lastReview: card.lastReview,
    })),
    history: await Promise.all(effective.slice((current - 1) * pageSize, current * pageSize).map(async (review) => ({
      id: review.id,
      templateId: review.templateId,
      title: titleOf(review.templateId),
      topic: catalog.get(review.templateId)?.topic ?? null,
      mode: review.mode,
      offline: review.offline,
      lang: review.lang,
      // Its Markdown only: the page typesets one when the learner opens it (progress.prompt).
      prompt: await promptOf(db, review),
      answer: review.answer,
      score: review.score,
      correct: review.correct,
      rating: review.rating,
      undone: review.undone,
      mistake: review.mistake,
      reviewedAt: review.reviewedAt,
    }))),
    historyPage: { page: current, pages, pageSize, total: reviews.length },
  };
}
