import { describe, expect, it } from "vitest";
import type { AnswerSchedule } from "@/lib/grading/assessments";
import { attemptCell } from "@/lib/server/assessments/gradebook/attempt-cell";

const schedule: AnswerSchedule = { opensAt: null, dueAt: new Date("2026-05-01T10:00:00Z"), lateUntil: new Date("2026-05-02T10:00:00Z"), lateCredit: 0.5, timeLimitMinutes: null };
const now = new Date("2026-05-03T00:00:00Z");
const attempt = (over: Partial<Parameters<typeof attemptCell>[0] & object> = {}) => ({
  id: "a1",
  startedAt: new Date("2026-05-01T09:00:00Z"),
  finishedAt: new Date("2026-05-01T09:30:00Z"),
  finishedBy: "learner",
  questions: [
    { awarded: 2, points: 2, tries: [{ credit: 1 }] },
    { awarded: 1, points: 3, tries: [{ credit: 1 }] },
  ],
  ...over,
});

describe("a gradebook cell", () => {
  it("is not started without an attempt", () => {
    expect(attemptCell(null, schedule, null, null, now)).toMatchObject({ attemptId: null, status: "not-started", score: null, secondsSpent: null, late: false });
  });

  it("scores the questions' total, or the override beside it", () => {
    // 2 + 1 of 2 + 3 = 3/5 = 60 %.
    expect(attemptCell(attempt(), schedule, null, null, now).score).toEqual({ awarded: 3, possible: 5, percent: 60, overridden: false, computed: 3 });
    expect(attemptCell(attempt(), schedule, null, 4, now)).toMatchObject({ overridden: true, score: { awarded: 4, percent: 80, computed: 3 } });
  });

  it("counts time to the finish, or to now while running", () => {
    expect(attemptCell(attempt(), schedule, null, null, now).secondsSpent).toBe(1800);
    // 1 May 09:00 → 3 May 00:00 = 39 h.
    expect(attemptCell(attempt({ finishedAt: null, finishedBy: null }), schedule, null, null, now)).toMatchObject({ status: "in-progress", secondsSpent: 39 * 3600 });
  });

  it("is late for a try with less than full credit, or the learner's own finish after their due date", () => {
    expect(attemptCell(attempt({ questions: [{ awarded: 1, points: 2, tries: [{ credit: 0.5 }] }] }), schedule, null, null, now).late).toBe(true);
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-01T11:00:00Z") }), schedule, null, null, now).late).toBe(true);
    // The same finish with a due date moved for this learner is on time.
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-01T11:00:00Z") }), schedule, { dueAt: new Date("2026-05-01T12:00:00Z") }, null, now).late).toBe(false);
    // Closed by the server at the late period's end: not late by itself.
    expect(attemptCell(attempt({ finishedAt: schedule.lateUntil, finishedBy: "time" }), schedule, null, null, now).late).toBe(false);
  });
});
