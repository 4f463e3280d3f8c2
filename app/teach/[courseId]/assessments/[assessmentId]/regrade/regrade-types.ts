import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/server/root";

/** What the regrade procedures answer, as the page's components receive them. */
type Outputs = inferRouterOutputs<AppRouter>["assessments"];
export type RegradeCandidate = Outputs["regradeCandidates"][number];
export type RegradePreview = Outputs["regradePreview"];
export type RegradeChange = RegradePreview["changes"][number];
export type RegradeResult = Outputs["regradeApply"];
