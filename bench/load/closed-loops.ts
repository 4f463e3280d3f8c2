/**
 * The two closed loops the bench runs, each with N concurrent clients that send their next
 * request as soon as the last one is answered:
 * - the health floor: GET /api/health (a route handler and one database ping), the least a
 *   request can cost on this server;
 * - the API's floor: GET /api/trpc/account.me as a signed-in learner, a query that does nothing
 *   but what every API call does (the session from its cookie, the request limiter's counters in
 *   the database, the log line, the metrics); `npm start` serves it without Next.js's router,
 *   unlike /api/health;
 * - the review cycle: review.next, then review.submit of what it issued (again after a format
 *   error), as learners in a lecture answer.
 * Only calls that complete inside the measured window count; a warm-up runs first.
 */
import type { Answer } from "@/lib/problems";
import type { Answerer, IssuedProblem } from "./answerer";
import type { HttpClient } from "./http-client";
import { call, type Learner, query } from "./learner-client";
import { Samples } from "./stats";

export interface Window {
  warmupMs: number;
  measureMs: number;
}

async function runWindow(concurrency: number, window: Window, loop: (inWindow: () => boolean, done: () => boolean) => Promise<void>) {
  const start = performance.now();
  const from = start + window.warmupMs;
  const until = from + window.measureMs;
  const inWindow = () => {
    const now = performance.now();
    return now >= from && now <= until;
  };
  const done = () => performance.now() > until;
  await Promise.all(Array.from({ length: concurrency }, () => loop(inWindow, done)));
}

export interface HealthResult {
  requestsPerSecond: number;
  latency: Samples;
  errors: number;
}

export async function healthLoop(client: HttpClient, concurrency: number, window: Window): Promise<HealthResult> {
  const latency = new Samples();
  let errors = 0;
  await runWindow(concurrency, window, async (inWindow, done) => {
    while (!done()) {
      const res = await client.request("GET", "/api/health");
      if (!inWindow()) continue;
      if (res.status === 200) latency.add(res.ms);
      else errors += 1;
    }
  });
  return { requestsPerSecond: latency.count / (window.measureMs / 1000), latency, errors };
}

/** N closed loops of account.me, each as one of the signed-up learners. */
export async function apiFloorLoop(client: HttpClient, learners: Learner[], concurrency: number, window: Window): Promise<HealthResult> {
  const latency = new Samples();
  let errors = 0;
  let seat = 0;
  await runWindow(concurrency, window, async (inWindow, done) => {
    const learner = learners[seat++ % learners.length]!;
    while (!done()) {
      const res = await query(client, learner, "account.me");
      if (!inWindow()) continue;
      if (res.ok) latency.add(res.ms);
      else errors += 1;
    }
  });
  return { requestsPerSecond: latency.count / (window.measureMs / 1000), latency, errors };
}

export interface CycleResult {
  gradedPerSecond: number;
  graded: number;
  correct: number;
  next: Samples;
  submit: Samples;
  formatErrors: number;
  errors: string[];
  /** Learners who met every skill (caught up) and handed their seat to a fresh one. */
  learnersUsed: number;
}

type NextResult = { status: "issued"; variantId: string; problem: IssuedProblem["problem"] } | { status: "caught-up" | "walkthrough" };
type SubmitResult = { status: "graded"; correct: boolean; expected: Answer } | { status: "format-error"; formatError: { en: string } };

export async function reviewLoop(client: HttpClient, pool: Learner[], concurrency: number, window: Window, answerer: Answerer): Promise<CycleResult> {
  const next = new Samples();
  const submit = new Samples();
  const errors: string[] = [];
  let graded = 0;
  let correct = 0;
  let formatErrors = 0;
  let learnersUsed = 0;
  const take = () => {
    const learner = pool.shift();
    if (!learner) throw new Error("the pool of signed-up learners ran out: raise --pool");
    learnersUsed += 1;
    return learner;
  };
  await runWindow(concurrency, window, async (inWindow, done) => {
    let learner = take();
    while (!done()) {
      const issued = await call<NextResult>(client, learner, "review.next");
      if (inWindow()) next.add(issued.ms);
      if (!issued.ok || !issued.data) {
        if (inWindow()) errors.push(`review.next: ${issued.error}`);
        continue;
      }
      if (issued.data.status !== "issued") {
        // Every skill met for today (or a leech's walkthrough): the next learner in the hall takes the seat.
        learner = take();
        continue;
      }
      let formatError: string | null = null;
      for (let attempt = 0; attempt < 4 && !done(); attempt += 1) {
        const answer = await answerer.answer(issued.data, formatError);
        const result = await call<SubmitResult>(client, learner, "review.submit", { variantId: issued.data.variantId, answer });
        const counted = inWindow();
        if (counted) submit.add(result.ms);
        if (!result.ok || !result.data) {
          if (counted) errors.push(`review.submit: ${result.error}`);
          break;
        }
        if (result.data.status === "graded") {
          answerer.learn(issued.data.problem.template, result.data.expected);
          if (counted) {
            graded += 1;
            if (result.data.correct) correct += 1;
          }
          break;
        }
        if (counted) formatErrors += 1;
        formatError = result.data.formatError.en;
      }
    }
  });
  return { gradedPerSecond: graded / (window.measureMs / 1000), graded, correct, next, submit, formatErrors, errors, learnersUsed };
}
