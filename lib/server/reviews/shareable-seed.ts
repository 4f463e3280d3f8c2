/**
 * The seed a learner's own export may show for a review. An assessment's variants are derived from
 * its attempt's seed, which stays on the server: a try's seed in a download would let a script
 * search the attempt seeds for the one that made it, and so find the keys of the attempt's other
 * questions and next tries (or of an exam question still open). So a review of mode "assessment"
 * is exported without its seed; review and practice seeds are the learner's to keep.
 */
export function shareableSeed(review: { mode: string; seed: number }): number | null {
  return review.mode === "assessment" ? null : review.seed;
}
