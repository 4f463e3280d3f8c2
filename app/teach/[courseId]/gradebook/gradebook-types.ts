import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/server/root";

/** What the gradebook procedures answer, as the page's components receive it. */
type Outputs = inferRouterOutputs<AppRouter>["gradebook"];
export type Gradebook = Outputs["course"];
export type GradebookAssessment = Gradebook["assessments"][number];
export type GradebookLearner = Gradebook["learners"][number];
export type GradebookCell = GradebookLearner["cells"][number];
export type AssessmentStatistics = Outputs["statistics"];
export type GradebookAttempt = Outputs["attempt"];
