import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isConnectionFailure, MAX_SUBMIT_TRIES, submitNotice, submitRetryDelay } from "@/app/_components/offline/connection-failure";

describe("telling a lost connection from the API's own errors", () => {
  it("a fetch that never got an answer is a connection failure", () => {
    expect(isConnectionFailure(new TRPCClientError("Failed to fetch", { cause: new TypeError("Failed to fetch") }))).toBe(true);
    expect(isConnectionFailure(new TypeError("NetworkError when attempting to fetch resource."))).toBe(true);
  });

  it("an answer of the API (a 409 already answered, a 429, a validation error) is not: it carries the API's data", () => {
    const conflict = TRPCClientError.from({ error: { code: -32009, message: "This problem has already been answered.", data: { code: "CONFLICT", httpStatus: 409 } } });
    expect(isConnectionFailure(conflict)).toBe(false);
    expect(isConnectionFailure(new Error("boom"))).toBe(false);
  });
});

describe("what the learner is told while an answer is on its way", () => {
  const lost = new TRPCClientError("Failed to fetch");
  it("kept for later while the browser is offline (the mutation is paused)", () => {
    expect(submitNotice({ isPaused: true, isPending: true, failureCount: 0, error: null })).toBe("waiting");
    expect(submitNotice({ isPaused: true, isPending: true, failureCount: 2, error: lost })).toBe("waiting");
  });

  it("being tried again after a try failed online", () => {
    expect(submitNotice({ isPaused: false, isPending: true, failureCount: 1, error: lost })).toBe("retrying");
  });

  it("not sent once the tries ran out, and nothing for a first try or an API error", () => {
    expect(submitNotice({ isPaused: false, isPending: false, failureCount: MAX_SUBMIT_TRIES, error: lost })).toBe("failed");
    expect(submitNotice({ isPaused: false, isPending: true, failureCount: 0, error: null })).toBeNull();
    const refused = TRPCClientError.from({ error: { code: -32600, message: "type an answer", data: { code: "BAD_REQUEST", httpStatus: 400 } } });
    expect(submitNotice({ isPaused: false, isPending: false, failureCount: 1, error: refused })).toBeNull();
  });

  it("waits 1 s, 2 s, 4 s, 8 s, then at most 15 s between tries", () => {
    expect([0, 1, 2, 3, 4, 10].map(submitRetryDelay)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });
});
