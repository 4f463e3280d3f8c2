import { afterEach, describe, expect, it } from "vitest";
import { sampleProblem } from "@/lib/problems";
import { AppError } from "@/lib/server/errors";
import { renderMarkdown } from "@/lib/server/markdown/render-markdown";
import { renderDocuments, renderLocalizedDocuments } from "@/lib/server/markdown/render-off-thread";
import type { WorkerPool } from "@/lib/server/workers/pool";

const holder = globalThis as typeof globalThis & { strideRenderPool?: WorkerPool | null };

/** A stand-in for the render pool: what `run` does is the test's. */
function fakePool(run: (name: string, input: { markdowns: string[] }) => Promise<unknown>) {
  const calls: string[][] = [];
  holder.strideRenderPool = {
    run: (name: string, input: unknown) => {
      calls.push((input as { markdowns: string[] }).markdowns);
      return run(name, input as { markdowns: string[] });
    },
  } as unknown as WorkerPool;
  return calls;
}

afterEach(() => {
  holder.strideRenderPool = undefined;
});

// A problem's documents: numbers that change with the seed, so no earlier test has cached them.
const problem = sampleProblem({ template: "conv.output-size", seed: 424_242, lang: "en" });

describe("renderDocuments", () => {
  it("typesets on the request thread when the render threads are off (STRIDE_RENDER_THREADS=0 in the tests)", async () => {
    holder.strideRenderPool = null;
    const html = await renderDocuments([problem.prompt, problem.solution]);
    expect(html).toEqual([renderMarkdown(problem.prompt), renderMarkdown(problem.solution)]);
  });

  it("hands the documents it has not cached to the pool once, in one task, and answers in order", async () => {
    const prompt = `${problem.prompt}\n\nFirst of two.`;
    const solution = `${problem.solution}\n\nSecond of two.`;
    const calls = fakePool(async (name, { markdowns }) => {
      expect(name).toBe("renderDocuments");
      return markdowns.map((markdown) => `<p>rendered elsewhere: ${markdown.length}</p>`);
    });
    const html = await renderDocuments([prompt, solution, prompt]);
    expect(calls).toEqual([[prompt, solution]]);
    expect(html).toEqual([`<p>rendered elsewhere: ${prompt.length}</p>`, `<p>rendered elsewhere: ${solution.length}</p>`, `<p>rendered elsewhere: ${prompt.length}</p>`]);

    // Kept on this thread: asked again, the pool is not called.
    const again = await renderDocuments([solution]);
    expect(again).toEqual([`<p>rendered elsewhere: ${solution.length}</p>`]);
    expect(calls).toHaveLength(1);
  });

  it("typesets for itself when the pool's queue is full, rather than refusing the learner", async () => {
    const text = `${problem.prompt}\n\nWhile the pool is busy.`;
    fakePool(async () => {
      throw new AppError("UNAVAILABLE", "The server is busy; try again in a few seconds.");
    });
    expect(await renderDocuments([text])).toEqual([renderMarkdown(text)]);
  });

  it("typesets for itself when a task runs past its time limit or its thread dies (a machine too busy to load the thread)", async () => {
    const slow = `${problem.prompt}\n\nToo slow.`;
    fakePool(async () => {
      throw new AppError("TIMEOUT", "This took longer than 10 s and was stopped.");
    });
    expect(await renderDocuments([slow])).toEqual([renderMarkdown(slow)]);
    const died = `${problem.prompt}\n\nThread gone.`;
    fakePool(async () => {
      throw new Error("worker task \"renderDocuments\" failed: terminated");
    });
    expect(await renderDocuments([died])).toEqual([renderMarkdown(died)]);
  });

  it("typesets each language of a localized text and keeps its keys", async () => {
    holder.strideRenderPool = null;
    const text = { en: "Right: $2 \\times 3$.", "zh-CN": "正确：$2 \\times 3$。" };
    expect(await renderLocalizedDocuments(text)).toEqual({ en: renderMarkdown(text.en), "zh-CN": renderMarkdown(text["zh-CN"]) });
  });
});
