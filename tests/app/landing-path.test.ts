import { describe, expect, it } from "vitest";
import { landingPathFor } from "@/app/sign-in/landing-path";

describe("landingPathFor", () => {
  it("sends an instructor or an admin to their courses, a learner to their reviews", () => {
    expect(landingPathFor("instructor", null)).toBe("/teach");
    expect(landingPathFor("admin", null)).toBe("/teach");
    expect(landingPathFor("learner", null)).toBe("/review");
  });

  it("reads an unknown or missing role as a learner's", () => {
    expect(landingPathFor(undefined, null)).toBe("/review");
    expect(landingPathFor("Instructor", null)).toBe("/review");
  });

  it("keeps the page a link asked for, whatever the role", () => {
    expect(landingPathFor("instructor", "/join/ACDEFGHJ")).toBe("/join/ACDEFGHJ");
    expect(landingPathFor("learner", "/progress")).toBe("/progress");
  });
});
