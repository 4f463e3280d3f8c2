import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Headers every answer carries, pages, API and static files alike. The Content-Security-Policy
 * needs a nonce per request, so proxy.ts sets it on pages.
 * - nosniff: a file is what its Content-Type says (no script out of an uploaded text);
 * - Referrer-Policy: other sites see our origin, never a path (join codes live in paths);
 * - Permissions-Policy: Stride uses no camera, microphone, location, payment or USB device;
 * - HSTS in production: browsers keep to HTTPS (ignored over plain HTTP, so a laptop is unaffected).
 */
function securityHeaders() {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  ];
  if (process.env.NODE_ENV === "production") {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build or dev server in the same checkout (parallel work) needs its own folder.
  distDir: process.env.STRIDE_NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: packages that load WebAssembly or other files
  // relative to themselves, that are large and gain nothing from bundling, or that keep
  // process-wide state the launcher shares with the routes (metrics registry, job queue).
  serverExternalPackages: [
    "@tensorflow/tfjs",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "@open-spaced-repetition/binding",
    "pino",
    "prom-client",
    "pg-boss",
    // Starts its threads from its own dist/worker.js, found relative to itself (lib/server/workers).
    "piscina",
  ],
  // The build checks the app and its libraries; `npm test` type-checks everything (tests, scripts).
  typescript: { tsconfigPath: "tsconfig.app.json" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
  // Prometheus looks for /metrics by default; the route lives with the other API routes.
  async rewrites() {
    return [{ source: "/metrics", destination: "/api/metrics" }];
  },
};

export default withNextIntl(nextConfig);
