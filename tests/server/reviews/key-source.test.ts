import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { variantProblem } from "@/lib/server/reviews/variant-problem";

// A built-in template's problem is a pure function of its seed: no database is asked.
const noDatabase = {} as PrismaClient;

describe("where a key comes from", () => {
  it("is the engine for a computed template and the books for a catalogue concept item", async () => {
    expect((await variantProblem({ db: noDatabase, templateId: "conv.output-size", seed: 7, lang: "en" })).keySource).toBe("engine");
    const concept = await variantProblem({ db: noDatabase, templateId: "concepts.convolution-choice", seed: 7, lang: "en" });
    expect(concept.problem.check).toBeNull();
    expect(concept.keySource).toBe("book");
  });
});
