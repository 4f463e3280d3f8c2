import { describe, expect, it } from "vitest";
import { isLeech, LEECH_LAPSES, needsWalkthrough } from "@/lib/srs";

describe("leeches", () => {
  it("makes a card a leech at 8 lapses", () => {
    expect(LEECH_LAPSES).toBe(8);
    expect(isLeech({ lapses: 7 })).toBe(false);
    expect(isLeech({ lapses: 8 })).toBe(true);
  });

  it("asks for a walkthrough once per lapse while a leech", () => {
    expect(needsWalkthrough({ lapses: 7, walkthroughAtLapses: 0 })).toBe(false);
    expect(needsWalkthrough({ lapses: 8, walkthroughAtLapses: 0 })).toBe(true);
    expect(needsWalkthrough({ lapses: 8, walkthroughAtLapses: 8 })).toBe(false);
    expect(needsWalkthrough({ lapses: 9, walkthroughAtLapses: 8 })).toBe(true);
  });
});
