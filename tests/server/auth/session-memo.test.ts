import { describe, expect, it } from "vitest";
import { MAX_MEMO_KEY_LENGTH, SessionMemo } from "@/lib/server/auth/session-memo";

function memoWithClock(lifetimeMs: number) {
  const clock = { now: 1_000 };
  return { clock, memo: new SessionMemo<{ id: string }>(lifetimeMs, () => clock.now) };
}

describe("the session memo", () => {
  it("answers the same Cookie header with the session it was given, until its lifetime ends", () => {
    const { clock, memo } = memoWithClock(10_000);
    memo.remember("a=1; b=2", { id: "u1" });
    expect(memo.get("a=1; b=2")).toEqual({ id: "u1" });
    clock.now += 9_999;
    expect(memo.get("a=1; b=2")).toEqual({ id: "u1" });
    clock.now += 1;
    expect(memo.get("a=1; b=2")).toBeUndefined();
  });

  it("never answers a header it was not given: another cookie value, another order, no header", () => {
    const { memo } = memoWithClock(10_000);
    memo.remember("a=1; b=2", { id: "u1" });
    expect(memo.get("a=1; b=3")).toBeUndefined();
    expect(memo.get("b=2; a=1")).toBeUndefined();
    expect(memo.get(null)).toBeUndefined();
    expect(memo.get("")).toBeUndefined();
  });

  it("keeps no header longer than its limit, and forgets a header it is told to", () => {
    const { memo } = memoWithClock(10_000);
    const long = `a=${"x".repeat(MAX_MEMO_KEY_LENGTH)}`;
    memo.remember(long, { id: "u1" });
    expect(memo.get(long)).toBeUndefined();
    memo.remember("a=1", { id: "u2" });
    memo.forget("a=1");
    expect(memo.get("a=1")).toBeUndefined();
  });
});
