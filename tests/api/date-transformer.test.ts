import { describe, expect, it } from "vitest";
import { dateTransformer } from "@/lib/api/date-transformer";

const roundTrip = (value: unknown) => dateTransformer.deserialize(JSON.parse(JSON.stringify(dateTransformer.serialize(value))));

describe("the API's data transformer", () => {
  it("brings Dates back as Dates, at any depth, and everything else as JSON", () => {
    const due = new Date("2026-05-01T09:00:00.000Z");
    const value = { status: "graded", nextDue: due, dueByRating: { 1: due }, history: [{ reviewedAt: due, score: 0.5, mistake: null }] };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.history[0]!.reviewedAt).toBeInstanceOf(Date);
    expect(back.dueByRating[1]!.getTime()).toBe(due.getTime());
  });

  it("keeps superjson's envelope, so a body written as {json: …} is read", () => {
    expect(dateTransformer.serialize({ a: 1 })).toEqual({ json: { a: 1 } });
    expect(dateTransformer.deserialize({ json: { title: "CNN 101" } })).toEqual({ title: "CNN 101" });
  });

  it("leaves plain values, nulls and an engine spec untouched", () => {
    const spec = { input: [1, 28, 28], layers: [{ type: "conv2d", filters: 6, kernel: 5, padding: 2 }] };
    expect(roundTrip(spec)).toEqual(spec);
    expect(roundTrip(null)).toBeNull();
    expect(roundTrip("x")).toBe("x");
  });
});
