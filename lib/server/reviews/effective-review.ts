/**
 * A review as it counts now, after the learner's amendments: the latest "rating" amendment's
 * rating replaces the one applied at grading time, and an "undo" takes the review out of the
 * schedule (it stays in the history, shown as undone). Amendments are append-only, so "latest"
 * is by creation time.
 */
export interface Amendment {
  kind: string;
  rating: number | null;
  createdAt: Date;
}

export function effectiveReview({ rating, amendments }: { rating: number; amendments: readonly Amendment[] }): { rating: number; undone: boolean } {
  let effective = rating;
  let latest = -Infinity;
  let undone = false;
  for (const amendment of amendments) {
    if (amendment.kind === "undo") undone = true;
    if (amendment.kind === "rating" && amendment.rating !== null && amendment.createdAt.getTime() >= latest) {
      latest = amendment.createdAt.getTime();
      effective = amendment.rating;
    }
  }
  return { rating: effective, undone };
}
