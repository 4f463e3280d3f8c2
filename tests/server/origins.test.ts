import { describe, expect, it } from "vitest";
import { baseUrlOf, trustedOriginsOf } from "@/lib/server/auth/origins";

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
