/**
 * Next.js's proxy (the file convention that replaced `middleware` in Next.js 16): gives every
 * page a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the policy on
 * the request and puts it on its own inline and bootstrap scripts
 * (https://nextjs.org/docs/app/guides/content-security-policy); pages are rendered per request
 * anyway (the root layout reads the session), so a nonce per request costs nothing extra.
 * The other security headers, which never change, are in next.config.js.
 */
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { frameAncestorsFor, registeredPlatformOrigins } from "@/lib/server/lti/frame-ancestors";

export type ContentSecurityPolicyOptions = {
  nonce: string;
  /** Development adds what React's and Next.js's dev tooling needs (eval for stack frames, HMR's websocket). */
  dev: boolean;
  /** Sources that may frame Stride (an LMS embedding it), as CSP source expressions. */
  frameAncestors: string;
  /** Over HTTPS, ask the browser to upgrade any http: subresource. */
  https: boolean;
};

/**
 * The policy, directive by directive, with why each source is there:
 * - scripts: ours by nonce only; 'strict-dynamic' lets them load their chunks; tfjs's WebAssembly
 *   backend compiles .wasm ('wasm-unsafe-eval', not 'unsafe-eval': no string eval in production);
 * - styles: KaTeX's typeset formulas carry inline style attributes (heights, vertical
 *   alignment), and React sets style attributes (progress bars), so inline styles are allowed;
 *   a nonce cannot cover style attributes, and with a nonce present 'unsafe-inline' would be ignored;
 * - images: solution figures are data: URLs (lib/problems' figures), charts may use blob:;
 * - workers: tfjs and the browser's own blob workers; connect: the API on the same origin.
 */
export function contentSecurityPolicy({ nonce, dev, frameAncestors, https }: ContentSecurityPolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", ...(frameAncestors.trim().split(/\s+/) as [string, ...string[]])],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

const DEEP_LINKING_ANSWER = "/lti/deep-link/respond";

/**
 * frame-ancestors: STRIDE_FRAME_ANCESTORS, and on the pages an LMS frames the registered LTI
 * platforms' origins (kept in memory, read from the database at most once a minute:
 * lib/server/lti/frame-ancestors.ts); /lti/register, opened by a platform not yet registered,
 * may be framed by any https site.
 */
export async function proxy(request: NextRequest) {
  // The deep-linking answer sets a policy of its own: its form posts to the LMS's return URL
  // (which form-action 'self' would block) and its one script is allowed by hash. Next.js keeps
  // a proxy's policy over a route's, so this path gets none from here.
  if (request.nextUrl.pathname === DEEP_LINKING_ANSWER) return NextResponse.next();
  const config = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const frameAncestors = frameAncestorsFor({
    pathname: request.nextUrl.pathname,
    configured: config.STRIDE_FRAME_ANCESTORS,
    platformOrigins: await registeredPlatformOrigins(),
    allowInsecureLoopback: config.STRIDE_LTI_ALLOW_INSECURE_LOOPBACK === "1",
  });
  const policy = contentSecurityPolicy({
    nonce,
    dev: config.NODE_ENV === "development",
    frameAncestors,
    https: (config.STRIDE_BASE_URL ?? "").startsWith("https:"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers, static files and images carry no HTML to protect. Prefetches reuse
  // the page's policy.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|metrics).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
