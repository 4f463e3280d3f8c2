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
    { awarded: 2, points: 2, tries: [{ credit: 1, answeredAt: new Date("2026-05-01T09:10:00Z") }] },
    { awarded: 1, points: 3, tries: [{ credit: 1, answeredAt: new Date("2026-05-01T09:25:00Z") }] },
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

  it("counts a timed attempt's clock: to its finish, or to now while running", () => {
    const timed = { ...schedule, timeLimitMinutes: 45 };
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-01T09:45:00Z"), finishedBy: "time" }), timed, null, null, now).secondsSpent).toBe(45 * 60);
    expect(attemptCell(attempt({ finishedAt: null, finishedBy: null }), timed, null, null, new Date("2026-05-01T09:40:00Z")).secondsSpent).toBe(40 * 60);
  });

  it("counts an untimed attempt to the learner's own finish, else to their last answer", () => {
    // 09:00 → 09:30, finished by the learner.
    expect(attemptCell(attempt(), schedule, null, null, now).secondsSpent).toBe(1800);
    // Still open two days later: 09:00 → the last answer at 09:25, not 39 hours.
    expect(attemptCell(attempt({ finishedAt: null, finishedBy: null }), schedule, null, null, now)).toMatchObject({ status: "in-progress", secondsSpent: 25 * 60 });
    // Closed by the server at the end of the late period: also to the last answer.
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-02T10:00:00Z"), finishedBy: "time" }), schedule, null, null, now).secondsSpent).toBe(25 * 60);
    // Started, nothing answered: no time to report.
    expect(attemptCell(attempt({ finishedAt: null, finishedBy: null, questions: [{ awarded: 0, points: 2, tries: [] }] }), schedule, null, null, now).secondsSpent).toBeNull();
  });

  it("is late for a try with less than full credit, or the learner's own finish after their due date", () => {
    expect(attemptCell(attempt({ questions: [{ awarded: 1, points: 2, tries: [{ credit: 0.5, answeredAt: new Date("2026-05-01T09:10:00Z") }] }] }), schedule, null, null, now).late).toBe(true);
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-01T11:00:00Z") }), schedule, null, null, now).late).toBe(true);
    // The same finish with a due date moved for this learner is on time.
    expect(attemptCell(attempt({ finishedAt: new Date("2026-05-01T11:00:00Z") }), schedule, { dueAt: new Date("2026-05-01T12:00:00Z") }, null, now).late).toBe(false);
    // Closed by the server at the late period's end: not late by itself.
    expect(attemptCell(attempt({ finishedAt: schedule.lateUntil, finishedBy: "time" }), schedule, null, null, now).late).toBe(false);
  });
});
