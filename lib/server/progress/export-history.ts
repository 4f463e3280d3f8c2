import type { PrismaClient } from "@/lib/db";
import { toCsv, type CsvValue } from "./csv";
import { effectiveReview } from "../reviews/effective-review";
import { shareableSeed } from "../reviews/shareable-seed";
import { skillCatalog } from "../reviews/skill-catalog";

/** The columns of an export, in order; the JSON export uses the same names. */
export const EXPORT_COLUMNS = [
  "reviewedAt", "template", "topic", "seed", "lang", "mode", "answer", "score", "correct", "rating", "suggestedRating", "elapsedMs", "mistake", "undone",
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], CsvValue>;

/**
 * The learner's whole history, oldest first, one row per review; `rating` is the effective rating
 * after amendments and `undone` says whether the learner took the review back.
 */
export async function exportHistoryRows({ db, userId }: { db: PrismaClient; userId: string }): Promise<ExportRow[]> {
  const reviews = await db.review.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    include: { amendments: { select: { kind: true, rating: true, createdAt: true } } },
  });
  const catalog = await skillCatalog(db, reviews.map((review) => review.templateId));
  return reviews.map((review) => {
    const { rating, undone } = effectiveReview(review);
    return {
      reviewedAt: review.reviewedAt.toISOString(),
      template: review.templateId,
      topic: catalog.get(review.templateId)?.topic ?? null,
      seed: shareableSeed(review),
      lang: review.lang,
      mode: review.mode,
      answer: review.answer,
      score: review.score,
      correct: review.correct,
      rating,
      suggestedRating: review.suggestedRating,
      elapsedMs: review.elapsedMs,
      mistake: review.mistake,
      undone,
    };
  });
}

export type ExportFormat = "csv" | "json";

/** The export as a file: its name, media type and text. */
export async function exportHistory({ db, userId, format, now }: { db: PrismaClient; userId: string; format: ExportFormat; now: Date }) {
  const rows = await exportHistoryRows({ db, userId });
  const stamp = now.toISOString().slice(0, 10);
  if (format === "json") {
    return { filename: `stride-history-${stamp}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(rows, null, 2)}\n` };
  }
  const body = toCsv(EXPORT_COLUMNS, rows.map((row) => EXPORT_COLUMNS.map((column) => row[column])));
  return { filename: `stride-history-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body };
}
