import { z } from "zod";
import { EngineError, engineInfo, type OpAnswer, randomOps, run } from "@/lib/engine";
import { createRouter, publicProcedure } from "../trpc";

/** At most this many ops a request: each is small (≤ 8×8 inputs), so a request stays in milliseconds. */
export const MAX_CHECK_OPS = 1000;

export const engineCheckInput = z.object({
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  count: z.number().int().min(1).max(MAX_CHECK_OPS),
});

export const engineRouter = createRouter({
  /**
   * Node's answers to `randomOps(seed, count)`, for the engine-check page, which draws the same
   * ops from the same seed, runs them on the browser's backend and compares. Public: it reveals
   * nothing but arithmetic on numbers drawn from the seed.
   */
  check: publicProcedure.input(engineCheckInput).query(({ input }) => {
    const answers: Array<OpAnswer | { error: string }> = randomOps(input.seed, input.count).map((op) => {
      try {
        return run(op);
      } catch (error) {
        if (error instanceof EngineError) return { error: error.message };
        throw error;
      }
    });
    return { engine: engineInfo(), answers };
  }),
});
