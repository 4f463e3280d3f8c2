/**
 * `npm run build:cli`: bundles the `stride` CLI (lib/cli/main.ts and everything it imports,
 * TensorFlow.js included) into ES modules under `.stride-cli/` (git-ignored): an entry and the
 * chunks each command loads on demand, so that
 * `bin/stride.mjs` starts without compiling TypeScript and without resolving hundreds of files.
 *
 * Correctness first: beside the bundle goes `manifest.json`, the size and modification time of
 * every file the bundle was made from (our sources as esbuild's metafile lists them, the
 * `package.json` of every bundled package, the lockfiles and tsconfig.json). `bin/stride.mjs`
 * uses the bundle only when every one of those still matches; otherwise it rebuilds, or falls
 * back to the sources through tsx. The bundle's name carries a hash of its content, and the
 * manifest names it, so a manifest can never vouch for a bundle it was not written with, even
 * when two processes rebuild at once.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

export const BUNDLE_DIR = ".stride-cli";
export const MANIFEST = "manifest.json";

/** Packages with WebAssembly or native (.node) assets, or IO the CLI never needs: left to Node. */
const EXTERNAL = [
  "@tensorflow/tfjs-backend-wasm",
  "@tensorflow/tfjs-node",
  "@tensorflow/tfjs-node-gpu",
  "@electric-sql/*",
  "@prisma/*",
  "prisma",
  "pg",
  "better-sqlite3",
  "@open-spaced-repetition/binding",
  "esbuild",
];

/** Files that change what the bundle would be without being an input esbuild lists. */
const ALWAYS_WATCHED = ["tsconfig.json", "package.json", "package-lock.json", "node_modules/.package-lock.json", "scripts/build-cli.ts"];

/** `[size, mtimeMs]` of a file, or null when it is missing. */
export type FileStamp = [number, number] | null;

export interface CliManifest {
  /** File name of the bundle inside `.stride-cli/`. */
  bundle: string;
  builtAt: string;
  node: string;
  /** Path relative to the checkout root → its stamp when the build started. */
  inputs: Record<string, FileStamp>;
}

export function stampOf(file: string): FileStamp {
  try {
    const stat = statSync(file);
    return [stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

/** The files to watch: our own sources directly, a bundled package through its package.json. */
function watchedFiles(root: string, metafile: Metafile): string[] {
  const files = new Set(ALWAYS_WATCHED);
  for (const input of Object.keys(metafile.inputs)) {
    const relative = path.relative(root, path.resolve(root, input)).split(path.sep).join("/");
    const inPackage = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(relative);
    files.add(inPackage ? `${inPackage[1]}/package.json` : relative);
  }
  return [...files].sort();
}

export interface BuildResult {
  bundle: string;
  inputs: number;
  bytes: number;
  ms: number;
}

/**
 * Builds the bundle and its manifest. The stamps are taken before esbuild reads anything; if a
 * watched file changes during the build, no manifest is written (the bundle stays unused).
 */
export async function buildCli(root: string): Promise<BuildResult> {
  const started = performance.now();
  const outDir = path.join(root, BUNDLE_DIR);
  mkdirSync(outDir, { recursive: true });
  const before = new Map<string, FileStamp>();
  // Stamp what the previous build read, so a file edited mid-build is caught.
  const previousInputs = readPreviousInputs(outDir);
  for (const file of previousInputs) before.set(file, stampOf(path.join(root, file)));
  const buildStart = Date.now();

  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "lib/cli/main.ts")],
    bundle: true,
    write: false,
    outdir: outDir,
    // One chunk per command (main.ts imports each on demand), shared code in shared chunks: a
    // command compiles only what it runs (`engine analyze` skips mathjs, zod and the problems).
    splitting: true,
    entryNames: "stride-[hash]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    format: "esm",
    platform: "node",
    target: "node20",
    // ES modules of tfjs rather than its CommonJS node build: smaller and no `require` at load.
    mainFields: ["module", "main"],
    tsconfig: path.join(root, "tsconfig.json"),
    external: EXTERNAL,
    // Node runs the engine on the cpu backend: tfjs without WebGL, the converter and tfjs-data.
    alias: { "@tensorflow/tfjs": "./lib/cli/tfjs-cpu.ts" },
    metafile: true,
    legalComments: "none",
    // Whitespace and syntax only (names stay for stack traces): a smaller chunk parses faster at
    // every start (the engine chunk 1.9 MB → 1.4 MB).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "silent",
    // Some CommonJS dependencies `require` Node built-ins; an ES module has no `require`.
    banner: { js: 'import { createRequire as __strideCreateRequire } from "node:module"; const require = __strideCreateRequire(import.meta.url);' },
  });
  // esbuild's [hash] covers a file's content and the chunks it imports, so a name never stands
  // for two contents. Chunks are written before the entry that imports them, the manifest last.
  const entry = result.outputFiles.find((file) => path.basename(file.path).startsWith("stride-"));
  if (!entry) throw new Error("esbuild produced no entry bundle");
  const chunks = result.outputFiles.filter((file) => file !== entry);
  for (const chunk of chunks) writeAtomically(chunk.path, chunk.contents);
  writeAtomically(entry.path, entry.contents);
  const bundle = path.basename(entry.path);
  const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);

  const inputs: Record<string, FileStamp> = {};
  let changedDuringBuild = false;
  for (const file of watchedFiles(root, result.metafile)) {
    const stamp = stampOf(path.join(root, file));
    const earlier = before.get(file);
    if (stamp && stamp[1] >= buildStart) changedDuringBuild = true;
    if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(stamp)) changedDuringBuild = true;
    inputs[file] = stamp;
  }
  if (changedDuringBuild) {
    throw new Error("a source file changed while the CLI was being bundled; run npm run build:cli again");
  }
  const manifest: CliManifest = { bundle, builtAt: new Date(buildStart).toISOString(), node: process.version, inputs };
  writeAtomically(path.join(outDir, MANIFEST), JSON.stringify(manifest));
  removeOldBundles(outDir, new Set([bundle, ...chunks.map((chunk) => path.basename(chunk.path))]));
  return { bundle, inputs: Object.keys(inputs).length, bytes, ms: performance.now() - started };
}

function readPreviousInputs(outDir: string): string[] {
  try {
    return Object.keys((JSON.parse(readFileSync(path.join(outDir, MANIFEST), "utf8")) as CliManifest).inputs);
  } catch {
    return [];
  }
}

/** Writes to a temporary name and renames: a reader sees the old file or the new one, whole. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Bundles and chunks not in the current build, once a minute old (a process may still be loading one). */
function removeOldBundles(outDir: string, keep: ReadonlySet<string>): void {
  const now = Date.now();
  for (const name of readdirSync(outDir)) {
    if (keep.has(name) || !/^(?:stride|chunk)-[0-9A-Za-z]+\.mjs$/.test(name)) continue;
    const stamp = stampOf(path.join(outDir, name));
    if (stamp && now - stamp[1] > 60_000) rmSync(path.join(outDir, name), { force: true });
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    const built = await buildCli(root);
    console.log(
      `build:cli: ${BUNDLE_DIR}/${built.bundle} and its chunks (${(built.bytes / 2 ** 20).toFixed(1)} MiB, ${built.inputs} watched files) in ${Math.round(built.ms)} ms`,
    );
  } catch (error) {
    console.error(`build:cli: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
