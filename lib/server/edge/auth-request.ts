/**
 * The edge of /api/auth (better-auth's sign-up, sign-in, sessions): the same first look every
 * tRPC input gets (./input-guard.ts) before better-auth parses anything. A NUL byte in a name
 * reached PostgreSQL and came back as "Failed to create user" after an error in the log; one in
 * a password was stored in its hash. Now either is a 400 naming the field, as is one in a query
 * parameter; a body over 64 KB (a sign-up form is well under 1 KB) is a 413 before it is read.
 */
import { describeInputIssue, findInputIssue, findParamsIssue, type InputIssue } from "./input-guard";
import { BodyTooLargeError, readBodyWithin } from "./read-body";

export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/** better-auth's error shape (`{message, code}`), so its client shows the message as its own. */
function refusal(status: 400 | 413, message: string, issue?: InputIssue): Response {
  const field = issue ? issue.path.map(String).join(".") || null : null;
  return Response.json({ message, code: status === 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_INPUT", ...(field ? { field } : {}) }, { status });
}

/** What is wrong with a JSON or form body; anything else (or JSON that does not parse) is better-auth's to refuse. */
function bodyIssue(contentType: string, text: string): InputIssue | null {
  if (contentType.includes("application/x-www-form-urlencoded")) return findParamsIssue(new URLSearchParams(text));
  try {
    return findInputIssue(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The request to hand to better-auth (its body re-read into memory), or the refusal to answer. */
export async function screenAuthRequest(req: Request): Promise<Request | Response> {
  const url = new URL(req.url);
  const queryIssue = findParamsIssue(url.searchParams);
  if (queryIssue) return refusal(400, describeInputIssue(queryIssue), queryIssue);
  if (req.method === "GET" || req.method === "HEAD") return req;

  let body: Uint8Array;
  try {
    body = await readBodyWithin(req, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refusal(413, error.message);
    throw error;
  }
  const issue = body.byteLength > 0 ? bodyIssue(req.headers.get("content-type") ?? "", new TextDecoder().decode(body)) : null;
  if (issue) return refusal(400, describeInputIssue(issue), issue);
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  return new Request(req.url, { method: req.method, headers, body: body.byteLength > 0 ? (body as BodyInit) : null });
}

/** What app/api/auth does with a request: screened here, then better-auth's. */
export async function handleAuthRequest({ req, auth }: { req: Request; auth: { handler(req: Request): Promise<Response> } }): Promise<Response> {
  const screened = await screenAuthRequest(req);
  return screened instanceof Response ? screened : auth.handler(screened);
}
