/**
 * The job queue on pg-boss (https://github.com/timgit/pg-boss, v10): jobs are rows in the schema
 * `pgboss` of Stride's own database, fetched with FOR UPDATE SKIP LOCKED, so every instance on
 * one PostgreSQL server shares one queue, each job runs once, and a job that was waiting or
 * running when a process died is still there when one starts again (a running job is retried
 * once its expiry passes). On the embedded PGlite the same code runs over PGlite's socket.
 */
import PgBoss from "pg-boss";
import type { DatabaseKind } from "@/lib/db";
import type { JobHandler, JobQueue, JobState, JobStatus, SendJobOptions } from "./job-queue";

export type QueueDefinition = {
  /** Retries after a failure (a throw, or the expiry of a job whose process died). */
  retryLimit: number;
  /** A running job not finished after this long is taken to be lost and retried. */
  expireInSeconds: number;
  /** Seconds before the first retry (pg-boss's default: 0). */
  retryDelay?: number;
  /** Double the delay at each retry (exponential backoff, with pg-boss's jitter). */
  retryBackoff?: boolean;
};

export type CreatePgBossQueueOptions = {
  url: string;
  kind: DatabaseKind;
  /** The queues this process sends to or works; created when missing. */
  queues: Record<string, QueueDefinition>;
  /** How often an idle worker looks for a job (pg-boss allows 0.5 s and up). */
  pollingIntervalSeconds?: number;
  /** How long `stop` waits for running jobs before closing. */
  stopTimeoutMs?: number;
  onError?: (error: Error) => void;
};

const STATES: Record<string, JobState> = {
  created: "queued",
  retry: "queued",
  active: "running",
  completed: "done",
  cancelled: "failed",
  failed: "failed",
};

type JobRow = { id: string; state: string; created_on: Date; completed_on: Date | null; output: unknown };

export async function createPgBossQueue(options: CreatePgBossQueueOptions): Promise<JobQueue> {
  const { url, kind, queues, pollingIntervalSeconds = 1, stopTimeoutMs = 20_000, onError } = options;
  const boss = new PgBoss({
    connectionString: url,
    application_name: "stride-jobs",
    // PGlite runs one message at a time whatever the pool; two connections let a poll wait
    // behind a job's query without refusing it (lib/db/embedded.ts allows a few).
    max: kind === "pglite" ? 2 : 4,
    // Cron sends the scheduled jobs (the minute's sweep of expired attempts): each instance looks
    // every 30 s, and pg-boss's cron lock and 60-second singleton make one job a tick for all.
    schedule: true,
  });
  boss.on("error", (error) => onError?.(error));
  await boss.start();
  for (const [name, definition] of Object.entries(queues)) {
    // "stately": at most one job per singleton key waits and one runs (pg-boss's queue policies).
    await boss.createQueue(name, { name, policy: "stately", ...definition });
  }
  const db = boss.getDb();

  const queue: JobQueue = {
    async send(name, data, sendOptions: SendJobOptions = {}) {
      const id = await boss.send(name, data, sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {});
      if (id) return id;
      // Refused by the policy: one with this key already waits; answer that one.
      const waiting = sendOptions.singletonKey ? await queue.latestJob(name, sendOptions.singletonKey) : null;
      if (!waiting) throw new Error(`pg-boss refused a job for ${name} and none is waiting`);
      return waiting.id;
    },

    async work<Data extends object>(name: string, handler: JobHandler<Data>) {
      await boss.work<Data>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
        if (!job) return undefined;
        return handler(job.data, { id: job.id });
      });
    },

    async schedule(name: string, cron: string) {
      await boss.schedule(name, cron, {}, { tz: "UTC" });
    },

    async latestJob<Output>(name: string, singletonKey: string): Promise<JobStatus<Output> | null> {
      // Finished jobs move to the archive after a while (pg-boss's maintenance); look in both.
      const { rows } = await db.executeSql(
        `SELECT id, state, created_on, completed_on, output FROM pgboss.job WHERE name = $1 AND singleton_key = $2
         UNION ALL
         SELECT id, state, created_on, completed_on, output FROM pgboss.archive WHERE name = $1 AND singleton_key = $2
         ORDER BY created_on DESC LIMIT 1`,
        [name, singletonKey],
      );
      const row = rows[0] as JobRow | undefined;
      if (!row) return null;
      const state = STATES[row.state] ?? "queued";
      return {
        id: row.id,
        state,
        createdAt: new Date(row.created_on),
        finishedAt: row.completed_on ? new Date(row.completed_on) : null,
        output: (state === "done" || state === "failed" ? row.output : null) as Output | null,
      };
    },

    async forget(name: string, singletonKey: string) {
      // A running job is left to its worker (it finishes or fails, and is archived as usual).
      const { rows } = await db.executeSql(
        `WITH waiting AS (DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state <> 'active' RETURNING 1),
              archived AS (DELETE FROM pgboss.archive WHERE name = $1 AND singleton_key = $2 RETURNING 1)
         SELECT (SELECT count(*) FROM waiting) + (SELECT count(*) FROM archived) AS forgotten`,
        [name, singletonKey],
      );
      return Number((rows[0] as { forgotten: number | string } | undefined)?.forgotten ?? 0);
    },

    async depths() {
      const sizes = await Promise.all(Object.keys(queues).map(async (name) => [name, await boss.getQueueSize(name)] as const));
      return Object.fromEntries(sizes);
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs });
    },
  };
  return queue;
}
