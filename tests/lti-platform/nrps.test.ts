import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaType, role, scope, startTestPlatform, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";
import { accessToken, call } from "./tool-requests";

let platform: TestPlatform;
let tool: FakeTool;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool", nrpsPageSize: 2 });
  tool = await startFakeTool(platform);
  platform.setToolJwksUrl(tool.jwksUrl);
  platform.setRoster([
    { user_id: "t-1", roles: [role.instructor], name: "Grace Hopper", email: "grace@example.edu" },
    { user_id: "s-1", roles: [role.learner], name: "Ada Lovelace" },
    { user_id: "s-2", roles: [role.learner], name: "Alan Turing", status: "Inactive" },
  ]);
});

afterAll(async () => {
  await tool.close();
  await platform.close();
});

describe("NRPS membership container", () => {
  it("answers the roster page by page, following Link rel=next, with the context", async () => {
    const token = await accessToken(platform, tool, [scope.contextMembershipReadOnly]);
    const first = await call(platform.urls.memberships(), token);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe(mediaType.membershipContainer);
    const page1 = (await first.json()) as { context: unknown; members: { user_id: string; status: string }[] };
    expect(page1.context).toEqual({ id: "context-1", label: "CNN101", title: "Convolutional Neural Networks" });
    expect(page1.members.map((member) => [member.user_id, member.status])).toEqual([["t-1", "Active"], ["s-1", "Active"]]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1]!;
    const second = await call(next, token);
    expect(((await second.json()) as { members: { user_id: string; status: string }[] }).members).toEqual([{ user_id: "s-2", roles: [role.learner], name: "Alan Turing", status: "Inactive" }]);
    expect(second.headers.get("link")).toBeNull();
  });

  it("filters by role, by short name or full URI", async () => {
    const token = await accessToken(platform, tool, [scope.contextMembershipReadOnly]);
    const byShortName = (await (await call(`${platform.urls.memberships()}?role=Learner&limit=10`, token)).json()) as { members: { user_id: string }[] };
    expect(byShortName.members.map((member) => member.user_id)).toEqual(["s-1", "s-2"]);
    const byUri = (await (await call(`${platform.urls.memberships()}?role=${encodeURIComponent(role.instructor)}`, token)).json()) as { members: { user_id: string }[] };
    expect(byUri.members.map((member) => member.user_id)).toEqual(["t-1"]);
  });

  it("answers 406 to an Accept without the membership container type", async () => {
    const token = await accessToken(platform, tool, [scope.contextMembershipReadOnly]);
    expect((await call(platform.urls.memberships(), token, { accept: "application/json" })).status).toBe(406);
    expect((await call(platform.urls.memberships(), token, { accept: mediaType.membershipContainer })).status).toBe(200);
  });

  it("needs the contextmembership.readonly scope", async () => {
    const token = await accessToken(platform, tool, [scope.score]);
    expect((await call(platform.urls.memberships(), token)).status).toBe(403);
    expect((await call(platform.urls.memberships(), undefined)).status).toBe(401);
  });
});
