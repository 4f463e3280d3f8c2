import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: native-ish or WebAssembly packages and the
  // generated Prisma client, which bundling only slows down.
  serverExternalPackages: ["@tensorflow/tfjs", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default withNextIntl(nextConfig);
