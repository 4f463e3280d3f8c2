import { describe, expect, it } from "vitest";
import { FRESH_SESSION_MINUTES, FRESH_SESSION_MS, isFreshSession } from "@/lib/server/account/fresh-session";

const NOW = new Date("2026-05-01T09:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("a fresh session (one that stands in for a password)", () => {
  it("is one opened less than ten minutes ago", () => {
    expect(FRESH_SESSION_MS).toBe(600_000);
    expect(FRESH_SESSION_MINUTES).toBe(10);
    expect(isFreshSession(ago(0), NOW)).toBe(true);
    expect(isFreshSession(ago(9 * 60_000 + 59_999), NOW)).toBe(true);
  });

  it("is not one opened ten minutes ago or earlier", () => {
    expect(isFreshSession(ago(10 * 60_000), NOW)).toBe(false);
    expect(isFreshSession(ago(3 * 60 * 60_000), NOW)).toBe(false);
  });

  it("is never a session whose creation time is unknown or unreadable", () => {
    expect(isFreshSession(undefined, NOW)).toBe(false);
    expect(isFreshSession(null, NOW)).toBe(false);
    expect(isFreshSession(new Date("not a date"), NOW)).toBe(false);
  });
});
