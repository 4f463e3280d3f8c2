import { describe, expect, it } from "vitest";
import { practiceSourceOf } from "@/app/practice/practice-source";

const courses = [
  { id: "course-a", banks: [{ id: "bank-a1" }, { id: "bank-a2" }] },
  { id: "course-b", banks: [{ id: "bank-b1" }] },
];

describe("practiceSourceOf", () => {
  it("opens on a bank of the course when both are the learner's to practise", () => {
    expect(practiceSourceOf({ courses, course: "course-a", bank: "bank-a2" })).toEqual({ course: "course-a", bank: "bank-a2" });
  });

  it("widens to the whole course when the bank is gone, emptied or of another course", () => {
    expect(practiceSourceOf({ courses, course: "course-a", bank: "bank-b1" })).toEqual({ course: "course-a", bank: null });
    expect(practiceSourceOf({ courses, course: "course-a", bank: "deleted" })).toEqual({ course: "course-a", bank: null });
    expect(practiceSourceOf({ courses, course: "course-a", bank: undefined })).toEqual({ course: "course-a", bank: null });
  });

  it("opens on the catalog for a course the learner cannot practise, or a bank without its course", () => {
    expect(practiceSourceOf({ courses, course: "course-c", bank: "bank-a1" })).toEqual({ course: null, bank: null });
    expect(practiceSourceOf({ courses, course: undefined, bank: "bank-a1" })).toEqual({ course: null, bank: null });
    expect(practiceSourceOf({ courses: [], course: "course-a", bank: "bank-a1" })).toEqual({ course: null, bank: null });
  });
});
