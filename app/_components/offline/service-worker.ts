/**
 * Stride's service worker, written as functions that /sw.js (app/sw.js/route.ts) serialises with
 * their source: the worker needs this build's list of static files, which only the server knows.
 * Everything the worker runs must be inside these functions (no imports, no outer names).
 *
 * What it keeps, and why:
 * - the build's static files (/_next/static: scripts, styles, fonts, the engine's code), cached
 *   at install and served from the cache (their names change with their content), so the shell,
 *   the calculators, the engine and offline practice start without a connection;
 * - a few pages that work offline (SHELL_PAGES), refreshed from the network whenever online;
 * - nothing of the API: answers, reviews and keys always come from the server.
 */

export interface ServiceWorkerConfig {
  /** The build id: a new build installs a new worker with new caches. */
  version: string;
  /** Every file of the build's /_next/static folder, as URLs. */
  staticFiles: string[];
  /** Pages kept for offline use. */
  pages: string[];
  /** What a page the worker has no copy of shows offline. */
  offlinePage: string;
}

/** Pages that work without a connection once loaded: their work happens in the browser. */
export const SHELL_PAGES = ["/", "/calc", "/engine", "/glossary", "/practice/offline"];
export const OFFLINE_PAGE = "/offline";

export type RequestKind = "static" | "page" | "asset" | "network";

/**
 * How the worker answers a request: "static" from the cache first, "page" from the network first
 * (then its kept copy, then the offline page), "asset" (icons, the manifest) from the cache while
 * refreshing it, "network" not at all (the browser fetches it as if there were no worker): the
 * API, other origins, anything but GET, and Next.js's page payloads for client navigations,
 * which are per request (when they fail offline, Next.js loads the page itself, which the worker
 * then answers).
 */
export function requestKind(
  request: { method: string; mode: string; url: string; rsc: boolean },
  origin: string,
): RequestKind {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== origin) return "network";
  if (url.pathname.startsWith("/api/") || url.pathname === "/metrics" || url.pathname === "/sw.js") return "network";
  if (url.pathname.startsWith("/_next/static/")) return "static";
  if (request.rsc || url.searchParams.has("_rsc")) return "network";
  if (request.mode === "navigate") return "page";
  if (url.pathname.startsWith("/_next/")) return "network";
  return "asset";
}

/** The part of ServiceWorkerGlobalScope the worker uses (the project's TypeScript has no webworker lib). */
interface WorkerScope {
  location: { origin: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
  addEventListener(type: "fetch", listener: (event: { request: Request; respondWith(response: Promise<Response>): void; waitUntil(promise: Promise<unknown>): void }) => void): void;
}

export function serviceWorker(config: ServiceWorkerConfig, kindOf: typeof requestKind): void {
  const scope = globalThis as unknown as WorkerScope;
  const staticCache = `stride-static-${config.version}`;
  const pageCache = `stride-pages-${config.version}`;
  const assetCache = `stride-assets-${config.version}`;
  const pagePaths = new Set([...config.pages, config.offlinePage]);

  async function keepPages() {
    const cache = await caches.open(pageCache);
    await Promise.allSettled(
      [...pagePaths].map(async (path) => {
        const response = await fetch(path, { credentials: "same-origin" });
        if (response.ok) await cache.put(path, response);
      }),
    );
  }

  scope.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(staticCache);
        // One at a time would take minutes on a slow phone; all at once, a failed file fails nothing else.
        await Promise.allSettled(config.staticFiles.map((file) => cache.add(file)));
        await keepPages();
        await scope.skipWaiting();
      })(),
    );
  });

  scope.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        const current = new Set([staticCache, pageCache, assetCache]);
        for (const name of await caches.keys()) if (name.startsWith("stride-") && !current.has(name)) await caches.delete(name);
        await scope.clients.claim();
      })(),
    );
  });

  async function fromCacheFirst(request: Request) {
    const cached = await caches.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) await (await caches.open(staticCache)).put(request, response.clone());
    return response;
  }

  async function fromNetworkFirst(request: Request) {
    const path = new URL(request.url).pathname;
    try {
      const response = await fetch(request);
      if (response.ok && pagePaths.has(path)) await (await caches.open(pageCache)).put(path, response.clone());
      return response;
    } catch (error) {
      const cache = await caches.open(pageCache);
      const kept = (await cache.match(path)) ?? (await cache.match(config.offlinePage));
      if (kept) return kept;
      throw error;
    }
  }

  async function staleWhileRevalidate(request: Request, waitUntil: (promise: Promise<unknown>) => void) {
    const cache = await caches.open(assetCache);
    const cached = await cache.match(request);
    const refreshed = fetch(request).then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    });
    if (cached) {
      waitUntil(refreshed.catch(() => undefined));
      return cached;
    }
    return refreshed;
  }

  scope.addEventListener("fetch", (event) => {
    const { request } = event;
    const kind = kindOf({ method: request.method, mode: request.mode, url: request.url, rsc: request.headers.get("rsc") === "1" }, scope.location.origin);
    if (kind === "static") event.respondWith(fromCacheFirst(request));
    else if (kind === "page") event.respondWith(fromNetworkFirst(request));
    else if (kind === "asset") event.respondWith(staleWhileRevalidate(request, (promise) => event.waitUntil(promise)));
  });
}

/** The worker's script: the two functions above, called with this build's configuration. */
export function serviceWorkerScript(config: ServiceWorkerConfig): string {
  return `"use strict";\n(${serviceWorker.toString()})(${JSON.stringify(config)}, ${requestKind.toString()});\n`;
}
