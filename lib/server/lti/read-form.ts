import "server-only";

/** An id_token with every optional claim is a few kilobytes; a form far larger is not a launch. */
const MAX_FORM_BYTES = 256 * 1024;

/**
 * The fields of a form post (application/x-www-form-urlencoded, as OIDC's form_post response mode
 * and an HTML form send them); an empty set for another body or one too large, which the caller
 * then refuses as missing its fields.
 */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_FORM_BYTES) return new URLSearchParams();
  const text = await request.text();
  return text.length > MAX_FORM_BYTES ? new URLSearchParams() : new URLSearchParams(text);
}
