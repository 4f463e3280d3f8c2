import { describe, expect, it } from "vitest";
import { renderMarkdownCached } from "@/lib/server/markdown/cache";
import { LruCache } from "@/lib/server/markdown/cache-lru";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";

describe("LruCache", () => {
  it("evicts the least recently used entries once the total weight passes the bound", () => {
    const cache = new LruCache<string, string>(10, (value) => value.length);
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    // Reading a makes b the least recently used.
    expect(cache.get("a")).toBe("aaaa");
    cache.set("c", "cccc");
    // 4 + 4 + 4 = 12 > 10: b goes, a and c stay (8).
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("aaaa");
    expect(cache.get("c")).toBe("cccc");
    expect(cache.weight).toBe(8);
  });

  it("keeps nothing heavier than the whole cache, and replaces a key's value in place", () => {
    const cache = new LruCache<string, string>(5, (value) => value.length);
    cache.set("big", "123456");
    expect(cache.size).toBe(0);
    cache.set("k", "12");
    cache.set("k", "123");
    expect(cache.get("k")).toBe("123");
    expect(cache.weight).toBe(3);
  });

  it("computes a missing value once", () => {
    const cache = new LruCache<string, number>(100);
    let calls = 0;
    const compute = () => {
      calls += 1;
      return 42;
    };
    expect(cache.getOrSet("x", compute)).toBe(42);
    expect(cache.getOrSet("x", compute)).toBe(42);
    expect(calls).toBe(1);
  });
});

describe("renderMarkdownCached", () => {
  it("returns exactly what the renderer returns, sanitised links included", () => {
    for (const markdown of ["Output shape $[16, 15, 15]$?", "$$\\left\\lfloor \\frac{n-k}{s} \\right\\rfloor + 1$$", "[x](javascript:alert(1))"]) {
      expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
      expect(renderMarkdownCached(markdown)).toBe(renderMarkdown(markdown));
    }
  });
});
