import { describe, expect, it } from "vitest";
import { LANGS, listTemplates } from "@/lib/problems";
import { warmReviewRendering } from "@/lib/server/reviews/warm-review-rendering";

describe("warmReviewRendering", () => {
  it("renders every skill's prompt and solution in each language, giving the event loop back between skills", { timeout: 60_000 }, async () => {
    let turnsTaken = 0;
    let warming = true;
    // Something else waiting on the event loop: it must get turns while the warm-up runs.
    const tick = () => {
      if (!warming) return;
      turnsTaken += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const rendered = await new Promise<number>((resolve) => warmReviewRendering(resolve));
    warming = false;
    // A prompt and a solution at least, per skill and language.
    expect(rendered).toBeGreaterThanOrEqual(listTemplates().length * LANGS.length * 2);
    expect(turnsTaken).toBeGreaterThanOrEqual(listTemplates().length * LANGS.length - 1);
  });
});
