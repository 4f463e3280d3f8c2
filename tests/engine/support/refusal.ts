import { expect } from "vitest";
import { EngineError, run } from "@/lib/engine";

/** What `run` refuses, as the EngineError it throws (anything else fails the test). */
export function refusal(op: unknown): EngineError {
  try {
    run(op);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error(`run accepted ${JSON.stringify(op)}`);
}
