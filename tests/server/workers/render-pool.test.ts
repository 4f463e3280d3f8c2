import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { renderPoolOptionsFrom } from "@/lib/server/workers/render-pool";

const config = (threads?: number) => ({ STRIDE_RENDER_THREADS: threads }) as Env;

describe("renderPoolOptionsFrom", () => {
  it("leaves typesetting on the request thread on two cores or fewer: a thread there only takes turns with the request thread and the database", () => {
    expect(renderPoolOptionsFrom(config(), 1)).toBeNull();
    expect(renderPoolOptionsFrom(config(), 2)).toBeNull();
  });

  it("gives the cores the request thread and the database leave, at most four (each thread keeps caches of its own)", () => {
    expect(renderPoolOptionsFrom(config(), 3)).toMatchObject({ threads: 1, maxQueue: 64 });
    expect(renderPoolOptionsFrom(config(), 4)).toMatchObject({ threads: 2 });
    expect(renderPoolOptionsFrom(config(), 32)).toMatchObject({ threads: 4, maxQueue: 256 });
  });

  it("follows STRIDE_RENDER_THREADS, 0 turning the threads off", () => {
    expect(renderPoolOptionsFrom(config(0), 16)).toBeNull();
    expect(renderPoolOptionsFrom(config(2), 1)).toMatchObject({ threads: 2, maxQueue: 128, taskTimeoutMs: 10_000 });
  });
});
