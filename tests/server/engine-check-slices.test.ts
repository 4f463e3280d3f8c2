import { describe, expect, it } from "vitest";
import { randomOps } from "@/lib/engine";
import { CHECK_SLICE, checkSlices, MAX_CHECK_LENGTH } from "@/app/engine/check-slices";
import { MAX_CHECK_LENGTH as SERVER_MAX_LENGTH, MAX_CHECK_OPS } from "@/lib/server/routers/engine";

describe("the engine check's slices", () => {
  it("ask the server for no more ops a call, and no more in all, than it answers", () => {
    expect(CHECK_SLICE).toBe(MAX_CHECK_OPS);
    expect(MAX_CHECK_LENGTH).toBe(SERVER_MAX_LENGTH);
  });

  it("cover a check of 240 ops as 100, 100 and 40 from offsets 0, 100 and 200", () => {
    expect(checkSlices(240)).toEqual([
      { offset: 0, count: 100 },
      { offset: 100, count: 100 },
      { offset: 200, count: 40 },
    ]);
  });

  it("draw the same ops as one long check: the ops of a seed do not depend on how many are drawn", () => {
    const whole = randomOps(20240601, 240);
    expect(checkSlices(240).flatMap(({ offset, count }) => randomOps(20240601, offset + count).slice(offset))).toEqual(whole);
  });

  it("cover the longest check in ten calls, one batch", () => {
    expect(checkSlices(MAX_CHECK_LENGTH)).toHaveLength(10);
  });
});
