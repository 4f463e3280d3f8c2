import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/server/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
  // Prometheus looks for /metrics by default; the route lives with the other API routes.
  async rewrites() {
    return [{ source: "/metrics", destination: "/api/metrics" }];
  },
};

export default withNextIntl(nextConfig);
