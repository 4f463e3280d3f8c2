import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { OFFLINE_PAGE, SHELL_PAGES, serviceWorkerScript } from "../_components/offline/service-worker";

// Read at request time: the list is the build's, which exists only once the app is built.
export const dynamic = "force-dynamic";

let script: Promise<string> | null = null;

/** This build's id and its static files, read once per process (a new build is a new process). */
async function buildScript(): Promise<string> {
  const distDir = path.join(process.cwd(), process.env.STRIDE_NEXT_DIST_DIR || ".next");
  const version = (await readFile(path.join(distDir, "BUILD_ID"), "utf8").catch(() => "development")).trim();
  const staticDir = path.join(distDir, "static");
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const staticFiles = entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/_next/static/${path.relative(staticDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
  return serviceWorkerScript({ version, staticFiles, pages: SHELL_PAGES, offlinePage: OFFLINE_PAGE });
}

/** The service worker (app/_components/offline/service-worker.ts), never cached by the browser's HTTP cache, so a new build is found at once. */
export async function GET() {
  script ??= buildScript();
  return new Response(await script, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache", "service-worker-allowed": "/" },
  });
}
