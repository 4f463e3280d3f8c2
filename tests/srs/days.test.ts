import { describe, expect, it, vi } from "vitest";
import { dayKeyOf, dayNumberIn, learnerDay, listTimeZones, normalizeTimeZone, startOfDayIn, timeZoneOrDefault, weekdayOf } from "@/lib/srs/days";

const at = (iso: string) => new Date(iso);
// 2026-03-08 is day 20520 (by hand: 2026-01-01 is day 20454, plus 31 + 28 + 7).
const MARCH_8 = 20520;

describe("a learner's day number", () => {
  it("is the UTC date's day count in UTC", () => {
    expect(dayNumberIn(at("2026-03-08T00:00:00Z"), "UTC")).toBe(MARCH_8);
    expect(dayNumberIn(at("2026-03-08T23:59:59.999Z"), "UTC")).toBe(MARCH_8);
    expect(dayKeyOf(MARCH_8)).toBe("2026-03-08");
  });

  it("rolls over at midnight in Shanghai (UTC+8), which is 16:00 UTC, not 08:00 Shanghai time", () => {
    // 2026-03-08 07:59 in Shanghai is 2026-03-07 23:59 UTC: the same local day as 00:30.
    expect(dayNumberIn(at("2026-03-07T16:30:00Z"), "Asia/Shanghai")).toBe(MARCH_8);
    expect(dayNumberIn(at("2026-03-07T23:59:00Z"), "Asia/Shanghai")).toBe(MARCH_8);
    expect(dayNumberIn(at("2026-03-08T00:00:00Z"), "Asia/Shanghai")).toBe(MARCH_8);
    expect(dayNumberIn(at("2026-03-07T15:59:59Z"), "Asia/Shanghai")).toBe(MARCH_8 - 1);
    expect(dayNumberIn(at("2026-03-08T16:00:00Z"), "Asia/Shanghai")).toBe(MARCH_8 + 1);
  });

  it("puts one instant on three different dates across the date line (Kiritimati UTC+14, Pago Pago UTC−11)", () => {
    // 2026-03-08 10:30 UTC: 2026-03-09 00:30 in Kiritimati, 2026-03-07 23:30 in Pago Pago (tz database).
    const instant = at("2026-03-08T10:30:00Z");
    expect(dayKeyOf(dayNumberIn(instant, "Pacific/Kiritimati"))).toBe("2026-03-09");
    expect(dayKeyOf(dayNumberIn(instant, "UTC"))).toBe("2026-03-08");
    expect(dayKeyOf(dayNumberIn(instant, "Pacific/Pago_Pago"))).toBe("2026-03-07");
  });

  it("keeps consecutive days 1 apart over a date the zone skipped (Kiritimati jumped from 1994-12-30 to 1995-01-01)", () => {
    // tz database: Pacific/Kiritimati went from UTC−10 to UTC+14 at the end of 1994-12-30.
    const lastDayBefore = dayNumberIn(at("1994-12-31T09:59:00Z"), "Pacific/Kiritimati");
    const firstDayAfter = dayNumberIn(at("1994-12-31T10:00:00Z"), "Pacific/Kiritimati");
    expect(dayKeyOf(lastDayBefore)).toBe("1994-12-30");
    expect(dayKeyOf(firstDayAfter)).toBe("1995-01-01");
    expect(firstDayAfter - lastDayBefore).toBe(2);
  });

  it("counts 0 Sunday … 6 Saturday", () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOf(MARCH_8)).toBe(0); // 2026-03-08 is a Sunday
    expect(weekdayOf(-1)).toBe(3);
  });
});

