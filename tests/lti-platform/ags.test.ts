import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claim, mediaType, role, scope, startTestPlatform, type TestPlatform } from "@/tests/support/lti-platform";
import { startFakeTool, type FakeTool } from "./fake-tool";
import { accessToken, call } from "./tool-requests";

let platform: TestPlatform;
let tool: FakeTool;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform({ clientId: "fake-tool" });
  tool = await startFakeTool(platform);
  platform.setToolJwksUrl(tool.jwksUrl);
  token = await accessToken(platform, tool, [scope.lineItem, scope.score, scope.resultReadOnly]);
});

afterAll(async () => {
  await tool.close();
  await platform.close();
});

const score = (change: Record<string, unknown> = {}) => ({
  userId: "user-ada",
  scoreGiven: 7,
  scoreMaximum: 10,
  activityProgress: "Completed",
  gradingProgress: "FullyGraded",
  timestamp: "2026-12-07T03:00:00.000Z",
  ...change,
});
const postScore = (lineItemUrl: string, body: unknown, bearer: string | undefined = token, contentType: string = mediaType.score) =>
  call(`${lineItemUrl}/scores`, bearer, { method: "POST", contentType, body });

describe("AGS line items", () => {
  it("creates, lists with filters, reads, updates and deletes line items in the context's container", async () => {
    const container = platform.urls.lineItems();
    const created = await call(container, token, { method: "POST", contentType: mediaType.lineItem, body: { label: "Quiz 1", scoreMaximum: 10, resourceLinkId: "link-1", tag: "quiz" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe(mediaType.lineItem);
    const item = (await created.json()) as { id: string };
    expect(item).toEqual({ id: `${container}/1`, label: "Quiz 1", scoreMaximum: 10, resourceLinkId: "link-1", tag: "quiz" });

    const list = await call(`${container}?resource_link_id=link-1`, token);
    expect(list.headers.get("content-type")).toBe(mediaType.lineItemContainer);
    expect(await list.json()).toEqual([item]);
    expect(await (await call(`${container}?tag=other`, token)).json()).toEqual([]);

    const updated = await call(item.id, token, { method: "PUT", contentType: mediaType.lineItem, body: { label: "Quiz 1 (v2)", scoreMaximum: 20, resourceLinkId: "link-1" } });
    expect(await updated.json()).toEqual({ id: item.id, label: "Quiz 1 (v2)", scoreMaximum: 20, resourceLinkId: "link-1" });
    expect(await (await call(item.id, token)).json()).toMatchObject({ label: "Quiz 1 (v2)" });

    expect((await call(item.id, token, { method: "DELETE" })).status).toBe(204);
    expect((await call(item.id, token)).status).toBe(404);
  });

  it("refuses a line item without a label or a positive scoreMaximum, and one sent as plain JSON", async () => {
    const bad = await call(platform.urls.lineItems(), token, { method: "POST", contentType: mediaType.lineItem, body: { label: "", scoreMaximum: 0 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ problems: ["label must be a non-empty string", "scoreMaximum must be a number greater than 0"] });
    const plain = await call(platform.urls.lineItems(), token, { method: "POST", contentType: "application/json", body: { label: "x", scoreMaximum: 1 } });
    expect(plain.status).toBe(415);
  });

  it("answers a GET whose Accept excludes the AGS media type with 406, and one that names it or a wildcard", async () => {
    const item = platform.createLineItem({ label: "Negotiated", scoreMaximum: 1 });
    expect((await call(platform.urls.lineItems(), token, { accept: "application/json" })).status).toBe(406);
    expect((await call(platform.urls.lineItems(), token, { accept: `${mediaType.lineItemContainer}, */*;q=0.1` })).status).toBe(200);
    expect((await call(item.id, token, { accept: "text/html" })).status).toBe(406);
    expect((await call(item.id, token, { accept: mediaType.lineItem })).status).toBe(200);
    expect((await call(`${item.id}/results`, token, { accept: "application/json" })).status).toBe(406);
  });

  it("pages the container with Link rel=next when the tool gives a limit", async () => {
    const context = "paged-context";
    for (const label of ["a", "b", "c"]) platform.createLineItem({ label, scoreMaximum: 1 }, context);
    const first = await call(`${platform.urls.lineItems(context)}?limit=2`, token);
    expect(((await first.json()) as unknown[]).length).toBe(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toBeDefined();
    const second = await call(next!, token);
    expect(await second.json()).toEqual([expect.objectContaining({ label: "c" })]);
    expect(second.headers.get("link")).toBeNull();
  });

  it("puts the line item bound to a resource link in that link's launch claim", async () => {
    const item = platform.createLineItem({ label: "Bound", scoreMaximum: 5, resourceLinkId: "bound-link" });
    const result = await platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, user: { sub: "u" }, roles: [role.learner], resourceLink: { id: "bound-link" } });
    expect(result.claims![claim.agsEndpoint]).toEqual({ scope: [scope.lineItem, scope.lineItemReadOnly, scope.resultReadOnly, scope.score], lineitems: platform.urls.lineItems(), lineitem: item.id });
  });
});

describe("AGS scores", () => {
  it("records a score with every field the tool sent, and keeps the latest as the user's result", async () => {
    const item = platform.createLineItem({ label: "Scored", scoreMaximum: 10 });
    const response = await postScore(item.id, score({ comment: "well done" }));
    expect(response.status).toBe(204);
    expect(platform.scores.at(-1)).toMatchObject({ lineItemId: item.id, contextId: "context-1", stale: false, score: score({ comment: "well done" }) });
    const results = await call(`${item.id}/results`, token);
    expect(results.headers.get("content-type")).toBe(mediaType.resultContainer);
    expect(await results.json()).toEqual([{ id: `${item.id}/results/user-ada`, scoreOf: item.id, userId: "user-ada", resultScore: 7, resultMaximum: 10, comment: "well done" }]);
  });

  it("keeps an older timestamp as stale: it changes no result", async () => {
    const item = platform.createLineItem({ label: "Regraded", scoreMaximum: 10 });
    await postScore(item.id, score({ scoreGiven: 9, timestamp: "2026-12-07T04:00:00.000Z" }));
    await postScore(item.id, score({ scoreGiven: 3, timestamp: "2026-12-07T03:30:00.000+00:00" }));
    expect(platform.scores.filter((kept) => kept.lineItemId === item.id).map((kept) => kept.stale)).toEqual([false, true]);
    expect(await (await call(`${item.id}/results?user_id=user-ada`, token)).json()).toMatchObject([{ resultScore: 9 }]);
  });

  it.each([
    [{ userId: "" }, "userId must be a non-empty string"],
    [{ timestamp: "yesterday" }, "timestamp must be an ISO 8601 date-time with a time zone"],
    [{ timestamp: "2026-12-07T03:00:00" }, "timestamp must be an ISO 8601 date-time with a time zone"],
    [{ activityProgress: "Done" }, "activityProgress must be one of Initialized, Started, InProgress, Submitted, Completed"],
    [{ gradingProgress: "Graded" }, "gradingProgress must be one of FullyGraded, Pending, PendingManual, Failed, NotReady"],
    [{ scoreGiven: -1 }, "scoreGiven must be a number of 0 or more"],
    [{ scoreMaximum: undefined }, "scoreMaximum must be present when scoreGiven is"],
    [{ scoreMaximum: 0 }, "scoreMaximum must be a number greater than 0"],
  ])("refuses a score with %o", async (change, problem) => {
    const item = platform.createLineItem({ label: "Checked", scoreMaximum: 10 });
    const response = await postScore(item.id, score(change));
    expect(response.status).toBe(400);
    expect(platform.refusedScorePosts.at(-1)).toMatchObject({ lineItemId: item.id, status: 400, problems: [problem] });
    expect(platform.scores.some((kept) => kept.lineItemId === item.id)).toBe(false);
  });

  it("takes a score without scoreGiven (progress only)", async () => {
    const item = platform.createLineItem({ label: "Started", scoreMaximum: 10 });
    const response = await postScore(item.id, { userId: "u", activityProgress: "Started", gradingProgress: "NotReady", timestamp: "2026-12-07T03:00:00.123Z" });
    expect(response.status).toBe(204);
  });

  it("needs the score Content-Type, a bearer token, and the score scope", async () => {
    const item = platform.createLineItem({ label: "Guarded", scoreMaximum: 10 });
    expect((await postScore(item.id, score(), token, "application/json")).status).toBe(415);
    const anonymous = await postScore(item.id, score(), "");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    const readOnly = await accessToken(platform, tool, [scope.lineItemReadOnly]);
    const forbidden = await postScore(item.id, score(), readOnly);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
    platform.revokeAccessTokens();
    expect((await postScore(item.id, score())).status).toBe(401);
    token = await accessToken(platform, tool, [scope.lineItem, scope.score, scope.resultReadOnly]);
  });

  it("fails the next score posts on demand, then records the one that gets through", async () => {
    const item = platform.createLineItem({ label: "Flaky", scoreMaximum: 10 });
    platform.failNextScorePosts(1, 500);
    platform.failNextScorePosts(1, 503, 2);
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await postScore(item.id, score());
      statuses.push(response.status);
      retryAfter.push(response.headers.get("retry-after"));
    }
    expect(statuses).toEqual([500, 503, 204]);
    expect(retryAfter).toEqual([null, "2", null]);
    expect(platform.scores.filter((kept) => kept.lineItemId === item.id)).toHaveLength(1);
    expect(platform.refusedScorePosts.filter((refused) => refused.lineItemId === item.id).map((refused) => refused.status)).toEqual([500, 503]);
  });

  it("refuses, when asked to, a score for a user who never launched in the context and is not on its roster", async () => {
    const strict = await startTestPlatform({ clientId: "fake-tool", scoresOnlyForKnownUsers: true });
    const strictTool = await startFakeTool(strict);
    strict.setToolJwksUrl(strictTool.jwksUrl);
    try {
      const bearer = await accessToken(strict, strictTool, [scope.score]);
      const item = strict.createLineItem({ label: "Members only", scoreMaximum: 10 });
      expect((await postScore(item.id, score({ userId: "stranger" }), bearer)).status).toBe(422);
      await strict.launch({ toolLoginUrl: strictTool.loginUrl, targetLinkUri: strictTool.launchUrl, user: { sub: "launched" } });
      strict.setRoster([{ user_id: "rostered", roles: [role.learner] }]);
      expect((await postScore(item.id, score({ userId: "launched" }), bearer)).status).toBe(204);
      expect((await postScore(item.id, score({ userId: "rostered" }), bearer)).status).toBe(204);
      expect(strict.refusedScorePosts.map((refused) => [refused.status, refused.problems])).toEqual([[422, ["userId stranger is not a member of the context"]]]);
    } finally {
      await strictTool.close();
      await strict.close();
    }
  });
});
