import { type Lang, sampleProblem } from "@/lib/problems";

/**
 * Seed helpers for the no-repeat tests (review-no-repeat, practice-no-repeat): the server draws a
 * variant's seed through an injectable source, and "the same problem" means the same text.
 */

/** A seed source that hands out `seeds` in turn and then repeats the last one forever. */
export function seedsInTurn(seeds: number[]) {
  const drawn: number[] = [];
  const next = () => {
    const seed = seeds[Math.min(drawn.length, seeds.length - 1)] as number;
    drawn.push(seed);
    return seed;
  };
  return { next, drawn };
}

/** What a learner reads of the problem: its prompt and its options. */
export const problemText = (template: string, seed: number, lang: Lang) => {
  const problem = sampleProblem({ template, seed, lang });
  return JSON.stringify([problem.prompt, problem.options?.map((option) => option.text) ?? null]);
};

/** Two different seeds of `template` whose problems read the same, and a third that reads otherwise. */
export function sameTextSeeds(template: string, within: number): [number, number, number] {
  const bySeed = new Map<string, number>();
  for (let seed = 0; seed < within; seed += 1) {
    const key = problemText(template, seed, "en");
    const earlier = bySeed.get(key);
    if (earlier !== undefined) {
      const other = [...Array(within).keys()].find((candidate) => problemText(template, candidate, "en") !== key) as number;
      return [earlier, seed, other];
    }
    bySeed.set(key, seed);
  }
  throw new Error(`${template}: no two seeds in ${within} read the same`);
}
