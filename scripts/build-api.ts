/**
 * The API bundle: lib/server/http/api-server.ts and everything of ours it imports, bundled with
 * esbuild into one ES module in the Next.js build's folder (`<distDir>/stride-api/api-server.mjs`, git-ignored
 * with it). `npm run build` makes it right after `next build`, and scripts/start.ts loads it to
 * serve /api/trpc without Next.js's router; the build fingerprint (./build-fingerprint.ts) covers
 * both, so the two never come from different sources.
 *
 * Bundled like Next.js bundles the same code for its route: our sources compiled in, `server-only`
 * as the empty module React's server condition gives it, and every npm package left to Node
 * (loaded from node_modules at run time), so a package with process-wide state is the one copy
 * the Next.js routes use too. One package needs more care: the Prisma client's runtime, whose
 * error classes are checked with `instanceof` (a unique violation, lib/server/reviews/
 * unique-violation.ts) by whichever bundle's code catches them. Next.js's routes `require` it,
 * which Node resolves to its CommonJS build; an ES `import` would load the separate ES build, a
 * second copy with classes of its own. This bundle `require`s it too.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { apiBundlePath } from "./build-fingerprint";

export const API_ENTRY = "lib/server/http/api-server.ts";

/** Packages loaded through `require`, as Next.js's server chunks load them (see above). */
const REQUIRED_AS_COMMONJS = /^@prisma\/client\/runtime\/client$/;

function requireCommonJs(): Plugin {
  return {
    name: "require-commonjs",
    setup(build) {
      build.onResolve({ filter: REQUIRED_AS_COMMONJS }, (args) =>
        args.kind === "require-call" ? { path: args.path, external: true } : { path: args.path, namespace: "require-commonjs" },
      );
      build.onLoad({ filter: /.*/, namespace: "require-commonjs" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
    },
  };
}

export interface ApiBuildResult {
  file: string;
  bytes: number;
  ms: number;
}

export async function buildApi(root: string): Promise<ApiBuildResult> {
  const started = performance.now();
  const file = apiBundlePath(root);
  // What the package's "react-server" export names (its exports map hides the file from a plain resolve).
  const serverOnly = path.join(root, "node_modules", "server-only", "empty.js");
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, API_ENTRY)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    packages: "external",
    alias: { "server-only": serverOnly },
    plugins: [requireCommonJs()],
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "silent",
    outfile: file,
    // `require` for the packages above (and any CommonJS a package pulls in); an ES module has none.
    banner: { js: 'import { createRequire as __strideCreateRequire } from "node:module"; const require = __strideCreateRequire(import.meta.url);' },
  });
  mkdirSync(path.dirname(file), { recursive: true });
  let bytes = 0;
  // The map first, then the bundle, each written whole under a temporary name and renamed.
  for (const output of [...result.outputFiles].sort((a) => (a.path.endsWith(".map") ? -1 : 1))) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    writeFileSync(temporary, output.contents);
    renameSync(temporary, output.path);
    if (output.path === file) bytes = output.contents.length;
  }
  return { file, bytes, ms: performance.now() - started };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    const built = await buildApi(root);
    console.log(`build:api: ${path.relative(root, built.file)} (${(built.bytes / 2 ** 20).toFixed(1)} MiB) in ${Math.round(built.ms)} ms`);
  } catch (error) {
    console.error(`build:api: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
