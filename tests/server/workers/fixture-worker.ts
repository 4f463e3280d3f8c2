/** A worker entry for the pool's tests: tasks that report their thread, fail in each way, or never end. */
import { threadId } from "node:worker_threads";
import { AppError } from "@/lib/server/errors";
import { createTaskDispatcher } from "@/lib/server/workers/dispatch";

export default createTaskDispatcher({
  whereAmI: () => ({ threadId }),
  authorMistake: () => {
    throw new AppError("BAD_INPUT", "variables.0.values: give at least one value", { reason: "question.noValues", params: { variable: 0 } });
  },
  bug: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'layers')");
  },
  spin: () => {
    for (;;) {
      // Busy forever: only terminating the thread ends this.
    }
  },
});
