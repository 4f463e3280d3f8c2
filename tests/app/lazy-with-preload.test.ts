import { createElement, Suspense, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { lazyWithPreload } from "@/app/_components/lazy-with-preload";

const Greeting: ComponentType<{ name: string }> = ({ name }) => createElement("p", null, `Hello ${name}`);

/** The component inside a Suspense boundary whose fallback says "waiting", rendered once on the server. */
function rendered(Component: ComponentType<{ name: string }>): string {
  return renderToString(createElement(Suspense, { fallback: createElement("i", null, "waiting") }, createElement(Component, { name: "Ada" })));
}

// A boundary whose content rendered (`<!--$-->`), where a suspended one shows its fallback.
const SHOWN = "<!--$--><p>Hello Ada</p><!--/$-->";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("lazyWithPreload", () => {
  it("suspends like React.lazy when nothing was preloaded", () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyWithPreload(load);
    // renderToString shows a suspended boundary's fallback.
    expect(rendered(Lazy)).toContain("<i>waiting</i>");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("renders at once, without suspending, once preloaded, and loads only once", async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyWithPreload(load);
    Lazy.preload();
    Lazy.preload();
    await settle();
    expect(rendered(Lazy)).toBe(SHOWN);
    expect(rendered(Lazy)).toBe(SHOWN);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps a failed preload quiet and tries again the next time", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const load = vi.fn<() => Promise<ComponentType<{ name: string }>>>().mockRejectedValueOnce(new Error("connection lost")).mockResolvedValue(Greeting);
      const Lazy = lazyWithPreload(load);
      Lazy.preload();
      await settle();
      expect(load).toHaveBeenCalledTimes(1);
      Lazy.preload();
      await settle();
      expect(load).toHaveBeenCalledTimes(2);
      expect(rendered(Lazy)).toBe(SHOWN);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
