import type { PrismaClient } from "@/lib/db";
import { medianAnswerMs } from "@/lib/srs";

// The recent right answers are what "usual" means for a skill; older ones add little.
const SAMPLE_SIZE = 200;

// A median over up to 200 answers moves slowly: a minute-old one suggests the same ratings, and
// asking once a minute a template instead of on every answer takes a query off every submit.
const CACHE_MS = 60_000;

// Per database client, so that two databases in one process (tests) never share medians.
const cached = new WeakMap<PrismaClient, Map<string, { ms: number; until: number }>>();

/** The median time of right answers to a template, over every learner (lib/srs `medianAnswerMs`). */
export async function medianAnswerTime(db: PrismaClient, templateId: string, answerKind: string): Promise<number> {
  let byTemplate = cached.get(db);
  if (!byTemplate) cached.set(db, (byTemplate = new Map()));
  const key = `${templateId}\u0000${answerKind}`;
  const hit = byTemplate.get(key);
  // The process's clock, not the request's `now`: this is a cache's age, not a learner's time.
  const clock = performance.now();
  if (hit && hit.until > clock) return hit.ms;
  const rows = await db.review.findMany({
    // An assessment's retrieval has no answer time of its own (recorded as 0): it would make every
    // learner of the skill look slow.
    where: { templateId, correct: true, mode: { not: "assessment" } },
    orderBy: { reviewedAt: "desc" },
    take: SAMPLE_SIZE,
    select: { elapsedMs: true },
  });
  const ms = medianAnswerMs(
    rows.map((row) => row.elapsedMs),
    answerKind,
  );
  byTemplate.set(key, { ms, until: clock + CACHE_MS });
  return ms;
}
