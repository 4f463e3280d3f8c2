/**
 * The threads that typeset the review cycle's documents (prompts, options, feedback, worked
 * solutions), apart from the pool of ./pool.ts. Typesetting a fresh variant's Markdown and KaTeX
 * was a quarter of the request thread's CPU under a lecture hall's load (docs/BENCHMARKS.md,
 * issue 11); on its own threads it runs on the cores the request thread leaves idle, and a
 * validation run of several seconds on the other pool never delays a learner's next problem.
 * Each thread keeps its own caches (markdown/cache.ts), so the threads are few; on two cores there
 * are none (see RESERVED_CORES).
 */
import { availableParallelism } from "node:os";
import { env, type Env } from "@/lib/env";
import { WorkerPool, type WorkerPoolOptions } from "./pool";

// A task typesets a handful of documents (tens of milliseconds for a long new solution): a queue
// this deep is seconds of work, past which the request thread typesets for itself.
const QUEUE_PER_THREAD = 64;
const TASK_TIMEOUT_MS = 10_000;
const MAX_DEFAULT_THREADS = 4;
// The request thread and the database (or the embedded one's thread) keep a core each. On two
// cores a render thread only takes turns with them: the load bench lost 7-17 % of its graded
// answers a second with one (docs/BENCHMARKS.md), so there the request thread typesets.
const RESERVED_CORES = 2;

/** The pool's options, or null when typesetting stays on the request thread. */
export function renderPoolOptionsFrom(config: Env, cores: number = availableParallelism()): WorkerPoolOptions | null {
  const threads = config.STRIDE_RENDER_THREADS ?? Math.min(MAX_DEFAULT_THREADS, cores - RESERVED_CORES);
  if (threads <= 0) return null;
  return { threads, maxQueue: threads * QUEUE_PER_THREAD, taskTimeoutMs: TASK_TIMEOUT_MS };
}

// One pool a process, whichever bundle (Next.js's routes, the launcher's API) asks for it.
const holder = globalThis as typeof globalThis & { strideRenderPool?: WorkerPool | null };

/** The process's render pool, created on first use; null when STRIDE_RENDER_THREADS=0 (or two cores or fewer). */
export function getRenderPool(): WorkerPool | null {
  if (holder.strideRenderPool === undefined) {
    const options = renderPoolOptionsFrom(env());
    holder.strideRenderPool = options ? new WorkerPool(options) : null;
  }
  return holder.strideRenderPool;
}

/** Stops the process's render pool (tests, shutdown); the next call starts a new one. */
export async function closeRenderPool(): Promise<void> {
  const pool = holder.strideRenderPool;
  holder.strideRenderPool = undefined;
  await pool?.close();
}
