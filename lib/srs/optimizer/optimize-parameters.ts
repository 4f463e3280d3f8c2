import { computeParameters } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { historyLogLoss } from "./log-loss";
import { countReviews, type ReviewHistory, toFsrsItems } from "./review-history";

/**
 * The app offers "optimise my parameters" from this many reviews on. FSRS's optimizer needs a few
 * hundred recall tests before its weights beat the defaults reliably (Anki's FSRS documentation
 * asks for at least 400 reviews before optimising a preset).
 */
export const MIN_REVIEWS_TO_OPTIMIZE = 400;

export interface OptimizedParameters {
  /** The fitted FSRS-6 weights (21 numbers), for the scheduler's `w`. */
  parameters: number[];
  /** Log loss of FSRS's default weights (see `historyLogLoss`), on the evaluation cards. */
  logLossBefore: number;
  /** Log loss of the fitted weights on the same cards. */
  logLossAfter: number;
  /** Reviews the weights were fitted on and reviews they were scored on (the same when none held out). */
  trainingReviews: number;
  evaluationReviews: number;
}

/**
 * Fits FSRS weights to a learner's history with the FSRS optimizer (fsrs-rs through
 * `@open-spaced-repetition/binding`, `computeParameters`) and scores the defaults and the fit.
 * With `heldOutFraction` f, the last ⌈f · cards⌉ cards of the history are kept out of the fit and
 * both losses are measured on them only, so "after" is not flattered by fitting the same reviews.
 * Whether there are enough reviews (`MIN_REVIEWS_TO_OPTIMIZE`) is the caller's decision.
 * `enableShortTerm` and one relearning step match the app's scheduler (`schedule-review.ts`).
 */
export async function optimizeParameters({
  history,
  heldOutFraction = 0,
}: {
  history: ReviewHistory;
  heldOutFraction?: number;
}): Promise<OptimizedParameters> {
  if (heldOutFraction < 0 || heldOutFraction >= 1) throw new Error(`heldOutFraction must be in [0, 1): ${heldOutFraction}`);
  const heldOut = Math.ceil(heldOutFraction * history.length);
  const training = history.slice(0, history.length - heldOut);
  const evaluation = heldOut > 0 ? history.slice(history.length - heldOut) : history;
  const parameters = await computeParameters(toFsrsItems(training), { enableShortTerm: true, numRelearningSteps: 1 });
  return {
    parameters,
    logLossBefore: historyLogLoss(evaluation, default_w),
    logLossAfter: historyLogLoss(evaluation, parameters),
    trainingReviews: countReviews(training),
    evaluationReviews: countReviews(evaluation),
  };
}
