import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/server/root";

/** What the regrade procedures answer, as the page's components receive them. */
type Outputs = inferRouterOutputs<AppRouter>["assessments"];
export type RegradeCandidate = Outputs["regradeCandidates"][number];
export type RegradePreview = Outputs["regradePreview"];
export type RegradeChange = RegradePreview["changes"][number];
/** The regrade job an apply enqueued (or found waiting), as its state is polled. */
export type RegradeJob = Outputs["regradeApply"];
export type RegradeResult = NonNullable<RegradeJob["result"]>;
export type RegradeHistoryEntry = Outputs["regradeHistory"][number];
