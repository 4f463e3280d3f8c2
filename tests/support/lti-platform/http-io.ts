import type { IncomingMessage, ServerResponse } from "node:http";

/** The body of a request, whole, as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An application/x-www-form-urlencoded body as its fields. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  return new URLSearchParams(body);
}

/** A JSON body, or undefined when it is not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Whether the request's Accept header lets the answer be `mediaType`: no header, the type itself,
 * or a wildcard range. Plain application/json is not enough: AGS and NRPS name their own media types.
 */
export function accepts(req: IncomingMessage, mediaType: string): boolean {
  const header = req.headers.accept;
  if (!header) return true;
  const ranges = header.split(",").map((range) => range.split(";")[0]!.trim().toLowerCase());
  return ranges.some((range) => range === mediaType || range === "*/*" || range === "application/*");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = "application/json", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

/** RFC 6750 §3: a refused bearer token answers 401 with WWW-Authenticate naming the error. */
export function sendBearerError(res: ServerResponse, status: 401 | 403, error: "invalid_token" | "insufficient_scope", description: string): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "www-authenticate": `Bearer error="${error}", error_description="${description.replace(/"/g, "'")}"`,
  });
  res.end(JSON.stringify({ error, error_description: description }));
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A page that posts `fields` to `action` on load, as a platform answers the authentication request (OIDC form_post response mode). */
export function autoSubmitForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  return `<!doctype html>
<html><body onload="document.forms[0].submit()">
<form method="post" action="${escapeHtml(action)}">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>
</body></html>`;
}
