import { describe, expect, it } from "vitest";
import { CLAIM, parseLaunchClaims, strideLocaleOf } from "@/lib/server/lti/claims";
import { LaunchRefusal } from "@/lib/server/lti/launch-refusal";

// A resource link launch as LTI 1.3 Core §5.3 lays it out (its example in §E, trimmed).
function resourceLinkPayload(): Record<string, unknown> {
  return {
    iss: "https://lms.example.edu",
    sub: "a6d5c443-1f51-4783-ba1a-7686ffe3b54a",
    aud: ["stride-client"],
    azp: "stride-client",
    exp: 1_900_000_000,
    iat: 1_899_999_700,
    nonce: "fc5fdc6d-5dd6-47f4-b2c9-5d1216e9b771",
    name: "Ms Jane Marie Doe",
    email: "jane@example.edu",
    locale: "en-US",
    [CLAIM.messageType]: "LtiResourceLinkRequest",
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: "07940580-b309-415e-a37c-914d387c1150",
    [CLAIM.targetLinkUri]: "https://stride.example.edu/lti/launch",
    [CLAIM.resourceLink]: { id: "200d101f-2c14-434a-a0f3-57c2a42369fd", title: "Week 3 quiz" },
    [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
    [CLAIM.context]: { id: "c1d887f0-a1a3-4bca-ae25-c375edcc131a", label: "CNN101", title: "Convolutional networks", type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
    [CLAIM.custom]: { stride_kind: "assessment", attempts: 3 },
    [CLAIM.launchPresentation]: { document_target: "iframe", return_url: "https://lms.example.edu/course/1", locale: "zh-CN" },
    [CLAIM.agsEndpoint]: { scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"], lineitems: "https://lms.example.edu/2344/lineitems/", lineitem: "https://lms.example.edu/2344/lineitems/1234/lineitem" },
    [CLAIM.namesRoleService]: { context_memberships_url: "https://lms.example.edu/api/lti/courses/2344/names_and_roles", service_versions: ["2.0"] },
    "https://purl.imsglobal.org/spec/lti/claim/lis": { person_sourcedid: "example.edu:71ee7e42" },
  };
}

function refusalOf(payload: Record<string, unknown>): LaunchRefusal {
  try {
    parseLaunchClaims(payload);
  } catch (error) {
    if (error instanceof LaunchRefusal) return error;
    throw error;
  }
  throw new Error("the claims were accepted");
}

function without(payload: Record<string, unknown>, claim: string): Record<string, unknown> {
  const copy = { ...payload };
  delete copy[claim];
  return copy;
}

describe("LTI launch claims", () => {
  it("reads a resource link launch into short names, aud as a list, custom values as text", () => {
    const claims = parseLaunchClaims(resourceLinkPayload());
    expect(claims).toMatchObject({
      messageType: "LtiResourceLinkRequest",
      issuer: "https://lms.example.edu",
      audience: ["stride-client"],
      authorizedParty: "stride-client",
      deploymentId: "07940580-b309-415e-a37c-914d387c1150",
      resourceLink: { id: "200d101f-2c14-434a-a0f3-57c2a42369fd", title: "Week 3 quiz" },
      context: { id: "c1d887f0-a1a3-4bca-ae25-c375edcc131a", title: "Convolutional networks" },
      custom: { stride_kind: "assessment", attempts: "3" },
      name: "Ms Jane Marie Doe",
      email: "jane@example.edu",
      locale: "en-US",
      returnUrl: "https://lms.example.edu/course/1",
      ags: { lineitem: "https://lms.example.edu/2344/lineitems/1234/lineitem" },
      nrps: { service_versions: ["2.0"] },
    });
    expect(claims).not.toHaveProperty("https://purl.imsglobal.org/spec/lti/claim/lis");
  });

  it("takes a single aud string, a name from given and family names, and the presentation's locale when there is no locale claim", () => {
    const payload = { ...without(without(resourceLinkPayload(), "name"), "locale"), aud: "stride-client", given_name: "Jane", family_name: "Doe" };
    expect(parseLaunchClaims(payload)).toMatchObject({ audience: ["stride-client"], name: "Jane Doe", locale: "zh-CN" });
  });

  it("reads a deep-linking request's settings, with no resource link needed", () => {
    const payload = without(resourceLinkPayload(), CLAIM.resourceLink);
    payload[CLAIM.messageType] = "LtiDeepLinkingRequest";
    payload[CLAIM.deepLinkingSettings] = {
      deep_link_return_url: "https://lms.example.edu/deep_links",
      accept_types: ["ltiResourceLink"],
      accept_presentation_document_targets: ["iframe", "window"],
      accept_lineitem: true,
      data: "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53",
    };
    const claims = parseLaunchClaims(payload);
    expect(claims.messageType).toBe("LtiDeepLinkingRequest");
    if (claims.messageType !== "LtiDeepLinkingRequest") throw new Error("unreachable");
    expect(claims.deepLinkingSettings).toMatchObject({ deep_link_return_url: "https://lms.example.edu/deep_links", accept_lineitem: true, data: "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53" });
  });

  it("refuses a deep-linking request without its settings, naming the claim", () => {
    const payload = { ...resourceLinkPayload(), [CLAIM.messageType]: "LtiDeepLinkingRequest" };
    expect(refusalOf(payload)).toMatchObject({ reason: "lti.launch.missingClaim", status: 400, params: { claim: CLAIM.deepLinkingSettings } });
  });

  it("refuses another message type and another version before anything else", () => {
    expect(refusalOf({ [CLAIM.messageType]: "LtiSubmissionReviewRequest" })).toMatchObject({ reason: "lti.launch.unsupportedMessageType", status: 400 });
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.version]: "1.1" })).toMatchObject({ reason: "lti.launch.wrongVersion", params: { version: "1.1" } });
    expect(refusalOf(without(resourceLinkPayload(), CLAIM.messageType))).toMatchObject({ reason: "lti.launch.missingClaim", params: { claim: CLAIM.messageType } });
    expect(refusalOf(without(resourceLinkPayload(), CLAIM.version))).toMatchObject({ reason: "lti.launch.missingClaim", params: { claim: CLAIM.version } });
  });

  it.each([CLAIM.deploymentId, CLAIM.targetLinkUri, CLAIM.resourceLink, CLAIM.roles, "sub", "nonce", "aud"])("refuses a launch without %s as a missing claim", (claim) => {
    expect(refusalOf(without(resourceLinkPayload(), claim))).toMatchObject({ reason: "lti.launch.missingClaim", status: 400, params: { claim } });
  });

  it("refuses claims of the wrong shape, naming the claim (a nested one by its path)", () => {
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.roles]: "Instructor" })).toMatchObject({ reason: "lti.launch.badClaim", params: { claim: CLAIM.roles } });
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.resourceLink]: { id: "" } })).toMatchObject({ reason: "lti.launch.badClaim", params: { claim: `${CLAIM.resourceLink}.id` } });
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.deploymentId]: "x".repeat(256) })).toMatchObject({ reason: "lti.launch.badClaim", params: { claim: CLAIM.deploymentId } });
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.targetLinkUri]: "javascript:alert(1)" })).toMatchObject({ reason: "lti.launch.badClaim" });
    expect(refusalOf({ ...resourceLinkPayload(), [CLAIM.context]: { title: "no id" } })).toMatchObject({ reason: "lti.launch.missingClaim", params: { claim: `${CLAIM.context}.id` } });
  });

  it("accepts a launch with no context, name, email or services (all optional in Core)", () => {
    let payload = resourceLinkPayload();
    for (const claim of [CLAIM.context, CLAIM.custom, CLAIM.launchPresentation, CLAIM.agsEndpoint, CLAIM.namesRoleService, "name", "email", "locale"]) payload = without(payload, claim);
    expect(parseLaunchClaims(payload)).toMatchObject({ context: undefined, name: undefined, email: undefined, locale: undefined, custom: {}, ags: undefined });
  });

  it("reads any Chinese locale tag as zh-CN and everything else as English", () => {
    expect(["zh", "zh-CN", "zh_CN", "zh-Hans-CN", "ZH-tw"].map(strideLocaleOf)).toEqual(Array(5).fill("zh-CN"));
    expect(["en-US", "de", "", undefined].map(strideLocaleOf)).toEqual(Array(4).fill("en"));
  });
});
