import { EngineError, engineInfo, type EngineInfo, type GradientAnswer, type OpAnswer, randomOps, run } from "@/lib/engine";

export interface CheckEngineInput {
  seed: number;
  /** The ops `randomOps(seed, offset + count)` draws, from `offset` on: a long check comes in slices. */
  offset: number;
  count: number;
}

export interface CheckEngineOutput {
  engine: EngineInfo;
  answers: Array<OpAnswer | GradientAnswer | { error: string }>;
}

/** Node's answers to a slice of the seeded random ops, for the engine-check page to compare. */
export function checkEngine({ seed, offset, count }: CheckEngineInput): CheckEngineOutput {
  const answers = randomOps(seed, offset + count)
    .slice(offset)
    .map((op) => {
      try {
        return run(op);
      } catch (error) {
        if (error instanceof EngineError) return { error: error.message };
        throw error;
      }
    });
  return { engine: engineInfo(), answers };
}
