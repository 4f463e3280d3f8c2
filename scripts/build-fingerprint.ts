import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What the Next.js build is made from; a change to any of these makes `npm start` build again.
const INPUT_DIRS = ["app", "lib", "prisma"];
// scripts/build-api.ts makes the API bundle that goes with the build (from app's and lib's sources).
const INPUT_FILES = ["next.config.js", "proxy.ts", "package-lock.json", "tsconfig.json", "tsconfig.app.json", "postcss.config.mjs", "scripts/build-api.ts"];
const SKIPPED = new Set(["generated", "node_modules", "migrations"]);

function collect(dir: string, into: string[]) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, into);
    else if (entry.isFile()) into.push(full);
  }
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) collect(path.join(root, dir), files);
  for (const file of INPUT_FILES) if (existsSync(path.join(root, file))) files.push(path.join(root, file));
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** Where the build lives: `.next`, or STRIDE_NEXT_DIST_DIR (next.config.js reads the same). */
function distDir(root: string) {
  return path.join(root, process.env.STRIDE_NEXT_DIST_DIR || ".next");
}

/** The API bundle (scripts/build-api.ts) that `npm run build` makes beside the Next.js build. */
export function apiBundlePath(root: string): string {
  return path.join(distDir(root), "stride-api", "api-server.mjs");
}

function fingerprintFile(root: string) {
  return path.join(distDir(root), "stride-build-fingerprint");
}

/** Whether a finished build is there at all, current or not. */
export function buildExists(root: string): boolean {
  return existsSync(path.join(distDir(root), "BUILD_ID"));
}

export function buildIsCurrent(root: string): boolean {
  const file = fingerprintFile(root);
  if (!existsSync(path.join(distDir(root), "BUILD_ID")) || !existsSync(apiBundlePath(root)) || !existsSync(file)) return false;
  return statSync(file).isFile() && readFileSync(file, "utf8").trim() === sourceFingerprint(root);
}

export function recordBuild(root: string) {
  writeFileSync(fingerprintFile(root), `${sourceFingerprint(root)}\n`);
}
