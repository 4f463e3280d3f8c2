import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The pure core (engine, problems, grading, srs) is shared by the server, the CLI and the
// browser, so it must not reach for IO: no database, no server code, no Next.js, no Prisma.
const pureCoreImports = {
  patterns: [
    { group: ["@/lib/db", "@/lib/db/*", "**/lib/db", "**/lib/db/*", "../db", "../db/*", "../../db", "../../db/*"], message: "The pure core must not touch the database." },
    { group: ["@/lib/server", "@/lib/server/*", "**/lib/server", "**/lib/server/*", "../server", "../server/*", "../../server", "../../server/*"], message: "The pure core must not import server code." },
    { group: ["next", "next/*"], message: "The pure core must not depend on Next.js." },
    { group: ["@prisma/*", "prisma", "server-only"], message: "The pure core must not depend on Prisma or server-only modules." },
    { group: ["node:fs", "node:fs/*", "fs", "fs/*", "node:net", "node:http", "pg"], message: "The pure core does no IO." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", ".data/**", "lib/db/generated/**", ".stride-cli/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    files: ["lib/engine/**", "lib/problems/**", "lib/grading/**", "lib/srs/**", "lib/questions/**"],
    rules: { "no-restricted-imports": ["error", pureCoreImports] },
  },
  {
    // Pages show dates in the learner's time zone (their setting, carried by next-intl's request
    // config), never in the browser's: formatting goes through next-intl's formatter.
    files: ["app/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]",
          message: "Format dates with next-intl (useFormatter / getFormatter): it uses the learner's time zone, not the browser's.",
        },
        {
          selector: "CallExpression[callee.property.name=/^format(ToParts|Range)?$/][callee.object.callee.property.name='DateTimeFormat']",
          message: "Format dates with next-intl (useFormatter / getFormatter): it uses the learner's time zone, not the browser's.",
        },
      ],
    },
  },
  {
    // lib/db's index also holds the migrator, which reads prisma/migrations from disk: code that
    // Next.js bundles takes values from lib/db/client (or the generated client), types from anywhere.
    files: ["app/**", "lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@/lib/db", allowTypeImports: true, message: "Import values from @/lib/db/client or @/lib/db/generated/client: the index pulls the migrator into the Next.js bundle." }] },
      ],
    },
  },
]);
