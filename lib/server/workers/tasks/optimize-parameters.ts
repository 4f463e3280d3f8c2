import { optimizeParameters, type OptimizedParameters } from "@/lib/srs/optimizer/optimize-parameters";
import type { ReviewHistory } from "@/lib/srs/optimizer/review-history";

export interface OptimizeParametersInput {
  /** The learner's history as the optimizer reads it (lib/server/settings/optimize-learner-parameters.ts). */
  history: ReviewHistory;
}

/** "Optimise my parameters": the FSRS fit (fsrs-rs) and both log losses, on a worker thread. */
export function optimizeLearnerHistory({ history }: OptimizeParametersInput): Promise<OptimizedParameters> {
  return optimizeParameters({ history });
}
