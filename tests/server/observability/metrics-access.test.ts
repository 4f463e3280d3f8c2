import { describe, expect, it } from "vitest";
import { metricsAccess } from "@/lib/server/observability/metrics-access";

const TOKEN = "a-metrics-token-of-some-length";

describe("who may read /metrics", () => {
  it("is open in development without a token", () => {
    expect(metricsAccess({ nodeEnv: "development", token: undefined, authorization: null })).toBe("allowed");
  });

  it("is off in production without a token, whatever the request says", () => {
    expect(metricsAccess({ nodeEnv: "production", token: undefined, authorization: `Bearer ${TOKEN}` })).toBe("off");
  });

  it("asks for the bearer token when one is set, in production and in development", () => {
    for (const nodeEnv of ["production", "development"]) {
      expect(metricsAccess({ nodeEnv, token: TOKEN, authorization: null })).toBe("unauthorized");
      expect(metricsAccess({ nodeEnv, token: TOKEN, authorization: "Bearer wrong-token" })).toBe("unauthorized");
      expect(metricsAccess({ nodeEnv, token: TOKEN, authorization: `Basic ${TOKEN}` })).toBe("unauthorized");
      expect(metricsAccess({ nodeEnv, token: TOKEN, authorization: `Bearer ${TOKEN}` })).toBe("allowed");
      expect(metricsAccess({ nodeEnv, token: TOKEN, authorization: `bearer ${TOKEN}` })).toBe("allowed");
    }
  });
});