describe("the start of a learner's day", () => {
  it("is local midnight as an instant: 16:00 UTC the day before in Shanghai, 10:00 UTC in Kiritimati, 11:00 UTC in Pago Pago", () => {
    expect(startOfDayIn(MARCH_8, "Asia/Shanghai")).toEqual(at("2026-03-07T16:00:00Z"));
    expect(startOfDayIn(MARCH_8, "Pacific/Kiritimati")).toEqual(at("2026-03-07T10:00:00Z"));
    expect(startOfDayIn(MARCH_8, "Pacific/Pago_Pago")).toEqual(at("2026-03-08T11:00:00Z"));
    expect(startOfDayIn(MARCH_8, "UTC")).toEqual(at("2026-03-08T00:00:00Z"));
  });

  it("makes the day DST starts 23 hours long and the day it ends 25 (New York, 2026-03-08 and 2026-11-01)", () => {
    // US rules: clocks go 02:00 → 03:00 on the second Sunday of March, 02:00 → 01:00 on the first Sunday of November.
    const march = learnerDay(at("2026-03-08T12:00:00Z"), "America/New_York");
    expect(march.start).toEqual(at("2026-03-08T05:00:00Z")); // midnight EST (UTC−5)
    expect(march.end).toEqual(at("2026-03-09T04:00:00Z")); // midnight EDT (UTC−4)
    expect(march.end.getTime() - march.start.getTime()).toBe(23 * 3_600_000);
    const november = learnerDay(at("2026-11-01T12:00:00Z"), "America/New_York");
    expect(november.end.getTime() - november.start.getTime()).toBe(25 * 3_600_000);
  });

  it("starts at 01:00 on a day whose midnight does not exist (Santiago moves 00:00 → 01:00 on 2026-09-06)", () => {
    // Chile's rule: DST starts at 24:00 on the first Saturday of September; 01:00 CLST (UTC−3) is 04:00 UTC.
    const day = dayNumberIn(at("2026-09-06T12:00:00Z"), "America/Santiago");
    expect(dayKeyOf(day)).toBe("2026-09-06");
    expect(startOfDayIn(day, "America/Santiago")).toEqual(at("2026-09-06T04:00:00Z"));
    expect(dayNumberIn(at("2026-09-06T03:59:59.999Z"), "America/Santiago")).toBe(day - 1);
  });

  it("gives a skipped day no length: Samoa's 2011-12-30 starts when 2011-12-31 does", () => {
    // Pacific/Apia moved from UTC−10 to UTC+14 at the end of 2011-12-29 local time (10:00 UTC on the 30th).
    const skipped = dayNumberIn(at("2011-12-30T12:00:00Z"), "Pacific/Apia") - 1; // 12:00 UTC is 02:00 on the 31st
    expect(dayKeyOf(skipped)).toBe("2011-12-30");
    expect(startOfDayIn(skipped, "Pacific/Apia")).toEqual(at("2011-12-30T10:00:00Z"));
    expect(startOfDayIn(skipped + 1, "Pacific/Apia")).toEqual(at("2011-12-30T10:00:00Z"));
  });

  it("is worked out once per zone and day: a second call formats nothing and hands out its own Date", () => {
    const first = startOfDayIn(MARCH_8 + 400, "Asia/Kolkata");
    // By hand: 2027-04-12 00:00 in Kolkata (UTC+05:30) is 2027-04-11 18:30 UTC.
    expect(first).toEqual(at("2027-04-11T18:30:00Z"));
    first.setTime(0);
    const formatting = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    try {
      expect(startOfDayIn(MARCH_8 + 400, "Asia/Kolkata")).toEqual(at("2027-04-11T18:30:00Z"));
      expect(formatting).not.toHaveBeenCalled();
    } finally {
      formatting.mockRestore();
    }
  });

  it("contains its instant: start ≤ now < end for instants around the clock in every test zone", () => {
    for (const zone of ["UTC", "Asia/Shanghai", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Europe/London", "Australia/Lord_Howe"]) {
      for (let hour = 0; hour < 72; hour += 5) {
        const now = new Date(Date.parse("2026-03-07T00:00:00Z") + hour * 3_600_000 + 17 * 60_000);
        const { today, start, end } = learnerDay(now, zone);
        expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(end.getTime()).toBeGreaterThan(now.getTime());
        expect(dayNumberIn(start, zone)).toBe(today);
        expect(dayNumberIn(new Date(start.getTime() - 1), zone)).toBe(today - 1);
      }
    }
  });
});

describe("time zone names", () => {
  it("accepts IANA names in the platform's spelling, whatever their case", () => {
    expect(normalizeTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(normalizeTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(normalizeTimeZone("Pacific/Kiritimati")).toBe("Pacific/Kiritimati");
    expect(normalizeTimeZone("UTC")).toBe("UTC");
    expect(normalizeTimeZone("utc")).toBe("UTC");
  });

  it("refuses offsets, unknown names and junk", () => {
    for (const name of ["+08:00", "GMT+8", "UTC+8", "Nowhere/City", "", "Asia/Shanghai; DROP TABLE users", "../../etc/passwd", "x".repeat(200)]) {
      expect(normalizeTimeZone(name), name).toBeNull();
    }
  });

  it("counts a learner without a zone, or with one no longer known, in UTC", () => {
    expect(timeZoneOrDefault(null)).toBe("UTC");
    expect(timeZoneOrDefault(undefined)).toBe("UTC");
    expect(timeZoneOrDefault("Mars/Olympus_Mons")).toBe("UTC");
    expect(timeZoneOrDefault("Asia/Shanghai")).toBe("Asia/Shanghai");
  });

  it("lists the zones a learner may pick, sorted, with UTC and the date-line zones, and only names it accepts", () => {
    const zones = listTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Shanghai");
    expect(zones).toContain("Pacific/Kiritimati");
    expect(zones).toContain("Pacific/Pago_Pago");
    expect(zones).toEqual([...zones].sort());
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) expect(normalizeTimeZone(zone), zone).toBe(zone);
  });
});
