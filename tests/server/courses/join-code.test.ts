import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinPath, normalizeJoinCode, randomJoinCode } from "@/lib/server/courses/join-code";

describe("join codes", () => {
  it("leaves out the characters people confuse when reading a code aloud or off a projector", () => {
    for (const confusable of ["0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B"]) expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("draws each of its 8 characters from the alphabet by the random source given", () => {
    // A source answering 0, 1, 2, … picks the alphabet's first 8 characters in order.
    let next = 0;
    expect(randomJoinCode(() => next++)).toBe(JOIN_CODE_ALPHABET.slice(0, JOIN_CODE_LENGTH));
    expect(randomJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
  });

  it("reads a typed code in any case, with spaces or dashes, as stored", () => {
    expect(normalizeJoinCode(" ackm-3467 ")).toBe("ACKM3467");
    expect(joinPath("ACKM3467")).toBe("/join/ACKM3467");
  });
});
