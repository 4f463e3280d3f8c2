import { describe, expect, it } from "vitest";
import { instantOf, isWallClock, wallClockOf } from "@/lib/grading/assessments";

// Offsets from the tz database: Shanghai is UTC+8 all year; New York is UTC−5 in winter and
// UTC−4 from 2026-03-08 02:00 (clocks jump to 03:00) to 2026-11-01 02:00 (back to 01:00).
describe("course clock", () => {
  it.each([
    ["2026-12-10T17:00", "Asia/Shanghai", "2026-12-10T09:00:00.000Z"],
    ["2026-12-10T17:00", "UTC", "2026-12-10T17:00:00.000Z"],
    ["2026-01-15T09:30", "America/New_York", "2026-01-15T14:30:00.000Z"],
    ["2026-07-15T09:30", "America/New_York", "2026-07-15T13:30:00.000Z"],
    ["2027-01-01T00:00", "Asia/Kolkata", "2026-12-31T18:30:00.000Z"],
  ])("reads %s in %s as %s", (wallClock, zone, iso) => {
    expect(instantOf(wallClock, zone).toISOString()).toBe(iso);
    expect(wallClockOf(new Date(iso), zone)).toBe(wallClock);
  });

  it("reads a time DST skips as the same reading after the jump", () => {
    expect(instantOf("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("reads a time shown twice as the first", () => {
    expect(instantOf("2026-11-01T01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("refuses what is not a calendar date and time", () => {
    expect(isWallClock("2026-02-30T10:00")).toBe(false);
    expect(isWallClock("2026-12-10 17:00")).toBe(false);
    expect(isWallClock("2026-12-10T24:00")).toBe(false);
    expect(() => instantOf("tomorrow", "UTC")).toThrow(/YYYY-MM-DDTHH:mm/);
  });
});
