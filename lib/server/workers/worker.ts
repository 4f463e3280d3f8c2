/**
 * The entry of every worker thread of the pool (./pool.ts): Piscina calls the default export with
 * each task. Loaded from source by tsx (`--import tsx` in the thread's execArgv).
 */
import { createTaskDispatcher } from "./dispatch";
import { taskHandlers } from "./tasks";

export default createTaskDispatcher(taskHandlers);
