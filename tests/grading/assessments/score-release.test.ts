import { describe, expect, it } from "vitest";
import { scoreRelease } from "@/lib/grading/assessments";

const close = new Date("2026-05-08T17:00:00Z");
const before = new Date("2026-05-08T16:59:59Z");
const after = new Date("2026-05-08T17:00:01Z");

describe("when a finished attempt's score may go to the LMS", () => {
  it.each([
    ["immediately: now, before the close", "immediately", close, before, { when: "now" }],
    ["immediately: now, when nothing closes", "immediately", null, before, { when: "now" }],
    ["after close, before it: at the close", "after-close", close, before, { when: "at", at: close }],
    // load-attempt.ts counts closed strictly after the close instant, so the score waits for it too.
    ["after close, at the close instant itself: still at the close", "after-close", close, close, { when: "at", at: close }],
    ["after close, once closed: now", "after-close", close, after, { when: "now" }],
    ["after close, for an assessment that never closes: held", "after-close", null, after, { when: "held" }],
    ["never: held, before the close", "never", close, before, { when: "held" }],
    ["never: held, after the close", "never", close, after, { when: "held" }],
  ] as const)("%s", (_, showScore, closeAt, now, expected) => {
    expect(scoreRelease(showScore, closeAt, now)).toEqual(expected);
  });
});
