import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { createRng, listTemplates, MAX_SEED, requireTemplate, sampleProblem, type Lang, type Rng } from "@/lib/problems";
import { medianAnswerMs, newCardState, retrievability, scheduleReview, State, suggestRating, type CardState, type SchedulerSettings } from "@/lib/srs";
import { cardStateJson } from "../reviews/card-state";
import { typedAnswer, slipOf } from "./typed-answer";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far back the demo history starts: a few weeks, so every chart of /progress has data. */
export const DEMO_HISTORY_DAYS = 24;
/** The generator's seed: the same history on every machine, for a given `now`. */
export const DEMO_HISTORY_SEED = 20_260_301;

const MAX_REVIEWS_PER_SESSION = 30;

interface SimulatedCard {
  id: string;
  templateId: string;
  createdAt: Date;
  state: CardState;
}

interface Rows {
  variants: { id: string; userId: string; cardId: string | null; mode: string; templateId: string; seed: number; lang: string; issuedAt: Date; answeredAt: Date }[];
  reviews: {
    variantId: string; userId: string; cardId: string | null; mode: string; templateId: string; seed: number; lang: string; answer: string;
    score: number; correct: boolean; rating: number; suggestedRating: number; elapsedMs: number; mistake: string | null;
    stateBefore?: ReturnType<typeof cardStateJson>; stateAfter?: ReturnType<typeof cardStateJson>; reviewedAt: Date;
  }[];
}

function chance(rng: Rng, probability: number): boolean {
  return rng.int(0, 9_999) < probability * 10_000;
}

/**
 * The chance the demo learner answers right: FSRS's own recall probability for a card in review
 * (a learner who forgets as the model predicts), a fixed 75 % while learning.
 */
function recallChance(card: CardState, now: Date, settings: SchedulerSettings): number {
  return card.state === State.Review ? retrievability(card, now, settings) : 0.75;
}

/** An answer as the learner would type it, right (the key) or wrong (a misconception, else a slip), graded for real. */
function answerOf({ templateId, seed, lang, right, rng }: { templateId: string; seed: number; lang: Lang; right: boolean; rng: Rng }) {
  const problem = sampleProblem({ template: templateId, seed, lang });
  let answer = typedAnswer(problem.answer, problem.check);
  if (!right) {
    const misconceptions = requireTemplate(templateId).misconceptions(seed);
    const wrong = misconceptions.length > 0 ? rng.pick(misconceptions).wrongAnswer : slipOf(problem.answer, problem.options);
    answer = typedAnswer(wrong);
  }
  let grade = gradeAnswer({ problem, answer });
  if (!grade.gradable) {
    answer = typedAnswer(problem.answer, problem.check);
    grade = gradeAnswer({ problem, answer });
  }
  if (!grade.gradable) throw new Error(`demo history: the key of ${templateId} seed ${seed} does not grade`);
  return { answer, score: grade.score, correct: grade.correct, mistake: grade.mistake ?? null };
}

/**
 * Gives the demo learner a few weeks of history ending yesterday, generated through the real
 * code: each answer is graded by `gradeAnswer` and scheduled by `scheduleReview`, and the rows are
 * those the review flow writes (variant, review with states before and after, card), so the
 * progress charts, the replayable history and the review queue all agree. Learning and lapsed
 * cards are left due, so /review has work today. Deterministic for a given `now`; does nothing
 * when the learner already has cards or reviews.
 */
