import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/server/root";

type Outputs = inferRouterOutputs<AppRouter>["assessments"];

/** What the take page reads from the server, named once (lib/server/assessments holds the shapes). */
export type AttemptData = Outputs["attempt"];
export type AssessmentInfo = AttemptData["assessment"];
export type Attempt = NonNullable<AttemptData["attempt"]>;
export type QuestionSummary = Attempt["questions"][number];
export type QuestionData = Outputs["question"];
export type AnswerResult = Outputs["answer"];
export type GradedTry = Extract<AnswerResult, { status: "graded" }>;
export type CourseAssessment = Outputs["forCourse"][number];
