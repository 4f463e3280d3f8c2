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
      timeZone: "UTC",
      days: 5,
      dues: [at("2026-02-01T08:00:00Z"), at("2026-03-10T23:59:00Z"), at("2026-03-11T00:00:00Z"), at("2026-03-14T12:00:00Z"), at("2026-03-15T00:00:00Z")],
    });
    expect(counts).toEqual([2, 1, 0, 0, 1]);
  });

  it("counts days in the learner's zone: 23:59 UTC on the 10th is already the 11th in Shanghai, and 20:00 UTC on the 11th still the 11th in Pago Pago", () => {
    const dues = [at("2026-03-10T15:59:00Z"), at("2026-03-10T23:59:00Z"), at("2026-03-11T20:00:00Z")];
    // Shanghai (UTC+8): 23:59 on the 10th, 07:59 on the 11th, 04:00 on the 12th.
    expect(forecastDue({ today, timeZone: "Asia/Shanghai", days: 3, dues })).toEqual([1, 1, 1]);
    // Pago Pago (UTC−11): 04:59 on the 10th, 12:59 on the 10th, 09:00 on the 11th.
    expect(forecastDue({ today, timeZone: "Pacific/Pago_Pago", days: 3, dues })).toEqual([2, 1, 0]);
  });

  it("has one bucket per day, all zero without cards", () => {
    expect(forecastDue({ today, timeZone: "UTC", dues: [] })).toEqual(Array.from({ length: 30 }, () => 0));
    expect(today * DAY_MS).toBe(Date.parse("2026-03-10T00:00:00Z"));
  });
});
