import type { PrismaClient } from "@/lib/db";
import type { Lang, Problem } from "@/lib/problems";
import { needsWalkthrough, newCardState } from "@/lib/srs";
import { learnerPayload } from "./learner-payload";
import { queueTemplates } from "./queue-templates";
import { randomSeed as defaultSeed, type SeedSource } from "./random-seed";
import { variantProblem } from "./variant-problem";
import { walkthroughFor } from "./walkthrough";

export interface IssueVariantOptions {
  db: PrismaClient;
  userId: string;
  lang: Lang;
  now: Date;
  /** Random seed source, injectable for tests; the default is cryptographically random. */
  randomSeed?: SeedSource;
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

async function issued(db: PrismaClient, variant: IssuedRow, card: CardRow, built?: Problem) {
  const problem = built ?? (await variantProblem({ db, ...variant })).problem;
  return {
    status: "issued" as const,
    variantId: variant.id,
    issuedAt: variant.issuedAt,
    problem: learnerPayload(problem),
    card: { due: card.due, state: card.state, reps: card.reps, lapses: card.lapses },
  };
}

/** Midnight UTC of `now`'s day: the day a daily limit counts in (the app's time zone is UTC). */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The review queue: the problem already issued and not answered (a reload never loses it); else
 * a fresh variant (new seed) of the most overdue card, after a guided walkthrough when the card
 * is a leech; else a skill not yet started, while today's new cards are under the learner's
 * daily limit; else "caught up", with when the next review is due.
 */
export async function issueVariant({ db, userId, lang, now, randomSeed = defaultSeed }: IssueVariantOptions) {
  const templateIds = await queueTemplates(db, userId);

  const open = await db.variant.findFirst({
    where: { userId, mode: "review", answeredAt: null, templateId: { in: templateIds } },
    orderBy: { issuedAt: "desc" },
    include: { card: true },
  });
  if (open?.card) return issued(db, open, open.card);

  let card = await db.card.findFirst({
    where: { userId, templateId: { in: templateIds }, due: { lte: now } },
    orderBy: { due: "asc" },
  });
  if (card && needsWalkthrough(card)) {
    return { status: "walkthrough" as const, cardId: card.id, lapses: card.lapses, ...(await walkthroughFor({ db, templateId: card.templateId, lang, seed: randomSeed() })) };
  }

  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { dailyNewLimit: true } });
  const newToday = await db.card.count({ where: { userId, createdAt: { gte: startOfUtcDay(now) } } });
  if (!card && newToday < user.dailyNewLimit) {
    const started = await db.card.findMany({ where: { userId }, select: { templateId: true } });
    const startedIds = new Set(started.map((row) => row.templateId));
    const fresh = templateIds.find((id) => !startedIds.has(id));
    if (fresh) card = await db.card.create({ data: { userId, templateId: fresh, ...newCardState(now), createdAt: now } });
  }
  if (!card) {
    const next = await db.card.findFirst({ where: { userId, templateId: { in: templateIds } }, orderBy: { due: "asc" } });
    const unstarted = templateIds.length - (await db.card.count({ where: { userId, templateId: { in: templateIds } } }));
    return {
      status: "caught-up" as const,
      nextDue: next?.due ?? null,
      newToday,
      dailyNewLimit: user.dailyNewLimit,
      unstarted,
    };
  }

  const seed = randomSeed();
  // A course question's variant keeps the version it was built from: a later edit never changes it.
  const { problem, questionVersionId } = await variantProblem({ db, templateId: card.templateId, seed, lang });
  const variant = await db.variant.create({
    data: { userId, cardId: card.id, mode: "review", templateId: card.templateId, questionVersionId, seed, lang, issuedAt: now },
  });
  return issued(db, variant, card, problem);
}

export type IssueVariantResult = Awaited<ReturnType<typeof issueVariant>>;
