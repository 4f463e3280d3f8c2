/**
 * Every bad launch of issue 15 ("Bad launches") driven by the test platform's tamper knobs over
 * real HTTP, on both databases: each is refused with its reason and status on a page in the
 * platform's language, logged with that reason (never with the token), and leaves no session and
 * no user behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserRequest, claim, CookieJar, role, startTestPlatform, type LaunchOptions, type LaunchTamper, type TestPlatform } from "@/tests/support/lti-platform";
import { refusalReasonOf, registeredPlatform, startLtiToolServer, type LtiToolServer } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("LTI 1.3 bad launches on %s", (kind) => {
  let database: TestDatabase;
  let tool: LtiToolServer;
  let platform: TestPlatform;
  let people = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tool = await startLtiToolServer(database.prisma);
    platform = await registeredPlatform(database.prisma, tool);
    // The course exists, so that a learner's launch is refused only for what is tampered with.
    const ready = await platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "teacher" }, roles: [role.instructor] });
    expect(ready.response.status).toBe(303);
  });

  afterAll(async () => {
    await platform?.close();
    await tool?.close();
    await database?.drop();
  });

  const counts = async () => ({ users: await database.prisma.user.count(), sessions: await database.prisma.session.count() });

  /** A new person's launch (so that any user made would be new), with `options` over the defaults. */
  const launch = (options: Partial<LaunchOptions> = {}) => {
    people += 1;
    return platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: `learner-${people}`, name: "Mallory", locale: "en-US" }, roles: [role.learner], ...options });
  };

  const refusals: [string, LaunchTamper, number, string][] = [
    ["a token from another issuer", { wrongIssuer: true }, 401, "lti.launch.wrongIssuer"],
    ["a token for another client", { wrongAudience: true }, 401, "lti.launch.wrongAudience"],
    ["a token whose azp is another client", { wrongAzp: true }, 401, "lti.launch.wrongAudience"],
    ["an expired token", { expired: true }, 401, "lti.launch.expiredToken"],
    ["a token issued in the future", { issuedInFuture: true }, 401, "lti.launch.tokenFromFuture"],
    ["a token signed by another key under the platform's kid", { badSignature: true }, 401, "lti.launch.badSignature"],
    ["a token signed under a kid the platform does not publish", { unknownKid: true }, 401, "lti.launch.badSignature"],
    ["a deployment the platform did not register", { unknownDeployment: true }, 403, "lti.launch.unknownDeployment"],
    ["a nonce other than the login's", { wrongNonce: true }, 401, "lti.launch.wrongNonce"],
    ["a state Stride never issued", { wrongState: true }, 401, "lti.launch.unknownState"],
    ["no sub", { omitClaims: ["sub"] }, 400, "lti.launch.missingClaim"],
    ["no nonce", { omitClaims: ["nonce"] }, 400, "lti.launch.missingClaim"],
    ["no message type", { omitClaims: ["message_type"] }, 400, "lti.launch.missingClaim"],
    ["no version", { omitClaims: ["version"] }, 400, "lti.launch.missingClaim"],
    ["no roles", { omitClaims: ["roles"] }, 400, "lti.launch.missingClaim"],
    ["no deployment id", { omitClaims: ["deployment_id"] }, 400, "lti.launch.missingClaim"],
    ["no target link", { omitClaims: ["target_link_uri"] }, 400, "lti.launch.missingClaim"],
    ["no resource link", { omitClaims: ["resource_link"] }, 400, "lti.launch.missingClaim"],
    ["a resource link without its id", { omitClaims: ["resource_link.id"] }, 400, "lti.launch.missingClaim"],
    ["LTI version 1.1.0", { overrideClaims: { [claim.version]: "1.1.0" } }, 400, "lti.launch.wrongVersion"],
    ["another message type", { overrideClaims: { [claim.messageType]: "LtiSubmissionReviewRequest" } }, 400, "lti.launch.unsupportedMessageType"],
    ["a target link other than the login's", { overrideClaims: { [claim.targetLinkUri]: "https://elsewhere.example/lti/launch" } }, 400, "lti.launch.badClaim"],
  ];

  it.each(refusals)("refuses %s, logs why, and makes no session or user", async (_name, tamper, status, reason) => {
    const before = await counts();
    const result = await launch({ tamper });
    expect(result.stage).toBe("launched");
    expect(result.response.status).toBe(status);
    expect(refusalReasonOf(result.response.body)).toBe(reason);
    expect(result.response.body).toContain("Stride could not open this activity");
    expect(result.response.setCookies).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(tool.logs.at(-1)).toMatchObject({ event: "lti.launch.refused", reason });
    expect(JSON.stringify(tool.logs)).not.toContain(result.idToken ?? "no token");
  });

  it("refuses a replayed launch (the same id_token and state posted twice): the first signs in, the second makes nothing", async () => {
    const before = await counts();
    const result = await launch({ tamper: { replay: true } });
    expect(result.firstResponse?.status).toBe(303);
    expect(result.response.status).toBe(401);
    expect(refusalReasonOf(result.response.body)).toBe("lti.launch.usedState");
    expect(await counts()).toEqual({ users: before.users + 1, sessions: before.sessions + 1 });
  });

  it("refuses a login initiation for a deployment the platform did not register, before asking the platform", async () => {
    const before = await counts();
    const result = await launch({ deploymentId: "deployment-nobody-registered" });
    expect(result.stage).toBe("login");
    expect(result.login.status).toBe(403);
    expect(refusalReasonOf(result.login.body)).toBe("lti.login.unknownDeployment");
    expect(await counts()).toEqual(before);
  });

  it("refuses a login initiation from a platform nobody registered", async () => {
    const stranger = await startTestPlatform({ redirectUris: [tool.launchUrl] });
    try {
      const result = await stranger.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "someone" } });
      expect(result.login.status).toBe(400);
      expect(refusalReasonOf(result.login.body)).toBe("lti.login.unknownPlatform");
      expect(tool.logs.at(-1)).toMatchObject({ event: "lti.login.refused", reason: "lti.login.unknownPlatform" });
    } finally {
      await stranger.close();
    }
  });

  it("refuses a login initiation without login_hint or whose target is not Stride", async () => {
    const jar = new CookieJar();
    const missing = await browserRequest(jar, tool.loginUrl, { form: { iss: platform.issuer, target_link_uri: tool.launchUrl } });
    expect([missing.status, refusalReasonOf(missing.body)]).toEqual([400, "lti.login.missingParameter"]);
    expect(missing.body).toContain("login_hint");
    const elsewhere = await browserRequest(jar, tool.loginUrl, { form: { iss: platform.issuer, login_hint: "x", target_link_uri: "https://elsewhere.example/" } });
    expect([elsewhere.status, refusalReasonOf(elsewhere.body)]).toEqual([400, "lti.login.badTargetLinkUri"]);
  });

  it("tells a learner who launches before any instructor that the course is not ready, and makes nothing", async () => {
    const before = await counts();
    const result = await launch({ context: { id: "course-nobody-taught", title: "Empty" } });
    expect(result.response.status).toBe(403);
    expect(refusalReasonOf(result.response.body)).toBe("lti.launch.noCourseYet");
    expect(result.response.body).toContain("Ask your instructor to open Stride from this course");
    expect(await counts()).toEqual(before);
    expect(await database.prisma.ltiContext.count({ where: { contextId: "course-nobody-taught" } })).toBe(0);
  });

  it("refuses a launch whose login state expired, one without id_token, and the platform's own error", async () => {
    const expired = await database.prisma.ltiLoginState.create({
      data: { state: `expired-${kind}`, nonce: `expired-nonce-${kind}`, platformId: (await database.prisma.ltiPlatform.findFirstOrThrow()).id, targetLinkUri: tool.launchUrl, expiresAt: new Date(Date.now() - 1000) },
    });
    const jar = new CookieJar();
    const late = await browserRequest(jar, tool.launchUrl, { method: "POST", form: { state: expired.state, id_token: "x.y.z" } });
    expect([late.status, refusalReasonOf(late.body)]).toEqual([401, "lti.launch.expiredState"]);
    const noToken = await browserRequest(jar, tool.launchUrl, { method: "POST", form: { state: "anything" } });
    expect([noToken.status, refusalReasonOf(noToken.body)]).toEqual([400, "lti.launch.missingParameter"]);
    const platformError = await browserRequest(jar, tool.launchUrl, { method: "POST", form: { error: "login_required", error_description: "No session", state: "anything" } });
    expect([platformError.status, refusalReasonOf(platformError.body)]).toEqual([400, "lti.launch.platformError"]);
    expect(platformError.body).toContain("login_required");
  });

  it("refuses a launch whose platform's keys cannot be fetched, saying so", async () => {
    const broken = await registeredPlatform(database.prisma, tool, { clientId: "stride-broken-keys" });
    try {
      await database.prisma.ltiPlatform.update({ where: { issuer_clientId: { issuer: broken.issuer, clientId: broken.clientId } }, data: { jwksUrl: `${tool.base}/not-a-key-set` } });
      const before = await counts();
      const result = await broken.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "someone" }, roles: [role.instructor] });
      expect([result.response.status, refusalReasonOf(result.response.body)]).toEqual([401, "lti.launch.keysUnavailable"]);
      expect(await counts()).toEqual(before);
    } finally {
      await broken.close();
    }
  });

  it("words the refusal in the platform's language: Chinese for a zh-CN launch", async () => {
    const result = await launch({ user: { sub: "learner-zh", locale: "zh-CN" }, tamper: { expired: true } });
    expect(result.response.status).toBe(401);
    expect(result.response.body).toContain('<html lang="zh-CN">');
    expect(result.response.body).toContain("启动令牌已过期。");
    expect(result.response.body).toContain("Stride 无法打开此活动");
  });
});
