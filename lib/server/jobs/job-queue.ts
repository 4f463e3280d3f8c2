/**
 * Background work that must survive a restart (the FSRS optimizer now; grade passback and
 * regrading later) goes through one queue, kept in the database. This file is the interface the
 * rest of the server uses; ./pg-boss-queue.ts implements it with pg-boss, on PostgreSQL and on the
 * embedded PGlite alike (pg-boss talks to PGlite over its wire-protocol socket, checked by
 * tests/integration/job-queue.test.ts), so no second, in-process implementation is needed.
 *
 * The launcher (scripts/start.ts) starts the queue and its workers in the server's process and
 * hands it over with `setJobQueue`; procedures reach it with `getJobQueue`. No `server-only`
 * import: the launcher runs outside Next.js.
 */

/** Where a job is: waiting (or waiting to retry), being worked, finished, or given up on. */
export type JobState = "queued" | "running" | "done" | "failed";

export type JobStatus<Output = unknown> = {
  id: string;
  state: JobState;
  createdAt: Date;
  finishedAt: Date | null;
  /** What the handler returned (done), or the error it threw (failed): `{ message }`. */
  output: Output | null;
};

export type SendJobOptions = {
  /**
   * At most one job with this key waits at a time (a second send while one is queued is a no-op
   * that answers the waiting job's id): a double click or two instances enqueue once.
   */
  singletonKey?: string;
};

export type JobHandler<Data> = (data: Data, job: { id: string }) => Promise<unknown>;

export interface JobQueue {
  /** Enqueues a job; answers its id, or the waiting job's id when `singletonKey` already waits. */
  send<Data extends object>(name: string, data: Data, options?: SendJobOptions): Promise<string>;
  /** Runs `handler` for jobs of `name` in this process, one at a time; a throw marks the job failed. */
  work<Data extends object>(name: string, handler: JobHandler<Data>): Promise<void>;
  /**
   * Sends a job of `name` on this cron schedule (UTC, minute resolution), once a tick across every
   * instance sharing the database. Scheduling a name again replaces its schedule.
   */
  schedule(name: string, cron: string): Promise<void>;
  /** The newest job with this `singletonKey`, or null. */
  latestJob<Output = unknown>(name: string, singletonKey: string): Promise<JobStatus<Output> | null>;
  /**
   * Deletes the jobs with this `singletonKey` that are not running (waiting, finished, archived),
   * data and output with them: a deleted account's optimizer runs. Answers how many went.
   */
  forget(name: string, singletonKey: string): Promise<number>;
  /** Jobs waiting (queued or waiting to retry), per queue name: the metric `stride_job_queue_depth`. */
  depths(): Promise<Record<string, number>>;
  /** Stops taking jobs, waits for the running ones (up to a timeout), and closes the connections. */
  stop(): Promise<void>;
}

// One queue per process, across Next.js's route bundles and the launcher.
const holder = globalThis as typeof globalThis & { strideJobQueue?: JobQueue };

export function setJobQueue(queue: JobQueue | undefined) {
  holder.strideJobQueue = queue;
}

export function getJobQueue(): JobQueue {
  if (!holder.strideJobQueue) throw new Error("The job queue is not started: start Stride with `npm start`, which starts it.");
  return holder.strideJobQueue;
}

/** The queue when one is started (metrics ask without insisting). */
export function findJobQueue(): JobQueue | undefined {
  return holder.strideJobQueue;
}
