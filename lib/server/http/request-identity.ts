/**
 * Who sent a request, as far as the server can trust it. scripts/start.ts writes the peer
 * address of the TCP connection into CLIENT_IP_HEADER (replacing whatever a client sent under
 * that name). Behind a reverse proxy that peer is the proxy, so with `trustedProxyHops` > 0 the
 * address comes from X-Forwarded-For instead: the entry that many hops from the right, which is
 * the one our own proxy appended (entries further left are whatever the client claimed).
 */
export const CLIENT_IP_HEADER = "x-stride-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function clientIpOf(headers: Headers, trustedProxyHops: number): string | null {
  if (trustedProxyHops > 0) {
    const forwarded = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    const hop = forwarded[forwarded.length - trustedProxyHops];
    if (hop) return hop;
  }
  return headers.get(CLIENT_IP_HEADER);
}

/** The proxy's request id when it sent a sane one (so logs line up), else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
