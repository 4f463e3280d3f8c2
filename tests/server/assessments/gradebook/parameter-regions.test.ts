import { describe, expect, it } from "vitest";
import { parameterRegions } from "@/lib/server/assessments/gradebook/parameter-regions";

describe("an assessment question's tries by parameter region", () => {
  it("groups the tries by each parameter that varies, in numeric order, with each group's facility", () => {
    const regions = parameterRegions([
      { variables: { s: 2, k: 3 }, score: 0 },
      { variables: { s: 1, k: 3 }, score: 1 },
      { variables: { s: 2, k: 3 }, score: 1 },
      { variables: { s: 10, k: 3 }, score: 0.5 },
      { variables: null, score: 1 },
    ]);
    // k never varies, so it is no region; s = 1: 1/1, s = 2: (0 + 1)/2, s = 10: 0.5/1.
    expect(regions).toEqual([
      {
        variable: "s",
        values: [
          { value: "1", tries: 1, facility: 1 },
          { value: "2", tries: 2, facility: 0.5 },
          { value: "10", tries: 1, facility: 0.5 },
        ],
      },
    ]);
  });

  it("leaves out a parameter with more values than a reader can take in (over 12)", () => {
    const samples = Array.from({ length: 13 }, (_, index) => ({ variables: { n: index }, score: 1 }));
    expect(parameterRegions(samples)).toEqual([]);
    expect(parameterRegions(samples.slice(0, 12))[0]!.values).toHaveLength(12);
  });
});
