import type { Card, PrismaClient } from "@/lib/db";
import type { Lang } from "@/lib/problems";
import { needsWalkthrough, newCardState } from "@/lib/srs";
import { AppError } from "../errors";
import { insertCard, insertReviewVariant } from "./cycle-inserts";
import { isQuestionFailure, recordIssueFailure } from "./issue-failure";
import { type LearnerPayload, learnerPayload, type MathTypesetting } from "./learner-payload";
import { type LearnerSnapshot, readLearnerSnapshot } from "./learner-snapshot";
import { type QueueToday, queueToday } from "./queue-today";
import { randomSeed as defaultSeed, type SeedSource } from "./random-seed";
import { ONE_CARD_PER_SKILL, ONE_OPEN_VARIANT, uniqueViolationOf } from "./unique-violation";
import { variantProblem } from "./variant-problem";
import { servedText, variantText } from "./variant-text";
import { walkthroughFor } from "./walkthrough";

export interface IssueVariantOptions {
  db: PrismaClient;
  userId: string;
  lang: Lang;
  now: Date;
  /** Random seed source, injectable for tests; the default is cryptographically random. */
  randomSeed?: SeedSource;
  /** Where the problem's formulas are typeset (learner-payload.ts); the server by default. */
  math?: MathTypesetting;
}

interface IssuedRow {
  id: string;
  templateId: string;
  seed: number;
  lang: string;
  issuedAt: Date;
  questionVersionId: string | null;
}

interface CardRow {
  id: string;
  due: Date;
  state: number;
  reps: number;
  lapses: number;
}

// A seed whose problem is the card's previous one is drawn again this many times at most: a
// template with few variants (a true/false statement) may still repeat after them.
const MAX_REDRAWS = 4;

// Each round either returns, or skips one broken course question, or lost one race to a parallel
// request (whose variant the next round returns): a handful is plenty.
const MAX_ROUNDS = 8;

/** `course`: the title of the course a course question comes from (read with the queue), null for the catalog's. */
function issued(variant: IssuedRow, card: CardRow, problem: LearnerPayload, today: QueueToday, course: string | null) {
  return {
    status: "issued" as const,
    variantId: variant.id,
    issuedAt: variant.issuedAt,
    problem,
    course,
    card: { due: card.due, state: card.state, reps: card.reps, lapses: card.lapses },
    today: todayOf(today),
  };
}

/** What the page shows of the learner's day: what is left and what is done, counted on the server so a reload keeps it. */
function todayOf({ reviewed, dueLeft, newLeft }: QueueToday) {
  return { reviewed, dueLeft, newLeft };
}

/** Closes an open variant unanswered; a no-op when it was answered or closed meanwhile. */
function withdraw(db: PrismaClient, variantId: string, now: Date) {
  return db.variant.updateMany({ where: { id: variantId, answeredAt: null, withdrawnAt: null }, data: { withdrawnAt: now } });
}

/** The learner's card of a skill they have not started: created now, or read back when a parallel request created it first. */
async function startCard(db: PrismaClient, userId: string, templateId: string, now: Date): Promise<Card> {
  try {
    return await insertCard(db, { userId, templateId, state: newCardState(now), now });
  } catch (error) {
    if (uniqueViolationOf(error) !== ONE_CARD_PER_SKILL) throw error;
    return db.card.findUniqueOrThrow({ where: { userId_templateId: { userId, templateId } } });
  }
}

type Pick =
  | { kind: "card"; card: Card }
  | { kind: "walkthrough"; card: Card }
  | { kind: "caught-up"; nextDue: Date | null; newToday: number; dailyNewLimit: number; unstarted: number };

/** The most overdue card, else a skill not yet started (within the daily limit), else caught up. */
async function pickCard(db: PrismaClient, userId: string, snapshot: LearnerSnapshot, today: QueueToday, now: Date): Promise<Pick> {
  const { templateIds, dailyNewLimit } = snapshot;
  const inQueue = new Set(templateIds);
  const cards = snapshot.cards.filter((card) => inQueue.has(card.templateId));
  const due = cards.filter((card) => card.due <= now).reduce<Card | null>((first, card) => (!first || card.due < first.due ? card : first), null);
  if (due) return needsWalkthrough(due) ? { kind: "walkthrough", card: due } : { kind: "card", card: due };

  // Today's new skills (in the learner's day) count whatever queue they were started in (a course left since included).
  const newToday = today.newStarted;
  const startedIds = new Set(cards.map((card) => card.templateId));
  if (newToday < dailyNewLimit) {
    // The first unstarted skill in queue order: racing requests pick the same one and share its card.
    const fresh = templateIds.find((id) => !startedIds.has(id));
    if (fresh) return { kind: "card", card: await startCard(db, userId, fresh, now) };
  }
  const nextDue = cards.reduce<Date | null>((soonest, card) => (!soonest || card.due < soonest ? card.due : soonest), null);
  const unstarted = templateIds.filter((id) => !startedIds.has(id)).length;
  return { kind: "caught-up", nextDue, newToday, dailyNewLimit, unstarted };
}

