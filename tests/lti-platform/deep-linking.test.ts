import { SignJWT, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claim, role, startTestPlatform, type DeepLinkingSettings, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";
import { strangerKey } from "./tool-requests";

let platform: TestPlatform;
let tool: FakeTool;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool" });
  tool = await startFakeTool(platform);
  platform.setToolJwksUrl(tool.jwksUrl);
});

afterAll(async () => {
  await tool.close();
  await platform.close();
});

const instructor = { sub: "teacher-1", name: "Grace Hopper" };

/** A deep-linking launch through the fake tool; what the tool then knows of the request. */
async function deepLinkingRequest() {
  const result = await platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: instructor, roles: [role.instructor], messageType: "LtiDeepLinkingRequest" });
  const claims = (JSON.parse(result.response.body) as { claims: JWTPayload }).claims;
  return { settings: claims[claim.deepLinkingSettings] as DeepLinkingSettings, deploymentId: claims[claim.deploymentId] as string };
}

/** The tool's LtiDeepLinkingResponse (Deep Linking 2.0 §4.5), with any claim changed. */
async function signResponse(request: { settings: DeepLinkingSettings; deploymentId: string }, change: JWTPayload = {}, key = tool.privateKey): Promise<string> {
  return new SignJWT({
    iss: platform.clientId,
    aud: platform.issuer,
    nonce: randomUUID(),
    [claim.messageType]: "LtiDeepLinkingResponse",
    [claim.version]: "1.3.0",
    [claim.deploymentId]: request.deploymentId,
    [claim.deepLinkingData]: request.settings.data,
    [claim.contentItems]: [
      { type: "ltiResourceLink", title: "Assessment 1", url: `${tool.base}/launch`, custom: { assessment: "a-1" }, lineItem: { scoreMaximum: 10, label: "Assessment 1", resourceId: "a-1" } },
      { type: "ltiResourceLink", title: "Daily review", custom: { target: "review" } },
    ],
    [claim.deepLinkingMsg]: "Added 2 activities",
    ...change,
  })
    .setProtectedHeader({ alg: "RS256", kid: tool.kid })
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
}

const postBack = (url: string, jwt: string) => fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ JWT: jwt }) });

describe("the deep-linking return endpoint", () => {
  it("accepts a signed response, records it, and places each resource link with its line item", async () => {
    const request = await deepLinkingRequest();
    const response = await postBack(request.settings.deep_link_return_url, await signResponse(request));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Added 2 activities");
    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems).toEqual([]);
    expect(record.contentItems).toHaveLength(2);
    expect(record.placed).toEqual([
      {
        resourceLinkId: expect.any(String),
        contextId: "context-1",
        title: "Assessment 1",
        targetLinkUri: `${tool.base}/launch`,
        custom: { assessment: "a-1" },
        lineItem: { id: expect.stringContaining(platform.urls.lineItems()), label: "Assessment 1", scoreMaximum: 10, resourceId: "a-1", resourceLinkId: record.placed[0]!.resourceLinkId },
      },
      { resourceLinkId: expect.any(String), contextId: "context-1", title: "Daily review", targetLinkUri: tool.launchUrl, custom: { target: "review" } },
    ]);
  });

  it("launches a placed link with its resource link id, custom parameters and line item", async () => {
    const request = await deepLinkingRequest();
    await postBack(request.settings.deep_link_return_url, await signResponse(request));
    const placed = platform.deepLinkingResponses.at(-1)!.placed[0]!;
    const result = await platform.launch({ toolLoginUrl: tool.loginUrl, user: { sub: "learner-1" }, roles: [role.learner], ...platform.launchOptionsFor(placed) });
    expect(result.response.status).toBe(200);
    expect(result.claims![claim.resourceLink]).toEqual({ id: placed.resourceLinkId, title: "Assessment 1" });
    expect(result.claims![claim.custom]).toEqual({ assessment: "a-1" });
    expect(result.claims![claim.agsEndpoint]).toMatchObject({ lineitem: placed.lineItem!.id });
  });

  it.each([
    ["another audience", { aud: "https://elsewhere" }, /claim aud/],
    ["another issuer", { iss: "someone" }, /claim iss/],
    ["no nonce", { nonce: undefined }, /claim nonce/],
    ["the wrong message type", { [claim.messageType]: "LtiResourceLinkRequest" }, /message_type must be LtiDeepLinkingResponse/],
    ["another version", { [claim.version]: "1.1" }, /version must be 1.3.0/],
    ["an unknown deployment", { [claim.deploymentId]: "nowhere" }, /deployment_id is not one of this platform's/],
    ["data not echoed", { [claim.deepLinkingData]: "forged" }, /data does not echo/],
    ["content_items not a list", { [claim.contentItems]: { type: "ltiResourceLink" } }, /content_items must be an array/],
    ["a line item without a maximum", { [claim.contentItems]: [{ type: "ltiResourceLink", lineItem: { label: "x" } }] }, /scoreMaximum/],
  ] as const)("refuses a response with %s", async (_name, change, reason) => {
    const request = await deepLinkingRequest();
    const response = await postBack(request.settings.deep_link_return_url, await signResponse(request, change));
    expect(response.status).toBe(400);
    const record = platform.deepLinkingResponses.at(-1)!;
    expect(record.problems.join("; ")).toMatch(reason);
    expect(record.placed).toEqual([]);
  });

  it("refuses a response signed outside the tool's JWKS, and the same nonce twice", async () => {
    const request = await deepLinkingRequest();
    const forged = await postBack(request.settings.deep_link_return_url, await signResponse(request, {}, await strangerKey()));
    expect(forged.status).toBe(400);
    expect(platform.deepLinkingResponses.at(-1)!.problems).toEqual(["ERR_JWS_SIGNATURE_VERIFICATION_FAILED"]);
    const jwt = await signResponse(request);
    expect((await postBack(request.settings.deep_link_return_url, jwt)).status).toBe(200);
    expect((await postBack(request.settings.deep_link_return_url, jwt)).status).toBe(400);
    expect(platform.deepLinkingResponses.at(-1)!.problems).toEqual(["nonce was used before"]);
  });
});
