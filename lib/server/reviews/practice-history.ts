import type { PrismaClient } from "@/lib/db";
import { withLearnerLock } from "./learner-lock";
import type { ServedVariant } from "./variant-text";

// Practice avoids this many of the learner's latest variants of the skill: enough that a learner
// drilling one skill does not cycle between two problems, few enough that a template with a
// handful of variants still has some left.
export const RECENT_VARIANTS = 5;

/** What a learner saw of one skill lately, and how many variants of it they were ever served. */
export interface SkillHistory {
  /** The latest variants of the skill, newest first, in any mode (a review counts as seen). */
  recent: ServedVariant[];
  /** Every variant of the skill ever issued to the learner: a variant issued since changes it. */
  issued: number;
}

/** The learner's latest variants of a skill, and the count of all of them, in one query. */
export async function readSkillHistory(db: PrismaClient, userId: string, templateId: string): Promise<SkillHistory> {
  // The window's count is taken before LIMIT, over every row the WHERE keeps.
  const rows = await db.$queryRaw<(ServedVariant & { issued: bigint })[]>`
    SELECT v."seed", v."lang", v."questionVersionId", count(*) OVER () AS "issued"
    FROM "variants" v
    WHERE v."userId" = ${userId} AND v."templateId" = ${templateId}
    ORDER BY v."issuedAt" DESC, v."id" DESC
    LIMIT ${RECENT_VARIANTS}`;
  return { recent: rows.map(({ seed, lang, questionVersionId }) => ({ seed, lang, questionVersionId })), issued: Number(rows[0]?.issued ?? 0) };
}

export interface PracticeClaim {
  db: PrismaClient;
  userId: string;
  templateId: string;
  questionVersionId: string | null;
  seed: number;
  lang: string;
  now: Date;
  /** The history the seed was checked against (`readSkillHistory`). */
  history: SkillHistory;
}

/**
 * Inserts the practice variant only while the skill's history is still the one its seed was
 * checked against; null when a variant of the skill was issued since (another tab practising, or
 * the review queue), whose problem the seed may repeat: the caller draws again against the new
 * history. The learner's lock makes the check and the insert one step among their practice
 * requests on every app process (another tab may issue and answer between this request's read and
 * its write); two open practice variants still meet the partial unique index.
 */
export function claimPracticeVariant({ db, userId, templateId, questionVersionId, seed, lang, now, history }: PracticeClaim) {
  return withLearnerLock(db, userId, async (tx) => {
    const issued = await tx.variant.count({ where: { userId, templateId } });
    if (issued !== history.issued) return null;
    return tx.variant.create({ data: { userId, cardId: null, mode: "practice", templateId, questionVersionId, seed, lang, issuedAt: now } });
  });
}
