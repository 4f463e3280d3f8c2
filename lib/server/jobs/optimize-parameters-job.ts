/**
 * "Optimise my parameters" as a background job: the request enqueues it
 * (lib/server/settings/request-parameter-optimization.ts) and a worker runs the optimizer on the
 * learner's history and stores the fit and both log losses on the learner
 * (lib/server/settings/optimize-learner-parameters.ts). The settings page follows the job.
 */
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { optimizeLearnerParameters } from "../settings/optimize-learner-parameters";

export const OPTIMIZE_PARAMETERS_JOB = "optimize-parameters";

const dataSchema = z.object({ userId: z.string().min(1) });

export type OptimizeParametersOutput = Awaited<ReturnType<typeof optimizeLearnerParameters>>;

export function optimizeParametersHandler({ db, now }: { db: PrismaClient; now: () => Date }) {
  return async (data: unknown): Promise<OptimizeParametersOutput> => {
    const { userId } = dataSchema.parse(data);
    return optimizeLearnerParameters({ db, userId, now: now() });
  };
}
