import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { gradeAnswer } from "@/lib/grading";
import { getTemplate, type Lang, sampleProblem } from "@/lib/problems";
import { suggestRating } from "@/lib/srs";
import { medianAnswerTime } from "./median-answer-time";

/** One problem practised in the browser while offline, as the browser kept it. */
export interface OfflinePracticeItem {
  /** Chosen by the browser; the same item sent twice is recorded once. */
  id: string;
  template: string;
  seed: number;
  lang: Lang;
  /** Exactly what the learner typed. */
  answer: string;
  answeredAt: Date;
  elapsedMs: number;
}

export type OfflinePracticeOutcome =
  | { id: string; status: "recorded"; correct: boolean; score: number }
  | { id: string; status: "already-recorded" }
  | { id: string; status: "rejected"; reason: "unknown-template" | "not-gradable" | "id-taken" };

export interface SyncOfflinePracticeOptions {
  db: PrismaClient;
  userId: string;
  items: readonly OfflinePracticeItem[];
  now: Date;
}

// An answer typed offline is dated when the learner typed it, within reason: never in the
// future, never before a month ago (a browser's clock may be wrong; a month covers a long trip).
const OLDEST_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ELAPSED_MS = 60 * 60 * 1000;

/**
 * Adds problems practised offline to the learner's history. Nothing the browser says about the
 * grade is trusted: each problem is generated again from its template and seed and the typed
 * answer graded again here, as `submitAnswer` grades. Practice never touches the schedule. Each
 * item becomes an answered practice variant and its review (marked `offline`), written in one
 * statement that does nothing when the item's id was recorded before, so a sync repeated after
 * a lost answer records nothing twice. Only built-in catalog templates can be practised offline:
 * a course's questions live on the server.
 */
export async function syncOfflinePractice({ db, userId, items, now }: SyncOfflinePracticeOptions): Promise<OfflinePracticeOutcome[]> {
  const outcomes: OfflinePracticeOutcome[] = [];
  for (const item of items) outcomes.push(await recordItem(db, userId, item, now));
  return outcomes;
}

async function recordItem(db: PrismaClient, userId: string, item: OfflinePracticeItem, now: Date): Promise<OfflinePracticeOutcome> {
  if (!getTemplate(item.template)) return { id: item.id, status: "rejected", reason: "unknown-template" };
  const problem = sampleProblem({ template: item.template, seed: item.seed, lang: item.lang });
  const grade = gradeAnswer({ problem, answer: item.answer });
  if (!grade.gradable) return { id: item.id, status: "rejected", reason: "not-gradable" };

  const answeredAt = new Date(Math.min(now.getTime(), Math.max(item.answeredAt.getTime(), now.getTime() - OLDEST_MS)));
  const elapsedMs = Math.min(Math.max(0, Math.round(item.elapsedMs)), MAX_ELAPSED_MS);
  const issuedAt = new Date(answeredAt.getTime() - elapsedMs);
  const medianMs = await medianAnswerTime(db, item.template, problem.answer.kind);
  const rating = suggestRating({ correct: grade.correct, score: grade.score, elapsedMs, medianMs });

  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH "issued" AS (
      INSERT INTO "variants" ("id", "userId", "mode", "templateId", "seed", "lang", "issuedAt", "answeredAt")
      VALUES ($1::text, $2::text, 'practice', $3::text, $4::int, $5::text, $6::timestamp(3), $7::timestamp(3))
      ON CONFLICT ("id") DO NOTHING RETURNING "id"
    )
    INSERT INTO "reviews" ("id", "variantId", "userId", "mode", "templateId", "seed", "lang", "answer", "score", "correct",
      "rating", "suggestedRating", "elapsedMs", "mistake", "reviewedAt", "offline")
    SELECT $8::text, "issued"."id", $2::text, 'practice', $3::text, $4::int, $5::text, $9::text, $10::float8, $11::boolean,
      $12::int, $12::int, $13::int, $14::text, $7::timestamp(3), true FROM "issued"
    RETURNING "id"`,
    item.id,
    userId,
    item.template,
    item.seed,
    item.lang,
    issuedAt,
    answeredAt,
    randomUUID(),
    item.answer,
    grade.score,
    grade.correct,
    rating,
    elapsedMs,
    grade.mistake ?? null,
  );
  if (rows.length > 0) return { id: item.id, status: "recorded", correct: grade.correct, score: grade.score };
  const existing = await db.variant.findUnique({ where: { id: item.id }, select: { userId: true } });
  return existing?.userId === userId ? { id: item.id, status: "already-recorded" } : { id: item.id, status: "rejected", reason: "id-taken" };
}
