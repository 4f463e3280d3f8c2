import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build or dev server in the same checkout (parallel work) needs its own folder.
  distDir: process.env.STRIDE_NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: packages that load WebAssembly or other files
  // relative to themselves, or that are large and gain nothing from bundling.
  serverExternalPackages: [
    "@tensorflow/tfjs",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "@open-spaced-repetition/binding",
  ],
  // The build checks the app and its libraries; `npm test` type-checks everything (tests, scripts).
  typescript: { tsconfigPath: "tsconfig.app.json" },
};

export default withNextIntl(nextConfig);
