import { describe, expect, it } from "vitest";
import { demoAccountsAllowed } from "@/lib/server/auth/demo-accounts";

describe("demoAccountsAllowed", () => {
  it("allows demo accounts on a laptop (no NODE_ENV, development, test)", () => {
    expect(demoAccountsAllowed({ nodeEnv: undefined, strideDemo: undefined })).toBe(true);
    expect(demoAccountsAllowed({ nodeEnv: "development", strideDemo: undefined })).toBe(true);
    expect(demoAccountsAllowed({ nodeEnv: "test", strideDemo: undefined })).toBe(true);
  });

  it("refuses them in production unless STRIDE_DEMO=1", () => {
    expect(demoAccountsAllowed({ nodeEnv: "production", strideDemo: undefined })).toBe(false);
    expect(demoAccountsAllowed({ nodeEnv: "production", strideDemo: "1" })).toBe(true);
  });

  it("never creates them when STRIDE_DEMO=0", () => {
    expect(demoAccountsAllowed({ nodeEnv: "development", strideDemo: "0" })).toBe(false);
  });
});
