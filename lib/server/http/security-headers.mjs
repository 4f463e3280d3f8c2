/**
 * Headers every answer carries, pages, API and static files alike: next.config.js adds them to
 * what Next.js serves, and lib/server/http/api-server.ts to the API it serves without Next.js.
 * Plain JavaScript so that next.config.js can import it. The Content-Security-Policy needs a
 * nonce per request, so proxy.ts sets it on pages.
 * - nosniff: a file is what its Content-Type says (no script out of an uploaded text);
 * - Referrer-Policy: other sites see our origin, never a path (join codes live in paths);
 * - Permissions-Policy: Stride uses no camera, microphone, location, payment or USB device;
 * - HSTS in production: browsers keep to HTTPS (ignored over plain HTTP, so a laptop is unaffected).
 *
 * @param {{ production: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders({ production }) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  ];
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}
