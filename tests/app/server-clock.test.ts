import { describe, expect, it } from "vitest";
import { countsDown } from "@/app/courses/_components/countdown-rule";
import { clockOffset, clockText, msLeft } from "@/app/courses/_components/server-clock";

describe("the take page's countdown on the server's clock", () => {
  const serverNow = new Date("2026-05-11T09:00:00Z");
  const deadline = new Date("2026-05-11T09:30:00Z");

  it("counts the same time left on a device whose clock is three hours fast as on one that is right", () => {
    const rightDevice = serverNow.getTime();
    const fastDevice = serverNow.getTime() + 3 * 3600_000;
    // 10 s after each read the attempt, on each device's own clock.
    expect(msLeft(deadline, clockOffset(serverNow, rightDevice), rightDevice + 10_000)).toBe(30 * 60_000 - 10_000);
    expect(msLeft(deadline, clockOffset(serverNow, fastDevice), fastDevice + 10_000)).toBe(30 * 60_000 - 10_000);
  });

  it("never counts below 0 after the deadline", () => {
    expect(msLeft(deadline, 0, deadline.getTime() + 5_000)).toBe(0);
  });

  it("reads as minutes and seconds, with hours past an hour, rounding a part second up so 0:00 means the end", () => {
    // by hand: 4 min 5 s; 1 h 2 min 9 s; 0.2 s shows as 0:01
    expect(clockText(245_000)).toBe("4:05");
    expect(clockText(3_729_000)).toBe("1:02:09");
    expect(clockText(200)).toBe("0:01");
    expect(clockText(0)).toBe("0:00");
  });

  it("counts down a timed exam always, and any other deadline only within a day (homework due next week shows its date)", () => {
    expect(countsDown({ timed: true, msLeft: 3 * 24 * 3600_000 })).toBe(true);
    expect(countsDown({ timed: false, msLeft: 7 * 24 * 3600_000 })).toBe(false);
    expect(countsDown({ timed: false, msLeft: 24 * 3600_000 })).toBe(true);
  });
});
