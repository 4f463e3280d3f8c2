import { describe, expect, it } from "vitest";
import { shareableSeed } from "@/lib/server/reviews/shareable-seed";

describe("shareableSeed", () => {
  it("keeps review and practice seeds and withholds an assessment's", () => {
    expect(shareableSeed({ mode: "review", seed: 42 })).toBe(42);
    expect(shareableSeed({ mode: "practice", seed: 0 })).toBe(0);
    expect(shareableSeed({ mode: "assessment", seed: 42 })).toBeNull();
  });
});
