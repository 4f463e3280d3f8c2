import { describe, expect, it } from "vitest";
import { baseUrlOf, isOwnOrigin, trustedOriginsOf } from "@/lib/server/auth/origins";

describe("the app's address for sign-in", () => {
  it("is localhost on the port when no public address is configured, and 127.0.0.1 is trusted too", () => {
    expect(baseUrlOf({ PORT: 3000, STRIDE_BASE_URL: undefined })).toBe("http://localhost:3000");
    expect(trustedOriginsOf({ PORT: 3100, STRIDE_BASE_URL: undefined })).toEqual(["http://127.0.0.1:3100", "http://localhost:3100"]);
  });

  it("is the configured public address, with no extra origins", () => {
    expect(baseUrlOf({ PORT: 3000, STRIDE_BASE_URL: "https://stride.example.edu" })).toBe("https://stride.example.edu");
    expect(trustedOriginsOf({ PORT: 3000, STRIDE_BASE_URL: "https://stride.example.edu" })).toEqual([]);
  });
});

describe("a form post's Origin as Stride's own", () => {
  it("is the base URL's origin (path and trailing slash aside) or a trusted one, never another site or none", () => {
    expect(isOwnOrigin("https://stride.example.edu", "https://stride.example.edu/")).toBe(true);
    expect(isOwnOrigin("http://127.0.0.1:3100", "http://localhost:3100", ["http://127.0.0.1:3100"])).toBe(true);
    expect(isOwnOrigin("https://lms.example.edu", "https://stride.example.edu")).toBe(false);
    expect(isOwnOrigin("http://stride.example.edu", "https://stride.example.edu")).toBe(false);
    expect(isOwnOrigin("null", "https://stride.example.edu")).toBe(false);
    expect(isOwnOrigin(null, "https://stride.example.edu")).toBe(false);
  });
});
