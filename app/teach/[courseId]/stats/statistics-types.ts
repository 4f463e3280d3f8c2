import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/server/root";

/** The shapes statistics.course answers with, for the page's pieces. */
type CourseStatistics = inferRouterOutputs<AppRouter>["statistics"]["course"];
export type ItemStatistics = CourseStatistics["items"][number];
export type LearnerStatistics = CourseStatistics["learners"][number];
