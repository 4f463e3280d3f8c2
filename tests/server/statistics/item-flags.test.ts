import { describe, expect, it } from "vitest";
import { itemFlags } from "@/lib/server/statistics/item-flags";

const healthy = { attempts: 40, facility: 0.6, discrimination: 0.4, keyMismatches: 0 };

describe("itemFlags", () => {
  it("leaves a healthy question alone", () => {
    expect(itemFlags(healthy)).toEqual([]);
  });

  it("flags negative discrimination, as on the demo pooling question (−0.51), but not zero", () => {
    expect(itemFlags({ ...healthy, discrimination: -0.51 })).toEqual([{ kind: "negative-discrimination", value: -0.51 }]);
    expect(itemFlags({ ...healthy, discrimination: 0 })).toEqual([]);
    expect(itemFlags({ ...healthy, discrimination: null })).toEqual([]);
  });

  it("flags facility below 20 % and above 95 %, not at the bounds", () => {
    expect(itemFlags({ ...healthy, facility: 0.19 })).toEqual([{ kind: "low-facility", value: 0.19 }]);
    expect(itemFlags({ ...healthy, facility: 0.2 })).toEqual([]);
    expect(itemFlags({ ...healthy, facility: 0.96 })).toEqual([{ kind: "high-facility", value: 0.96 }]);
    expect(itemFlags({ ...healthy, facility: 0.95 })).toEqual([]);
  });

  it("judges facility only from five attempts on", () => {
    expect(itemFlags({ ...healthy, attempts: 4, facility: 0 })).toEqual([]);
    expect(itemFlags({ ...healthy, attempts: 5, facility: 0 })).toEqual([{ kind: "low-facility", value: 0 }]);
  });

  it("flags key mismatch reports first, with their count, beside the other signs", () => {
    expect(itemFlags({ attempts: 10, facility: 1, discrimination: -0.2, keyMismatches: 2 })).toEqual([
      { kind: "key-mismatches", count: 2 },
      { kind: "negative-discrimination", value: -0.2 },
      { kind: "high-facility", value: 1 },
    ]);
  });
});
