import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/server/progress/days";
import { forecastDue } from "@/lib/server/progress/forecast";

describe("due forecast", () => {
  // 2026-03-10 is UTC day 20522 (by hand: 2026-01-01 is day 20454, plus 31 + 28 + 9).
  const today = 20522;
  const at = (iso: string) => new Date(iso);

  it("puts overdue cards and cards due later today on day 0, tomorrow's on day 1, and leaves out cards past the window", () => {
    const counts = forecastDue({
      today,
      days: 5,
      dues: [at("2026-02-01T08:00:00Z"), at("2026-03-10T23:59:00Z"), at("2026-03-11T00:00:00Z"), at("2026-03-14T12:00:00Z"), at("2026-03-15T00:00:00Z")],
    });
    expect(counts).toEqual([2, 1, 0, 0, 1]);
  });

  it("has one bucket per day, all zero without cards", () => {
    expect(forecastDue({ today, dues: [] })).toEqual(Array.from({ length: 30 }, () => 0));
    expect(today * DAY_MS).toBe(Date.parse("2026-03-10T00:00:00Z"));
  });
});