export async function seedDemoHistory({ db, userId, now }: { db: PrismaClient; userId: string; now: Date }): Promise<{ reviews: number; cards: number }> {
  const [reviews, cards] = await Promise.all([db.review.count({ where: { userId } }), db.card.count({ where: { userId } })]);
  if (reviews > 0 || cards > 0) return { reviews: 0, cards: 0 };

  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, desiredRetention: true, fsrsParameters: true } });
  const lang: Lang = user.locale === "zh-CN" ? "zh-CN" : "en";
  // As the review flow schedules (lib/server/reviews/scheduler-settings.ts), fuzz included:
  // ts-fsrs seeds its fuzz from the review itself, so the history stays deterministic.
  const settings: SchedulerSettings = { desiredRetention: user.desiredRetention, parameters: user.fsrsParameters, fuzz: true };
  // Times of right answers per template, for the suggested rating's "fast" and "slow".
  const rightTimes = new Map<string, number[]>();
  const rng = createRng(DEMO_HISTORY_SEED);
  const templates = listTemplates().map((entry) => entry.template);
  const started: SimulatedCard[] = [];
  const rows: Rows = { variants: [], reviews: [] };
  const today = Math.floor(now.getTime() / DAY_MS);

  /** One graded answer; `unhurried` takes at least the skill's median time, so it is never rated Easy. */
  function answer({ card, templateId, at, mode, unhurried = false }: { card: SimulatedCard | null; templateId: string; at: Date; mode: "review" | "practice"; unhurried?: boolean }) {
    const seed = rng.int(0, MAX_SEED);
    const right = chance(rng, card ? recallChance(card.state, at, settings) : 0.8);
    const graded = answerOf({ templateId, seed, lang, right, rng });
    const times = rightTimes.get(templateId) ?? [];
    const medianMs = medianAnswerMs(times, requireTemplate(templateId).answerKind);
    const elapsedMs = unhurried
      ? rng.int(Math.ceil(medianMs), Math.ceil(1.5 * medianMs))
      : graded.correct
        ? rng.int(12_000, 75_000)
        : rng.int(30_000, 120_000);
    const issuedAt = at;
    const reviewedAt = new Date(at.getTime() + elapsedMs);
    const rating = suggestRating({ correct: graded.correct, score: graded.score, elapsedMs, medianMs });
    if (graded.correct) rightTimes.set(templateId, [...times, elapsedMs]);
    const variantId = randomUUID();
    rows.variants.push({ id: variantId, userId, cardId: card?.id ?? null, mode, templateId, seed, lang, issuedAt, answeredAt: reviewedAt });
    const review = { variantId, userId, cardId: card?.id ?? null, mode, templateId, seed, lang, ...graded, rating, suggestedRating: rating, elapsedMs, reviewedAt };
    if (card) {
      const { before, after } = scheduleReview({ card: card.state, rating, now: reviewedAt, settings });
      card.state = after;
      rows.reviews.push({ ...review, stateBefore: cardStateJson(before), stateAfter: cardStateJson(after) });
    } else {
      rows.reviews.push(review);
    }
    return reviewedAt;
  }

  // Where yesterday's session ended (the last week has a session every day).
  let sessionEnd = new Date((today - 1) * DAY_MS + 20 * 3_600_000);
  for (let day = today - DEMO_HISTORY_DAYS; day < today; day += 1) {
    const lastWeek = day >= today - 7;
    // A few days off in the older weeks, so the calendar looks lived in; the last week unbroken, for a streak.
    if (!lastWeek && chance(rng, 0.2)) continue;
    let clock = new Date(day * DAY_MS + rng.int(17, 20) * 3_600_000 + rng.int(0, 59) * 60_000);
    let newToday = day < today - 14 ? 2 : rng.int(0, 1);
    let answered = 0;
    for (; answered < MAX_REVIEWS_PER_SESSION; answered += 1) {
      const due = started.filter((card) => card.state.due <= clock).sort((a, b) => a.state.due.getTime() - b.state.due.getTime())[0];
      let card = due;
      if (!card && newToday > 0 && started.length < templates.length) {
        newToday -= 1;
        card = { id: randomUUID(), templateId: templates[started.length]!, createdAt: clock, state: newCardState(clock) };
        started.push(card);
      }
      if (!card) break;
      clock = new Date(answer({ card, templateId: card.templateId, at: clock, mode: "review" }).getTime() + rng.int(5_000, 30_000));
    }
    // Some practice now and then; on a day with nothing due in the last week, practice keeps the streak.
    if (started.length > 0 && (chance(rng, 0.3) || (lastWeek && answered === 0))) {
      clock = new Date(answer({ card: null, templateId: rng.pick(started).templateId, at: clock, mode: "practice" }).getTime() + 60_000);
    }
    sessionEnd = clock;
  }

  // Yesterday's session ends on a new skill met once: Again, Hard or Good leave it in a learning
  // step of minutes, so it is overdue this morning and /review has work on first start.
  if (started.length < templates.length) {
    const card: SimulatedCard = { id: randomUUID(), templateId: templates[started.length]!, createdAt: sessionEnd, state: newCardState(sessionEnd) };
    started.push(card);
    answer({ card, templateId: card.templateId, at: sessionEnd, mode: "review", unhurried: true });
  }

  await db.$transaction([
    db.card.createMany({ data: started.map((card) => ({ id: card.id, userId, templateId: card.templateId, createdAt: card.createdAt, ...card.state })) }),
    db.variant.createMany({ data: rows.variants }),
    db.review.createMany({ data: rows.reviews }),
  ]);
  return { reviews: rows.reviews.length, cards: started.length };
}
