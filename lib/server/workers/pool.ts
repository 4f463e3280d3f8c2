/**
 * CPU-heavy work off the request thread: a Piscina pool of worker threads, sized to the cores, with
 * a bounded queue and a time limit per task. A validation run over 1,000 variants or an engine
 * sweep then keeps one thread busy while the request thread goes on answering everyone else
 * (issue 11, item 7: one heavy request stalled /api/health for seconds).
 *
 * The threads run our TypeScript from source through tsx (`--import tsx`), in `npm start`'s
 * production server, in `npm run dev` and in vitest alike. The entry file is found from the
 * project root (the working directory, or a folder above it), never from this module's own
 * location: in the Next.js build this module is bundled into .next/, far from lib/.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { env, type Env } from "@/lib/env";
import { AppError } from "../errors";
import type { TaskReply } from "./dispatch";
import type { TaskInput, TaskName, TaskOutput } from "./tasks";

export const WORKER_ENTRY = path.join("lib", "server", "workers", "worker.ts");

/** The folder holding lib/server/workers/worker.ts: the working directory or one above it. */
export function findProjectRoot(from: string = process.cwd()): string {
  // Found at run time on purpose; the comments keep Next.js's file tracing from including the whole project.
  for (let dir = path.resolve(/*turbopackIgnore: true*/ from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, WORKER_ENTRY))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find ${WORKER_ENTRY} in ${from} or a folder above it: start Stride from its folder.`);
  }
}

export interface WorkerPoolOptions {
  /** The worker entry; default: lib/server/workers/worker.ts of the project. */
  filename?: string;
  threads: number;
  /** Tasks that may wait for a free thread; one more is refused as "busy" (503). */
  maxQueue: number;
  /** A task not answered this long after it was handed over (waiting included) is stopped (its thread terminated) and answered TIMEOUT. */
  taskTimeoutMs: number;
  /** An idle thread exits after this long (threads start again on demand). */
  idleTimeoutMs?: number;
}

export interface TaskRecord {
  name: string;
  threadId: number;
}

/** Retry-After for a full queue: a validation run takes a few seconds. */
const BUSY_RETRY_SECONDS = 5;
const HISTORY = 50;

export class WorkerPool {
  readonly #piscina: Piscina;
  readonly #taskTimeoutMs: number;
  /** Tasks running or waiting at most; Piscina's own maxQueue does not count tasks with a signal. */
  readonly #capacity: number;
  readonly #history: TaskRecord[] = [];
  #answered = 0;
  #pending = 0;

  constructor(options: WorkerPoolOptions) {
    const filename = options.filename ?? path.join(/*turbopackIgnore: true*/ findProjectRoot(), WORKER_ENTRY);
    this.#taskTimeoutMs = options.taskTimeoutMs;
    this.#capacity = options.threads + options.maxQueue;
    this.#piscina = new Piscina({
      filename,
      execArgv: ["--import", "tsx"],
      // At least one thread stays: a warm one answers at once (a thread takes seconds to load our
      // code), and Piscina replaces a thread stopped by a timeout only up to minThreads, so with
      // none the tasks queued behind a stopped one would wait for the next task to come.
      minThreads: 1,
      maxThreads: options.threads,
      idleTimeout: options.idleTimeoutMs ?? 5 * 60_000,
      // One runaway task must not take the whole server's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    // A thread that fails outside a task (it cannot load its entry, say) is reported here; its
    // waiting tasks end at their time limit. Without a listener the error would crash the server.
    this.#piscina.on("error", (error: unknown) => console.error("worker thread failed:", error));
  }

  /** Runs a task by name on a worker thread; its AppError comes back as an AppError. */
  async run(name: string, input: unknown, options: { timeoutMs?: number } = {}): Promise<unknown> {
    const timeoutMs = options.timeoutMs ?? this.#taskTimeoutMs;
    if (this.#pending >= this.#capacity) {
      throw new AppError("UNAVAILABLE", "The server is busy; try again in a few seconds.", {
        retryAfterSeconds: BUSY_RETRY_SECONDS,
        reason: "server.busy",
        params: { seconds: BUSY_RETRY_SECONDS },
      });
    }
    let reply: TaskReply;
    this.#pending += 1;
    try {
      reply = (await this.#piscina.run({ name, input }, { signal: AbortSignal.timeout(timeoutMs) })) as TaskReply;
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") {
        const seconds = Math.round(timeoutMs / 1000);
        throw new AppError("TIMEOUT", `This took longer than ${seconds} s and was stopped.`, { reason: "server.tookTooLong", params: { seconds } });
      }
      throw error;
    } finally {
      this.#pending -= 1;
    }
    this.#history.push({ name, threadId: reply.threadId });
    if (this.#history.length > HISTORY) this.#history.shift();
    this.#answered += 1;
    if (reply.ok) return reply.output;
    if ("appError" in reply) {
      const { code, message, retryAfterSeconds, reason, params } = reply.appError;
      throw new AppError(code, message, { retryAfterSeconds, reason, params });
    }
    const failure = new Error(`worker task "${name}" failed: ${reply.failure.message}`);
    failure.name = reply.failure.name;
    if (reply.failure.stack) failure.stack = reply.failure.stack;
    throw failure;
  }

  /** Tasks handed to the pool and not yet answered (running or queued). */
  get pending(): number {
    return this.#pending;
  }

  /** The latest tasks answered, oldest first, with the thread that ran each. */
  get history(): readonly TaskRecord[] {
    return this.#history;
  }

  /** How many tasks the pool has answered in all (the history keeps only the latest). */
  get answered(): number {
    return this.#answered;
  }

  /**
   * The tasks answered since `answered` read this value, oldest first: a count, not the history's
   * length, which stops growing once the history is full.
   */
  historySince(answered: number): readonly TaskRecord[] {
    const since = this.#answered - answered;
    return since <= 0 ? [] : this.#history.slice(-since);
  }

  close(): Promise<void> {
    return this.#piscina.destroy();
  }
}

export function workerPoolOptionsFrom(config: Env): WorkerPoolOptions {
  const threads = config.STRIDE_WORKER_THREADS ?? Math.max(1, availableParallelism() - 1);
  return { threads, maxQueue: config.STRIDE_WORKER_MAX_QUEUE ?? threads * 32, taskTimeoutMs: config.STRIDE_WORKER_TASK_TIMEOUT_MS };
}

// Next.js may load this module more than once (route bundles); one process keeps one pool.
const holder = globalThis as typeof globalThis & { strideWorkerPool?: WorkerPool };

/** The process's pool, created on first use from the environment (lib/env.ts). */
export function getWorkerPool(): WorkerPool {
  holder.strideWorkerPool ??= new WorkerPool(workerPoolOptionsFrom(env()));
  return holder.strideWorkerPool;
}

/** Stops the process's pool (tests, shutdown); the next task starts a new one. */
export async function closeWorkerPool(): Promise<void> {
  const pool = holder.strideWorkerPool;
  holder.strideWorkerPool = undefined;
  await pool?.close();
}

/** Runs a named task of ./tasks.ts on the process's pool. */
export async function runTask<N extends TaskName>(name: N, input: TaskInput<N>, options: { timeoutMs?: number } = {}): Promise<TaskOutput<N>> {
  return (await getWorkerPool().run(name, input, options)) as TaskOutput<N>;
}
