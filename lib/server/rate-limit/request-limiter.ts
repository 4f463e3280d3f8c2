/**
 * How many calls one person or one address may make, counted in the database so that several app
 * processes on one PostgreSQL server limit as one (DESIGN.md, "Scale"). A call costs points (1 for
 * most, more for heavy procedures: ProcedureMeta.cost); each key has `points` per window:
 * - a signed-in user is counted by user id, and their address by a generous ceiling shared by
 *   everyone signed in behind it (a lecture hall of 200 learners behind one NAT address);
 * - a request without a session is counted by address alone, with a smaller budget.
 * The counters are rate-limiter-flexible's RateLimiterPostgres rows in `request_limits`
 * (key, points, expire: the library's layout, created by our migrations, hence `tableCreated`),
 * a call's counts written in one statement, most calls counted without waiting for it
 * (./prisma-store.ts).
 */
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/db";
import type { Env } from "@/lib/env";
import { AppError } from "../errors";
import { type LimiterStoreClient, prismaLimiterStore } from "./prisma-store";

export interface RequestLimits {
  windowSeconds: number;
  /** Per signed-in user. */
  userPoints: number;
  /** Per address, for all signed-in users behind it together. */
  ipPoints: number;
  /** Per address, for requests without a session. */
  anonymousPoints: number;
}

export function requestLimitsFrom(config: Env): RequestLimits {
  return {
    windowSeconds: config.STRIDE_RATE_LIMIT_WINDOW_SECONDS,
    userPoints: config.STRIDE_RATE_LIMIT_USER_POINTS,
    ipPoints: config.STRIDE_RATE_LIMIT_IP_POINTS,
    anonymousPoints: config.STRIDE_RATE_LIMIT_ANONYMOUS_POINTS,
  };
}

export interface RequestCharge {
  userId: string | null;
  /** Null for in-process callers (server-rendered pages), which no address limit applies to. */
  ip: string | null;
  cost: number;
}

export interface RequestLimiter {
  /** Counts the call; throws AppError "RATE_LIMITED" (with retryAfterSeconds) past a limit. */
  charge(charge: RequestCharge): Promise<void>;
  /** Writes the counts not yet in the database (./prisma-store.ts counts most calls without waiting). */
  flush(): Promise<void>;
}

export const REQUEST_LIMITS_TABLE = "request_limits";

/** The table's key is varchar(255); an address from a proxy header is not trusted to be short. */
const MAX_KEY_LENGTH = 200;

function counter(store: LimiterStoreClient, keyPrefix: string, points: number, windowSeconds: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: store,
    storeType: "pool",
    tableName: REQUEST_LIMITS_TABLE,
    tableCreated: true,
    keyPrefix,
    points,
    duration: windowSeconds,
    // Once a key is over its budget it is refused from memory until its window ends, so a client
    // hammering the server costs no database query per request.
    inMemoryBlockOnConsumed: points,
    // If the database cannot answer, count in this process rather than refuse everyone or no one.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds }),
  });
}

function retryAfterSeconds(refusals: RateLimiterRes[]): number {
  return Math.max(1, ...refusals.map((refusal) => Math.ceil(refusal.msBeforeNext / 1000)));
}

export function createRequestLimiter({ db, limits }: { db: PrismaClient; limits: RequestLimits }): RequestLimiter {
  // One store for the three: a call's two counts (and those of calls that came with it) go to the
  // database as one statement (./prisma-store.ts).
  const budgets: Record<string, number> = { user: limits.userPoints, ip: limits.ipPoints, anon: limits.anonymousPoints };
  // The library's keys are `<keyPrefix>:<key>`.
  const budgetOf = (key: string) => budgets[key.slice(0, key.indexOf(":"))] ?? 0;
  const store = prismaLimiterStore(db, { table: REQUEST_LIMITS_TABLE, budgetOf });
  const users = counter(store, "user", limits.userPoints, limits.windowSeconds);
  const signedInIps = counter(store, "ip", limits.ipPoints, limits.windowSeconds);
  const anonymousIps = counter(store, "anon", limits.anonymousPoints, limits.windowSeconds);

  return {
    async charge({ userId, ip, cost }) {
      const keyOf = (value: string) => value.slice(0, MAX_KEY_LENGTH);
      const counts: Promise<RateLimiterRes>[] = [];
      if (userId) counts.push(users.consume(keyOf(userId), cost));
      if (ip) counts.push((userId ? signedInIps : anonymousIps).consume(keyOf(ip), cost));
      const outcomes = await Promise.allSettled(counts);
      const refusals: RateLimiterRes[] = [];
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") continue;
        // A store error is answered by the insurance limiter; anything else is our bug.
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        refusals.push(outcome.reason);
      }
      if (refusals.length > 0) {
        const seconds = retryAfterSeconds(refusals);
        throw new AppError("RATE_LIMITED", `Too many requests: try again in ${seconds} s.`, { retryAfterSeconds: seconds, reason: "request.tooMany", params: { seconds } });
      }
    },
    flush: () => store.flush(),
  };
}

const limiters = new WeakMap<PrismaClient, RequestLimiter>();

/** The limiter of the app's database, with the limits the environment sets; one per client. */
export function requestLimiterFor(db: PrismaClient, config: Env): RequestLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = createRequestLimiter({ db, limits: requestLimitsFrom(config) });
    limiters.set(db, limiter);
  }
  return limiter;
}
