import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/proxy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((directive) => {
    const [name, ...sources] = directive.split(" ");
    return [name!, sources];
  }));
}

describe("the pages' Content-Security-Policy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, frameAncestors: "'self'", https: true }));

  it("runs only scripts carrying this request's nonce (and what they load), with no string eval in production", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
  });

  it("allows inline styles (KaTeX) and data: images (solution figures)", () => {
    expect(production.get("style-src")).toContain("'unsafe-inline'");
    expect(production.get("img-src")).toContain("data:");
  });

  it("lets only the configured origins frame Stride, for LMS embedding", () => {
    expect(production.get("frame-ancestors")).toEqual(["'self'"]);
    const lms = directives(contentSecurityPolicy({ nonce: "n", dev: false, frameAncestors: "'self' https://lms.example.edu", https: false }));
    expect(lms.get("frame-ancestors")).toEqual(["'self'", "https://lms.example.edu"]);
  });

  it("upgrades insecure requests over HTTPS only, and adds eval and websockets in development only", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(true);
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, frameAncestors: "'self'", https: false }));
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
  });
});
