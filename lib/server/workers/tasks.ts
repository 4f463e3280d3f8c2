/**
 * The work that runs off the request thread, by name: one entry a task. A new task is a module
 * under ./tasks and one line here; `runTask` (./pool.ts) is typed from this map.
 *
 * Task modules run inside a worker thread, loaded by tsx from source: they must not import
 * `server-only` (it throws outside Next.js's server bundle) and take and return plain data
 * (structured clone: no class instances, no functions).
 */
import { checkEngine } from "./tasks/check-engine";
import { optimizeLearnerHistory } from "./tasks/optimize-parameters";
import { regradeAnswers } from "./tasks/regrade-answers";
import { renderDocuments } from "./tasks/render-documents";
import { validateQuestion } from "./tasks/validate-question";

export const taskHandlers = {
  checkEngine,
  optimizeLearnerHistory,
  regradeAnswers,
  renderDocuments,
  validateQuestion,
};

export type TaskName = keyof typeof taskHandlers;
export type TaskInput<N extends TaskName> = Parameters<(typeof taskHandlers)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof taskHandlers)[N]>>;
