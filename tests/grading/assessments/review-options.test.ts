import { describe, expect, it } from "vitest";
import { type ReviewOptions, visibleParts } from "@/lib/grading/assessments";

const homework: ReviewOptions = { score: "immediately", correctness: "immediately", solution: "immediately", gradeAtEnd: false };
// A typical exam: the score at once after finishing, right/wrong after close, the key never.
const exam: ReviewOptions = { score: "immediately", correctness: "after-close", solution: "never", gradeAtEnd: true };

describe("what a learner sees of their graded work", () => {
  it.each([
    ["homework, while working", homework, { finished: false, closed: false }, { score: true, correctness: true, solution: true }],
    ["exam graded at the end, mid-attempt: nothing", exam, { finished: false, closed: false }, { score: false, correctness: false, solution: false }],
    ["exam finished, still open for others: the score", exam, { finished: true, closed: false }, { score: true, correctness: false, solution: false }],
    ["exam finished and closed: score and right/wrong, never the key", exam, { finished: true, closed: true }, { score: true, correctness: true, solution: false }],
    // Closed while unfinished can only be a time-out not yet recorded: graded at the end still holds it back.
    ["exam closed but not finished: still nothing", exam, { finished: false, closed: true }, { score: false, correctness: false, solution: false }],
    ["exam without grade-at-end, mid-attempt: the score at once", { ...exam, gradeAtEnd: false }, { finished: false, closed: false }, { score: true, correctness: false, solution: false }],
    ["everything never", { score: "never", correctness: "never", solution: "never", gradeAtEnd: false }, { finished: true, closed: true }, { score: false, correctness: false, solution: false }],
  ] as const)("%s", (_, options, state, expected) => {
    expect(visibleParts(options, state)).toEqual(expected);
  });
});
