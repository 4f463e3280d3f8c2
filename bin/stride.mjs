#!/usr/bin/env node
// The `stride` command. It runs the bundle that `npm run build:cli` makes (.stride-cli/, built
// by postinstall) when that bundle is current: every file it was made from still has the size
// and modification time its manifest recorded. Otherwise it rebuilds the bundle first, and if
// that cannot be done (no esbuild, a read-only checkout) it runs the TypeScript sources through
// tsx, as before. A stale bundle never answers. STRIDE_CLI_BUNDLE=0 always runs the sources.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const bundleDir = new URL(".stride-cli/", root);

/** The bundle's URL when its manifest vouches for it, else null. */
function currentBundle() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL("manifest.json", bundleDir), "utf8"));
  } catch {
    return null;
  }
  if (typeof manifest?.bundle !== "string" || manifest.node !== process.version) return null;
  for (const [file, stamp] of Object.entries(manifest.inputs ?? {})) {
    let now = null;
    try {
      const stat = statSync(new URL(file, root));
      now = [stat.size, stat.mtimeMs];
    } catch {
      now = null;
    }
    if (stamp === null ? now !== null : now === null || now[0] !== stamp[0] || now[1] !== stamp[1]) return null;
  }
  return new URL(manifest.bundle, bundleDir);
}

async function loadMain() {
  if (process.env.STRIDE_CLI_BUNDLE !== "0") {
    const bundle = currentBundle();
    if (bundle) return (await import(bundle.href)).main;
  }
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("tsconfig.json", root)) });
  if (process.env.STRIDE_CLI_BUNDLE !== "0") {
    try {
      const { buildCli } = await import("../scripts/build-cli.ts");
      await buildCli(fileURLToPath(root));
      const bundle = currentBundle();
      if (bundle) return (await import(bundle.href)).main;
    } catch {
      // Could not bundle here: the sources answer instead, only slower to start.
    }
  }
  return (await import("../lib/cli/main.ts")).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
