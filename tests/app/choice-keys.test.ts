import { describe, expect, it } from "vitest";
import { answerAfterPick, optionForKey } from "@/app/_components/study/choice-keys";

const FIVE = ["A", "B", "C", "D", "E"];

describe("optionForKey", () => {
  it("picks the option of a letter, in either case", () => {
    expect(optionForKey("C", FIVE)).toBe("C");
    expect(optionForKey("c", FIVE)).toBe("C");
    expect(optionForKey("e", FIVE)).toBe("E");
  });

  it("picks the option at a digit's position, counting from 1", () => {
    expect(optionForKey("1", FIVE)).toBe("A");
    expect(optionForKey("4", FIVE)).toBe("D");
  });

  it("picks nothing for a letter or a position no option has, 0, or any other key", () => {
    expect(optionForKey("F", FIVE)).toBeNull();
    expect(optionForKey("6", FIVE)).toBeNull();
    expect(optionForKey("0", FIVE)).toBeNull();
    for (const key of [" ", "Enter", "?", "Escape", "ArrowDown", "12", "é"]) expect(optionForKey(key, FIVE)).toBeNull();
  });

  it("matches an instructor's lower-case ids by their letter", () => {
    expect(optionForKey("B", ["a", "b"])).toBe("b");
    expect(optionForKey("2", ["a", "b"])).toBe("b");
  });
});

describe("answerAfterPick", () => {
  it("replaces a single choice", () => {
    expect(answerAfterPick({ answer: "A", id: "C", optionIds: FIVE, multiple: false })).toBe("C");
    expect(answerAfterPick({ answer: "", id: "A", optionIds: FIVE, multiple: false })).toBe("A");
  });

  it("toggles one option of a multiple choice and keeps the options in their order", () => {
    expect(answerAfterPick({ answer: "", id: "C", optionIds: FIVE, multiple: true })).toBe("C");
    expect(answerAfterPick({ answer: "C", id: "A", optionIds: FIVE, multiple: true })).toBe("A, C");
    expect(answerAfterPick({ answer: "A, C", id: "C", optionIds: FIVE, multiple: true })).toBe("A");
    expect(answerAfterPick({ answer: "A", id: "A", optionIds: FIVE, multiple: true })).toBe("");
  });
});
