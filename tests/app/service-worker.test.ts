import { describe, expect, it } from "vitest";
import { OFFLINE_PAGE, requestKind, SHELL_PAGES, serviceWorkerScript } from "@/app/_components/offline/service-worker";

const origin = "https://stride.example.edu";
const get = (path: string, mode = "no-cors", rsc = false) => ({ method: "GET", mode, url: `${origin}${path}`, rsc });

describe("what the service worker does with each request", () => {
  it("serves the build's static files from its cache: their names change with their content", () => {
    expect(requestKind(get("/_next/static/chunks/1kd74nmt9a_6h.js"), origin)).toBe("static");
    expect(requestKind(get("/_next/static/media/KaTeX_Main-Regular.woff2"), origin)).toBe("static");
  });

  it("never answers the API (reviews and keys come from the server), the metrics, itself or a write", () => {
    expect(requestKind(get("/api/trpc/review.submit?batch=1"), origin)).toBe("network");
    expect(requestKind(get("/api/health"), origin)).toBe("network");
    expect(requestKind(get("/metrics"), origin)).toBe("network");
    expect(requestKind(get("/sw.js"), origin)).toBe("network");
    expect(requestKind({ ...get("/review", "navigate"), method: "POST" }, origin)).toBe("network");
  });

  it("leaves other origins and Next.js's per-request payloads of client navigations alone", () => {
    expect(requestKind({ method: "GET", mode: "cors", url: "https://cdn.example.com/x.js", rsc: false }, origin)).toBe("network");
    expect(requestKind(get("/calc", "cors", true), origin)).toBe("network");
    expect(requestKind(get("/calc?_rsc=1x2y3", "cors"), origin)).toBe("network");
  });

  it("answers page loads from the network first, and icons and the manifest from its cache while refreshing them", () => {
    expect(requestKind(get("/review", "navigate"), origin)).toBe("page");
    expect(requestKind(get("/calc", "navigate"), origin)).toBe("page");
    expect(requestKind(get("/manifest.webmanifest"), origin)).toBe("asset");
    expect(requestKind(get("/icons/icon-192.png"), origin)).toBe("asset");
  });
});

describe("the worker's script", () => {
  it("is one self-contained script with this build's files and the pages kept for offline use", () => {
    const script = serviceWorkerScript({ version: "build-7", staticFiles: ["/_next/static/chunks/a.js"], pages: SHELL_PAGES, offlinePage: OFFLINE_PAGE });
    // Compiles as a classic script (a syntax error or a stray import would throw here).
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('"/_next/static/chunks/a.js"');
    expect(script).toContain('"version":"build-7"');
    expect(SHELL_PAGES).toEqual(expect.arrayContaining(["/calc", "/engine", "/glossary", "/practice/offline"]));
    expect(SHELL_PAGES).not.toContain("/review");
  });

  it("runs in a worker scope: it registers install, activate and fetch handlers and nothing else", () => {
    const script = serviceWorkerScript({ version: "v", staticFiles: [], pages: [], offlinePage: OFFLINE_PAGE });
    const events: string[] = [];
    const scope = { location: { origin }, addEventListener: (type: string) => events.push(type), skipWaiting: async () => {}, clients: { claim: async () => {} } };
    new Function("globalThis", script)(scope);
    expect(events).toEqual(["install", "activate", "fetch"]);
  });
});
