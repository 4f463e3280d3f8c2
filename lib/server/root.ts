import { accountRouter } from "./routers/account";
import { engineRouter } from "./routers/engine";
import { problemsRouter } from "./routers/problems";
import { progressRouter } from "./routers/progress";
import { reviewRouter } from "./routers/review";
import { settingsRouter } from "./routers/settings";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  account: accountRouter,
  engine: engineRouter,
  problems: problemsRouter,
  progress: progressRouter,
  review: reviewRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
