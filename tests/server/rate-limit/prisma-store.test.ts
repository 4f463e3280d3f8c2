import { describe, expect, it } from "vitest";
import { answerEach, coalescedUpsert, type PendingUpsert } from "@/lib/server/rate-limit/prisma-store";

function upsert(key: string, points: number, answers: unknown[], expire = 61_000, now = 1_000): PendingUpsert {
  return { key, points, expire, now, resolve: (result) => answers.push(result.rows[0]), reject: (error) => answers.push(error) };
}

describe("coalescedUpsert: several of rate-limiter-flexible's upserts as one statement", () => {
  it("writes each key once with the points of all its calls, the expiry of its first, and the first call's clock", () => {
    const answers: unknown[] = [];
    const { text, values, keys } = coalescedUpsert("request_limits", [
      upsert("user:a", 1, answers, 61_000, 1_000),
      upsert("ip:x", 1, answers, 61_001, 1_001),
      upsert("user:b", 20, answers, 61_002, 1_002),
      upsert("ip:x", 20, answers, 61_003, 1_003),
    ]);
    expect(keys).toEqual(["user:a", "ip:x", "user:b"]);
    expect(values).toEqual(["user:a", 1, 61_000, "ip:x", 21, 61_001, "user:b", 20, 61_002, 1_000]);
    expect(text).toContain('VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9)');
    // The library's rule (RateLimiterPostgres#_upsert): an ended window starts again, else the points add up.
    expect(text).toContain('CASE WHEN t."expire" <= $10 THEN EXCLUDED."points" ELSE t."points" + EXCLUDED."points" END');
    expect(text).toContain('CASE WHEN t."expire" <= $10 THEN EXCLUDED."expire" ELSE t."expire" END');
  });
});

describe("answerEach: every call gets the count it would have seen alone, in turn", () => {
  it("gives the calls of one key the running count: the row's total less the points of the calls after each", () => {
    const answers: unknown[] = [];
    const pending = [upsert("ip:x", 1, answers), upsert("user:a", 1, answers), upsert("ip:x", 20, answers), upsert("ip:x", 1, answers)];
    // ip:x held 7 before: 7 + 1 = 8, + 20 = 28, + 1 = 29 (by hand); user:a starts a window at 1.
    answerEach(pending, [
      { key: "ip:x", points: 29, expire: 5_000n },
      { key: "user:a", points: 1, expire: 61_000n },
    ]);
    // answerEach answers from the last call back.
    expect(answers.reverse()).toEqual([
      { points: 8, expire: 5_000 },
      { points: 1, expire: 61_000 },
      { points: 28, expire: 5_000 },
      { points: 29, expire: 5_000 },
    ]);
  });

  it("fails a call whose key the statement did not return", () => {
    const answers: unknown[] = [];
    answerEach([upsert("user:a", 1, answers)], []);
    expect(answers[0]).toBeInstanceOf(Error);
  });
});
