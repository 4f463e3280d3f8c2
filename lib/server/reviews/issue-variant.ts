import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { listTemplates, sampleProblem, type Lang, type Problem } from "@/lib/problems";
import { newCardState } from "@/lib/srs";
import { AppError } from "../errors";

export interface IssueVariantOptions {
  db: PrismaClient;
  userId: string;
  lang: Lang;
  now: Date;
  /** Practise a card before it is due (the learner asked for more). */
  practice?: boolean;
  /** Practise this skill (template id) now, whatever is due. */
  template?: string;
  /** Random seed source, injectable for tests; the default is cryptographically random. */
  randomSeed?: () => number;
}

const MAX_SEED = 2 ** 31 - 1;

function defaultSeed(): number {
  return randomInt(0, MAX_SEED);
}

/**
 * What a learner's browser may see before answering: an allow-list, so that a field added to
 * Problem later (a key, a hint) is never sent by accident. The seed stays on the server too:
 * problems are public functions of their seed, so the seed alone would give the key away.
 */
function learnerPayload(problem: Problem) {
  return {
    template: problem.template,
    topic: problem.topic,
    lang: problem.lang,
    prompt: problem.prompt,
    answerKind: problem.answer.kind,
    options: problem.options ?? null,
  };
}

interface IssuedRow {
  id: string;
  templateId: string;
  seed: number;
  lang: string;
  issuedAt: Date;
}

function issued(variant: IssuedRow, owner: { due: Date; state: number; reps: number } | null) {
  const problem = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
  return {
    status: "issued" as const,
    variantId: variant.id,
    issuedAt: variant.issuedAt,
    problem: learnerPayload(problem),
    card: owner ? { due: owner.due, state: owner.state, reps: owner.reps } : null,
  };
}

/**
 * Practice of one skill: its open problem if there is one, else a fresh variant; the card is
 * created on first practice. Open problems of other skills stay open for the review queue.
 */
async function issueSkill(options: {
  db: PrismaClient;
  userId: string;
  lang: Lang;
  now: Date;
  template: string;
  templateIds: string[];
  randomSeed: () => number;
}) {
  const { db, userId, lang, now, template, templateIds, randomSeed } = options;
  if (!templateIds.includes(template)) {
    throw new AppError("BAD_INPUT", `template: there is no skill ${JSON.stringify(template)}`);
  }
  const open = await db.variant.findFirst({
    where: { userId, answeredAt: null, templateId: template },
    orderBy: { issuedAt: "desc" },
    include: { card: true },
  });
  if (open) return issued(open, open.card);
  const card =
    (await db.card.findUnique({ where: { userId_templateId: { userId, templateId: template } } })) ??
    (await db.card.create({ data: { userId, templateId: template, ...newCardState(now) } }));
  const variant = await db.variant.create({ data: { userId, cardId: card.id, templateId: template, seed: randomSeed(), lang, issuedAt: now } });
  return issued(variant, card);
}

/**
 * Gives the learner the problem to work on now: the one already issued and not answered (so a
 * reload never loses it), else a fresh variant of the most overdue card, else of a skill not yet
 * started. When everything is scheduled later, says when the next review is due, unless the
 * learner asked to practise anyway.
 */
export async function issueVariant({ db, userId, lang, now, practice = false, template, randomSeed = defaultSeed }: IssueVariantOptions) {
  const templateIds = listTemplates().map((entry) => entry.template);
  if (template !== undefined) return issueSkill({ db, userId, lang, now, template, templateIds, randomSeed });

  const open = await db.variant.findFirst({
    where: { userId, answeredAt: null, templateId: { in: templateIds } },
    orderBy: { issuedAt: "desc" },
    include: { card: true },
  });
  if (open) return issued(open, open.card);

  let card = await db.card.findFirst({
    where: { userId, templateId: { in: templateIds }, due: { lte: now } },
    orderBy: { due: "asc" },
  });
  if (!card) {
    const started = await db.card.findMany({ where: { userId }, select: { templateId: true } });
    const startedIds = new Set(started.map((row) => row.templateId));
    const fresh = templateIds.find((id) => !startedIds.has(id));
    if (fresh) {
      card = await db.card.create({ data: { userId, templateId: fresh, ...newCardState(now) } });
    }
  }
  if (!card) {
    const next = await db.card.findFirst({
      where: { userId, templateId: { in: templateIds } },
      orderBy: { due: "asc" },
    });
    if (!next) return { status: "empty" as const };
    if (!practice) return { status: "caught-up" as const, nextDue: next.due };
    card = next;
  }

  const variant = await db.variant.create({
    data: { userId, cardId: card.id, templateId: card.templateId, seed: randomSeed(), lang, issuedAt: now },
  });
  return issued(variant, card);
}
