import type { IncomingMessage, ServerResponse } from "node:http";
import { readLineItem, readScore } from "./ags-store";
import { accepts, mediaTypeOf, readJson, sendJson, sendText } from "./http-io";
import type { TestPlatform } from "./platform";
import { mediaType, scope } from "./vocabulary";

const READ_LINE_ITEMS = [scope.lineItem, scope.lineItemReadOnly];

/**
 * Assignment and Grade Services 2.0 over HTTP, for the path after /contexts/<id>/lineitems:
 *   ""               GET the container (filters resource_link_id, resource_id, tag; limit + Link
 *                    rel="next" paging), POST a new line item                        (§3.2)
 *   "/<n>"           GET, PUT, DELETE one line item                                   (§3.2)
 *   "/<n>/scores"    POST a score (application/vnd.ims.lis.v1.score+json)             (§3.4)
 *   "/<n>/results"   GET the results (filter user_id)                                (§3.3)
 * Each answer checks the bearer token's scopes first; a GET whose Accept header excludes the
 * answer's media type is 406, a body of another Content-Type 415.
 */
export async function handleAgs(platform: TestPlatform, req: IncomingMessage, res: ServerResponse, url: URL, contextId: string, rest: string): Promise<void> {
  const { gradebook, accessTokens } = platform;
  const containerUrl = platform.urls.lineItems(contextId);
  const method = req.method ?? "GET";

  if (rest === "" || rest === "/") {
    if (method === "GET") {
      if (!accessTokens.authorize(req, res, READ_LINE_ITEMS)) return;
      if (!accepts(req, mediaType.lineItemContainer)) return sendText(res, 406, `Accept must allow ${mediaType.lineItemContainer}`);
      const filters = { resourceLinkId: url.searchParams.get("resource_link_id"), resourceId: url.searchParams.get("resource_id"), tag: url.searchParams.get("tag") };
      const items = gradebook
        .lineItemsOf(contextId)
        .filter((item) => (filters.resourceLinkId === null || item.resourceLinkId === filters.resourceLinkId) && (filters.resourceId === null || item.resourceId === filters.resourceId) && (filters.tag === null || item.tag === filters.tag));
      const limit = Number(url.searchParams.get("limit") ?? "0");
      const page = Number(url.searchParams.get("page") ?? "1");
      if (limit > 0) {
        const slice = items.slice((page - 1) * limit, page * limit);
        const headers: Record<string, string> = {};
        if (page * limit < items.length) {
          const next = new URL(url.toString().replace(url.origin, platform.issuer));
          next.searchParams.set("page", String(page + 1));
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return sendJson(res, 200, slice, mediaType.lineItemContainer, headers);
      }
      return sendJson(res, 200, items, mediaType.lineItemContainer);
    }
    if (method === "POST") {
      if (!accessTokens.authorize(req, res, [scope.lineItem])) return;
      if (mediaTypeOf(req) !== mediaType.lineItem) return sendText(res, 415, `Content-Type must be ${mediaType.lineItem}`);
      const { item, problems } = readLineItem(await readJson(req));
      if (!item) return sendJson(res, 400, { error: "invalid line item", problems });
      return sendJson(res, 201, gradebook.createLineItem(contextId, item), mediaType.lineItem);
    }
    return sendText(res, 405, "GET or POST");
  }

  const match = /^\/(\d+)(\/scores|\/results)?\/?$/.exec(rest);
  const lineItem = match ? gradebook.getLineItem(`${containerUrl}/${match[1]}`) : undefined;
  if (!match || !lineItem) return sendText(res, 404, "No such line item");

  if (match[2] === "/scores") {
    if (method !== "POST") return sendText(res, 405, "POST");
    if (!accessTokens.authorize(req, res, [scope.score])) return;
    const body = mediaTypeOf(req) === mediaType.score ? await readJson(req) : undefined;
    const refuse = (status: number, problems: string[], headers: Record<string, string> = {}) => {
      gradebook.refusedScorePosts.push({ at: platform.now(), lineItemId: lineItem.id, status, body, problems });
      sendJson(res, status, { error: problems.join("; ") }, "application/json", headers);
    };
    if (mediaTypeOf(req) !== mediaType.score) return refuse(415, [`Content-Type must be ${mediaType.score}`]);
    const failure = gradebook.takeFailure();
    if (failure) return refuse(failure.status, [`failure asked for by the test (${failure.status})`], failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) });
    const { score, problems } = readScore(body);
    if (!score) return refuse(400, problems);
    if (platform.scoresOnlyForKnownUsers && !platform.isKnownUser(gradebook.contextOf(lineItem.id) ?? contextId, score.userId)) return refuse(422, [`userId ${score.userId} is not a member of the context`]);
    gradebook.receiveScore(platform.now(), lineItem.id, score);
    res.writeHead(204);
    res.end();
    return;
  }

  if (match[2] === "/results") {
    if (method !== "GET") return sendText(res, 405, "GET");
    if (!accessTokens.authorize(req, res, [scope.resultReadOnly])) return;
    if (!accepts(req, mediaType.resultContainer)) return sendText(res, 406, `Accept must allow ${mediaType.resultContainer}`);
    const userId = url.searchParams.get("user_id");
    const results = gradebook.resultsOf(lineItem.id).filter((result) => userId === null || result.userId === userId);
    return sendJson(res, 200, results, mediaType.resultContainer);
  }

  if (method === "GET") {
    if (!accessTokens.authorize(req, res, READ_LINE_ITEMS)) return;
    if (!accepts(req, mediaType.lineItem)) return sendText(res, 406, `Accept must allow ${mediaType.lineItem}`);
    return sendJson(res, 200, lineItem, mediaType.lineItem);
  }
  if (method === "PUT") {
    if (!accessTokens.authorize(req, res, [scope.lineItem])) return;
    if (mediaTypeOf(req) !== mediaType.lineItem) return sendText(res, 415, `Content-Type must be ${mediaType.lineItem}`);
    const { item, problems } = readLineItem(await readJson(req));
    if (!item) return sendJson(res, 400, { error: "invalid line item", problems });
    return sendJson(res, 200, gradebook.updateLineItem(lineItem.id, item), mediaType.lineItem);
  }
  if (method === "DELETE") {
    if (!accessTokens.authorize(req, res, [scope.lineItem])) return;
    gradebook.deleteLineItem(lineItem.id);
    res.writeHead(204);
    res.end();
    return;
  }
  sendText(res, 405, "GET, PUT or DELETE");
}
