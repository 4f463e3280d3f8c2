import { describe, expect, it } from "vitest";
import { type AnswerSchedule, answerWindow, attemptDeadline, attemptIsOpen, closesAt } from "@/lib/grading/assessments";

const at = (iso: string) => new Date(iso);

// Opens Monday 09:00 UTC, due Friday 17:00, late until Sunday 23:59 at 50 %.
const schedule: AnswerSchedule = {
  opensAt: at("2026-03-02T09:00:00Z"),
  dueAt: at("2026-03-06T17:00:00Z"),
  lateUntil: at("2026-03-08T23:59:00Z"),
  lateCredit: 0.5,
  timeLimitMinutes: null,
};

describe("when answers are taken", () => {
  it.each([
    ["before the opening", "2026-03-02T08:59:59Z", { status: "not-open" }],
    ["at the opening", "2026-03-02T09:00:00Z", { status: "on-time", credit: 1 }],
    ["at the due instant itself", "2026-03-06T17:00:00Z", { status: "on-time", credit: 1 }],
    ["a second after the due date", "2026-03-06T17:00:01Z", { status: "late", credit: 0.5 }],
    ["at the late period's last instant", "2026-03-08T23:59:00Z", { status: "late", credit: 0.5 }],
    ["after the late period", "2026-03-08T23:59:01Z", { status: "closed" }],
  ] as const)("%s", (_, instant, expected) => {
    expect(answerWindow(schedule, null, at(instant))).toEqual(expected);
  });

  it("with no due date, is open for good once opened", () => {
    const open: AnswerSchedule = { ...schedule, dueAt: null, lateUntil: null };
    expect(answerWindow(open, null, at("2030-01-01T00:00:00Z"))).toEqual({ status: "on-time", credit: 1 });
    expect(closesAt(open, null)).toBeNull();
  });

  it("with no late period, closes at the due date", () => {
    const strict: AnswerSchedule = { ...schedule, lateUntil: null };
    expect(answerWindow(strict, null, at("2026-03-06T17:00:01Z"))).toEqual({ status: "closed" });
    expect(closesAt(strict, null)).toEqual(at("2026-03-06T17:00:00Z"));
  });

  it("moves one learner's due date and late period by their override, never the opening", () => {
    const override = { dueAt: at("2026-03-09T17:00:00Z"), lateUntil: at("2026-03-10T17:00:00Z") };
    expect(answerWindow(schedule, override, at("2026-03-08T23:59:01Z"))).toEqual({ status: "on-time", credit: 1 });
    expect(answerWindow(schedule, override, at("2026-03-10T12:00:00Z"))).toEqual({ status: "late", credit: 0.5 });
    expect(answerWindow(schedule, override, at("2026-03-02T08:00:00Z"))).toEqual({ status: "not-open" });
    expect(closesAt(schedule, override)).toEqual(at("2026-03-10T17:00:00Z"));
  });

  it("lets a due date moved past the late period close the assessment for that learner at the new date", () => {
    const override = { dueAt: at("2026-03-12T17:00:00Z") };
    expect(answerWindow(schedule, override, at("2026-03-12T17:00:00Z"))).toEqual({ status: "on-time", credit: 1 });
    expect(answerWindow(schedule, override, at("2026-03-12T17:00:01Z"))).toEqual({ status: "closed" });
  });
});

describe("an exam attempt's deadline", () => {
  const exam: AnswerSchedule = { ...schedule, lateUntil: null, timeLimitMinutes: 60 };

  it("is the start plus the time limit", () => {
    expect(attemptDeadline(exam, null, at("2026-03-03T10:00:00Z"))).toEqual(at("2026-03-03T11:00:00Z"));
  });

  it("adds a learner's extra time (an accommodation of 50 % on an hour is 30 minutes)", () => {
    expect(attemptDeadline(exam, { extraMinutes: 30 }, at("2026-03-03T10:00:00Z"))).toEqual(at("2026-03-03T11:30:00Z"));
    // Negative extra time is not a penalty the rules allow.
    expect(attemptDeadline(exam, { extraMinutes: -30 }, at("2026-03-03T10:00:00Z"))).toEqual(at("2026-03-03T11:00:00Z"));
  });

  it("is the close when the limit would run past it (started 20 minutes before the due date)", () => {
    expect(attemptDeadline(exam, null, at("2026-03-06T16:40:00Z"))).toEqual(at("2026-03-06T17:00:00Z"));
  });

  it("is the close alone without a time limit, and none when neither applies", () => {
    expect(attemptDeadline(schedule, null, at("2026-03-03T10:00:00Z"))).toEqual(at("2026-03-08T23:59:00Z"));
    expect(attemptDeadline({ ...schedule, dueAt: null, lateUntil: null }, null, at("2026-03-03T10:00:00Z"))).toBeNull();
  });

  it("takes answers up to and including the deadline's instant", () => {
    const deadline = at("2026-03-03T11:00:00Z");
    expect(attemptIsOpen(deadline, at("2026-03-03T11:00:00Z"))).toBe(true);
    expect(attemptIsOpen(deadline, at("2026-03-03T11:00:00.001Z"))).toBe(false);
    expect(attemptIsOpen(null, at("2099-01-01T00:00:00Z"))).toBe(true);
  });
});
