import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserRequest, CookieJar, describeSetup, parseHtmlForm, role, startTestPlatform, submitForm, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";

let platform: TestPlatform;
let tool: FakeTool;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool", name: "Course LMS" });
  tool = await startFakeTool(platform);
  platform.toolLoginUrl = tool.loginUrl;
  platform.toolTargetLinkUri = tool.launchUrl;
});

afterAll(async () => {
  await tool.close();
  await platform.close();
});

const iframeSrc = (html: string) => /<iframe id="tool-frame"[^>]* src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");

describe("pages for a real browser", () => {
  it("shows the tool in an iframe whose src is the login initiation, and that launch completes", async () => {
    const pageUrl = platform.browserLaunchUrl({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "browser-user" }, roles: [role.learner] });
    const page = await fetch(pageUrl);
    const html = await page.text();
    expect(html).toContain("<title>Course LMS: Convolutional Neural Networks</title>");
    const src = new URL(iframeSrc(html)!);
    expect(src.origin + src.pathname).toBe(tool.loginUrl);
    expect(Object.fromEntries(src.searchParams)).toEqual({
      iss: platform.issuer,
      login_hint: "browser-user",
      target_link_uri: tool.launchUrl,
      lti_message_hint: expect.stringMatching(/^launch-/),
      client_id: "fake-tool",
      lti_deployment_id: "deployment-1",
    });
    expect(html).not.toContain("lti.put_data");

    const jar = new CookieJar();
    const login = await browserRequest(jar, src.toString());
    const authorization = await browserRequest(jar, login.location!);
    expect(parseHtmlForm(authorization.body, authorization.url)?.action).toBe(tool.launchUrl);
    const launched = await submitForm(jar, authorization, { form: { actionContains: "/launch" } });
    expect(launched.status).toBe(200);
    expect(JSON.parse(launched.body)).toMatchObject({ launched: true, claims: { sub: "browser-user" } });
  });

  it("offers platform storage when asked: lti_storage_target in the initiation and the postMessage handler on the page", async () => {
    const html = await (await fetch(platform.browserLaunchUrl({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "u" }, platformStorage: true }))).text();
    expect(new URL(iframeSrc(html)!).searchParams.get("lti_storage_target")).toBe("_parent");
    expect(html).toContain("lti.put_data");
  });

  it("puts a new-window link instead of an iframe for the window presentation", async () => {
    const html = await (await fetch(platform.browserLaunchUrl({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "u" }, presentation: "window" }))).text();
    expect(html).toContain('id="tool-window"');
    expect(html).not.toContain("<iframe");
  });

  it("starts a launch from the home page's form and sends the browser to its page", async () => {
    expect(await (await fetch(`${platform.issuer}/`)).text()).toContain('action="/lms/start"');
    const started = await fetch(`${platform.issuer}/lms/start`, { method: "POST", body: new URLSearchParams({ sub: "home-user", role: role.instructor, messageType: "LtiDeepLinkingRequest" }), redirect: "manual" });
    expect(started.status).toBe(303);
    const hint = decodeURIComponent(started.headers.get("location")!.split("/").at(-1)!);
    expect(platform.pendingLaunches.get(hint)?.options).toMatchObject({ user: { sub: "home-user" }, roles: [role.instructor], messageType: "LtiDeepLinkingRequest", targetLinkUri: tool.launchUrl });
  });

  it("opens a tool's registration URL with the openid_configuration and a fresh registration token", async () => {
    const html = await (await fetch(`${platform.issuer}/lms/register`, { method: "POST", body: new URLSearchParams({ url: `${tool.base}/lti/register` }) })).text();
    const src = new URL(/id="registration-frame" src="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(src.searchParams.get("openid_configuration")).toBe(platform.urls.openidConfiguration);
    expect(platform.registrationTokens.has(src.searchParams.get("registration_token")!)).toBe(true);
  });

  it("tells a person the CLI command that registers the platform in Stride", () => {
    const text = describeSetup(platform, "http://localhost:3000");
    expect(text).toContain(
      `npx stride lti platform add --issuer ${platform.issuer} --client-id fake-tool --name 'Course LMS' --auth-login-url ${platform.urls.authorization} --token-url ${platform.urls.token} --jwks-url ${platform.urls.jwks} --deployment deployment-1`,
    );
    expect(text).toContain("http://localhost:3000/lti/register");
  });
});
