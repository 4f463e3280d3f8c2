import type { ProblemTemplate } from "../template";

/**
 * Templates of group C (see registry.ts), in the order a new learner meets them. Each is one
 * file in this folder; add it here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template has its own params type
export const groupCTemplates: ProblemTemplate<any>[] = [];
