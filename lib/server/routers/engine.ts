import { z } from "zod";
import { runTask } from "../workers/pool";
import { createRouter, publicProcedure } from "../trpc";

/**
 * Ops a call answers. Each is small (at most 8×8 inputs), about 0.1 ms on the cpu backend, so a
 * call is about 10 ms of a worker thread; the engine-check page asks for a long check in slices.
 * (It was 1,000 a call: a batch of 100 such calls kept the server busy for 7–8 s, issue 11.)
 */
export const MAX_CHECK_OPS = 100;
/** The longest check the page runs: ops from 0 to this, in slices of MAX_CHECK_OPS. */
export const MAX_CHECK_LENGTH = 1000;

export const engineCheckInput = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    offset: z.number().int().min(0).max(MAX_CHECK_LENGTH - 1).default(0),
    count: z.number().int().min(1).max(MAX_CHECK_OPS),
  })
  .refine((input) => input.offset + input.count <= MAX_CHECK_LENGTH, { message: `a check covers ops 0 to ${MAX_CHECK_LENGTH} at most`, path: ["count"] });

export const engineRouter = createRouter({
  /**
   * Node's answers to ops `offset` to `offset + count` of `randomOps(seed, …)`, for the
   * engine-check page, which draws the same ops from the same seed, runs them on the browser's
   * backend and compares. Public: it reveals nothing but arithmetic on numbers drawn from the
   * seed, and the page is open to visitors; the work runs on a worker thread, is capped per call
   * and per batch, and costs 5 of an address's request points (lib/server/rate-limit).
   */
  check: publicProcedure
    .meta({ cost: 5 })
    .input(engineCheckInput)
    .query(({ input }) => runTask("checkEngine", input)),
});
