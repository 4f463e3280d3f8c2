import { accountRouter } from "./routers/account";
import { assessmentsRouter } from "./routers/assessments";
import { banksRouter } from "./routers/banks";
import { coursesRouter } from "./routers/courses";
import { engineRouter } from "./routers/engine";
import { gradebookRouter } from "./routers/gradebook";
import { problemsRouter } from "./routers/problems";
import { progressRouter } from "./routers/progress";
import { questionsRouter } from "./routers/questions";
import { reviewRouter } from "./routers/review";
import { settingsRouter } from "./routers/settings";
import { statisticsRouter } from "./routers/statistics";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  account: accountRouter,
  assessments: assessmentsRouter,
  banks: banksRouter,
  courses: coursesRouter,
  engine: engineRouter,
  gradebook: gradebookRouter,
  problems: problemsRouter,
  progress: progressRouter,
  questions: questionsRouter,
  review: reviewRouter,
  settings: settingsRouter,
  statistics: statisticsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
