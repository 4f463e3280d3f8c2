import { describe, expect, it } from "vitest";
import { proceduresOf } from "@/lib/server/observability/http-observation";

describe("the procedures a request's log line names", () => {
  it("reads a batch from the URL", () => {
    expect(proceduresOf("http://stride.test/api/trpc/review.next,review.submit?batch=1")).toEqual(["review.next", "review.submit"]);
    expect(proceduresOf("http://stride.test/api/trpc/courses.get%2Ccourses.list")).toEqual(["courses.get,courses.list"]);
    expect(proceduresOf("http://stride.test/api/health")).toEqual([]);
  });

  it("keeps at most 20 names of at most 100 characters, whatever a client sends", () => {
    const names = proceduresOf(`http://stride.test/api/trpc/${Array.from({ length: 500 }, () => "x".repeat(5_000)).join(",")}`);
    expect(names).toHaveLength(20);
    for (const name of names) expect(name.length).toBe(100);
  });
});
