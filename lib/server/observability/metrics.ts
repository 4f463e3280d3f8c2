/**
 * Stride's Prometheus metrics (prom-client), served at /metrics (app/metrics/route.ts):
 * - `stride_trpc_request_duration_seconds{procedure,type,status}`: latency per procedure call;
 * - `stride_trpc_errors_total{procedure,code}`: calls that ended in an error, by tRPC code;
 * - `stride_graded_answers_total{correct}`: answers graded (review and practice);
 * - `stride_job_queue_depth{queue}`: jobs waiting, read from the queue when scraped;
 * - prom-client's default Node.js metrics, event-loop lag (`nodejs_eventloop_lag_*`) among them.
 * One registry per process, on globalThis, whichever route bundle or the launcher asks first.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { findJobQueue } from "../jobs/job-queue";

export type StrideMetrics = {
  registry: Registry;
  trpcDuration: Histogram<"procedure" | "type" | "status">;
  trpcErrors: Counter<"procedure" | "code">;
  gradedAnswers: Counter<"correct">;
  jobQueueDepth: Gauge<"queue">;
};

export function createMetrics(): StrideMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    trpcDuration: new Histogram({
      name: "stride_trpc_request_duration_seconds",
      help: "Time to answer one tRPC procedure call, by procedure, type and outcome (ok or the tRPC error code).",
      labelNames: ["procedure", "type", "status"],
      // From a cached lookup (a few ms) to a validation run or an export (seconds).
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    trpcErrors: new Counter({
      name: "stride_trpc_errors_total",
      help: "tRPC procedure calls that ended in an error, by procedure and tRPC error code.",
      labelNames: ["procedure", "code"],
      registers: [registry],
    }),
    gradedAnswers: new Counter({
      name: "stride_graded_answers_total",
      help: "Answers graded (reviews and practice), by whether they were correct.",
      labelNames: ["correct"],
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: "stride_job_queue_depth",
      help: "Background jobs waiting to run (queued or waiting to retry), by queue.",
      labelNames: ["queue"],
      registers: [registry],
      async collect() {
        const queue = findJobQueue();
        if (!queue) return;
        const depths = await queue.depths().catch(() => ({}) as Record<string, number>);
        for (const [name, depth] of Object.entries(depths)) this.set({ queue: name }, depth);
      },
    }),
  };
}

const holder = globalThis as typeof globalThis & { strideMetrics?: StrideMetrics };

export function getMetrics(): StrideMetrics {
  holder.strideMetrics ??= createMetrics();
  return holder.strideMetrics;
}
