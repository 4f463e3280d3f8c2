import { describe, expect, it } from "vitest";
import { failurePage, pageLocaleOf, refusalPage } from "@/lib/server/lti/launch-page";
import { LaunchRefusal } from "@/lib/server/lti/launch-refusal";
import { launchCookieAttributes, launchIsFramed } from "@/lib/server/lti/launch-session";

describe("a launch's session cookie", () => {
  it("is SameSite=None and Secure over HTTPS, and Partitioned only inside a frame", () => {
    expect(launchCookieAttributes("https://stride.example.edu", true)).toEqual({ sameSite: "none", secure: true, partitioned: true });
    expect(launchCookieAttributes("https://stride.example.edu", false)).toEqual({ sameSite: "none", secure: true, partitioned: false });
  });

  it("is the same on loopback, which browsers count as a secure context, and Lax on plain HTTP elsewhere (Secure would be refused)", () => {
    expect(launchCookieAttributes("http://localhost:3000", true)).toMatchObject({ sameSite: "none", secure: true });
    expect(launchCookieAttributes("http://127.0.0.1:3000", true)).toMatchObject({ sameSite: "none", secure: true });
    expect(launchCookieAttributes("http://stride.lan:3000", true)).toEqual({ sameSite: "lax", secure: false, partitioned: false });
  });

  it("counts a launch as framed by the browser's Sec-Fetch-Dest first, else the platform's document target, a frame by default", () => {
    expect(launchIsFramed({ fetchDest: "iframe", documentTarget: "window" })).toBe(true);
    expect(launchIsFramed({ fetchDest: "document", documentTarget: "iframe" })).toBe(false);
    expect(launchIsFramed({ fetchDest: null, documentTarget: "window" })).toBe(false);
    expect(launchIsFramed({ fetchDest: null, documentTarget: "iframe" })).toBe(true);
    expect(launchIsFramed({ fetchDest: null, documentTarget: undefined })).toBe(true);
  });
});

describe("the launch's pages", () => {
  it("answer a refusal with its status, its reason and the values it names, escaped", async () => {
    const response = refusalPage({ refusal: new LaunchRefusal("lti.launch.missingClaim", "x", { claim: "<script>" }), locale: "en" });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain('data-reason="lti.launch.missingClaim"');
    expect(body).toContain("The launch lacks the claim &#60;script&#62;.");
    expect(body).not.toContain("<script>");
  });

  it("answer a system error with 500 in the person's language, blaming no one", async () => {
    const response = failurePage({ locale: "zh-CN" });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("这不是你的问题");
  });

  it("speak the platform's language, else the one chosen on Stride, else the browser's", () => {
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(pageLocaleOf({ headers: headers({ cookie: "NEXT_LOCALE=en" }), platformLocale: "zh_CN" })).toBe("zh-CN");
    expect(pageLocaleOf({ headers: headers({ cookie: "a=b; NEXT_LOCALE=zh-CN", "accept-language": "en" }) })).toBe("zh-CN");
    expect(pageLocaleOf({ headers: headers({ "accept-language": "zh-TW,zh;q=0.9" }) })).toBe("zh-CN");
    expect(pageLocaleOf({ headers: headers({}) })).toBe("en");
  });
});
