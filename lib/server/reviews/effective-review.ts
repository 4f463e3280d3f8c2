/**
 * What a review counts as after its amendments (append-only rows): taken back by an "undo", or
 * rated again by a "rating" amendment, the latest one winning.
 */
export interface AmendmentRow {
  kind: string;
  rating: number | null;
  createdAt: Date;
}

export function isUndone(amendments: readonly AmendmentRow[]): boolean {
  return amendments.some((amendment) => amendment.kind === "undo");
}

export function effectiveRating(review: { rating: number }, amendments: readonly AmendmentRow[]): number {
  const ratings = amendments
    .filter((amendment) => amendment.kind === "rating" && amendment.rating !== null)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return ratings.at(-1)?.rating ?? review.rating;
}
