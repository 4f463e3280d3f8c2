/**
 * Every reason a login, launch or its later steps can be refused for (launch-refusal.ts) names
 * itself on the error page in both languages, with its status, and marks the reason for machines;
 * the launch's own error page is what the platform's language picks (pageLocaleOf).
 */
import { describe, expect, it } from "vitest";
import { refusalPage } from "@/lib/server/lti/launch-page";
import { LAUNCH_REFUSALS, LaunchRefusal, type LaunchRefusalReason } from "@/lib/server/lti/launch-refusal";

const PARAMS = { parameter: "state", claim: "nonce", error: "login_required", version: "1.1", messageType: "Other" };

describe("the LTI refusal pages", () => {
  const reasons = Object.keys(LAUNCH_REFUSALS) as LaunchRefusalReason[];

  it.each(["en", "zh-CN"] as const)("name every reason in %s, with its status", async (locale) => {
    for (const reason of reasons) {
      const page = refusalPage({ refusal: new LaunchRefusal(reason, "detail", PARAMS), locale });
      expect(page.status).toBe(LAUNCH_REFUSALS[reason]);
      const html = await page.text();
      const sentence = new RegExp(`data-reason="${reason.replace(/\./g, "\\.")}">(?:<strong>)?([^<]+)<`).exec(html)?.[1];
      expect(sentence, reason).toBeTruthy();
      expect(sentence, reason).not.toContain("reasons.");
      expect(sentence, reason).not.toContain("ltiLaunch");
    }
  });

  it("says the browser-binding refusals differently in Chinese", async () => {
    const en = await refusalPage({ refusal: new LaunchRefusal("lti.launch.stateNotBound"), locale: "en" }).text();
    const zh = await refusalPage({ refusal: new LaunchRefusal("lti.launch.stateNotBound"), locale: "zh-CN" }).text();
    expect(en).toContain("new window");
    expect(zh).toContain("新窗口");
  });
});