/**
 * The review queue: the problem already issued and not answered (a reload never loses it); else
 * a fresh variant (new seed, never the card's previous problem again) of the most overdue card, after a guided walkthrough when the card
 * is a leech; else a skill not yet started, while today's new cards (the learner's day, in their
 * time zone) are under the learner's daily limit; else "caught up", with when the next review is due.
 *
 * Idempotent under concurrency: the database holds at most one open review variant per learner
 * (a partial unique index), so of several racing requests one inserts its variant and the others
 * read that one back and return it too. An open variant whose skill left the queue (the learner
 * left the course, the question was archived) is withdrawn: it can no longer be answered, and the
 * queue moves on. A course question whose variant cannot be built (a formula that divides by zero
 * for the seed drawn) never blocks the queue: the failure is recorded for its instructor, the
 * card is postponed, and the next card is served.
 */
export async function issueVariant({ db, userId, lang, now, randomSeed = defaultSeed, math = "server" }: IssueVariantOptions) {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const snapshot = await readLearnerSnapshot(db, userId, now);
    const { open } = snapshot;
    const today = queueToday({ ...snapshot, reviewTimes: snapshot.recentReviewTimes, now });
    const inQueue = new Set(snapshot.templateIds);
    const openCard = open?.cardId && inQueue.has(open.templateId) ? (snapshot.cards.find((card) => card.id === open.cardId) ?? null) : null;
    if (open && openCard) {
      try {
        return issued(open, openCard, await learnerPayload((await variantProblem({ db, ...open })).problem, math), today, snapshot.courseTitleOf.get(open.templateId) ?? null);
      } catch (error) {
        if (!isQuestionFailure(open.templateId, error)) throw error;
        await recordIssueFailure({ db, userId, cardId: openCard.id, templateId: open.templateId, questionVersionId: open.questionVersionId, seed: open.seed, error, now });
        await withdraw(db, open.id, now);
        // The card was postponed: choose again from what the database says now.
        continue;
      }
    }
    if (open) await withdraw(db, open.id, now);

    const pick = await pickCard(db, userId, snapshot, today, now);
    if (pick.kind === "caught-up") {
      const { kind, ...rest } = pick;
      return { status: kind, ...rest, today: todayOf(today) };
    }
    const { card } = pick;
    const questionVersionId = snapshot.versionOf.get(card.templateId) ?? null;
    let seed = randomSeed();

    let built: Awaited<ReturnType<typeof variantProblem>>;
    try {
      if (pick.kind === "walkthrough") {
        return { status: "walkthrough" as const, cardId: card.id, lapses: card.lapses, ...(await walkthroughFor({ db, templateId: card.templateId, lang, seed })) };
      }
      // A course question's variant keeps the version it was built from: a later edit never changes it.
      built = await variantProblem({ db, templateId: card.templateId, seed, lang, questionVersionId });
      // Never the card's previous problem again (issue 13, item 7): built problems are cached, so this is cheap.
      const before = await servedText(db, card.templateId, lang, snapshot.previousOf.get(card.id) ?? null);
      for (let redraw = 0; redraw < MAX_REDRAWS && before !== null && variantText(built.problem) === before; redraw += 1) {
        seed = randomSeed();
        built = await variantProblem({ db, templateId: card.templateId, seed, lang, questionVersionId });
      }
    } catch (error) {
      if (!isQuestionFailure(card.templateId, error)) throw error;
      await recordIssueFailure({ db, userId, cardId: card.id, templateId: card.templateId, questionVersionId, seed, error, now });
      continue;
    }

    // Typeset (off the request thread) while the variant is written; a lost race wastes only that.
    const payload = learnerPayload(built.problem, math);
    payload.catch(() => undefined);
    try {
      const variant = await insertReviewVariant(db, {
        userId,
        cardId: card.id,
        templateId: card.templateId,
        questionVersionId: built.questionVersionId,
        seed,
        lang,
        issuedAt: now,
      });
      return issued(variant, card, await payload, today, snapshot.courseTitleOf.get(card.templateId) ?? null);
    } catch (error) {
      // A parallel request issued first: the next round returns its variant.
      if (uniqueViolationOf(error) !== ONE_OPEN_VARIANT) throw error;
    }
  }
  throw new AppError("UNAVAILABLE", "The review queue is busy; try again in a moment.", { reason: "review.busy" });
}

export type IssueVariantResult = Awaited<ReturnType<typeof issueVariant>>;
