import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/server/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site", () => {
    expect(safeNextPath("/progress")).toBe("/progress");
    expect(safeNextPath("/review?practice=1")).toBe("/review?practice=1");
  });

  it("refuses other sites, protocol-relative and backslash tricks", () => {
    expect(safeNextPath("https://evil.example/")).toBe("/review");
    expect(safeNextPath("//evil.example/")).toBe("/review");
    expect(safeNextPath("/\\evil.example")).toBe("/review");
    expect(safeNextPath("javascript:alert(1)")).toBe("/review");
  });

  it("falls back when next is missing or repeated", () => {
    expect(safeNextPath(undefined)).toBe("/review");
    expect(safeNextPath(["/a", "/b"])).toBe("/review");
    expect(safeNextPath(undefined, "/")).toBe("/");
  });
});
