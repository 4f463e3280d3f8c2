import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { getTemplate, type Lang, sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import { problemText, sameTextSeeds, seedsInTurn } from "./support/seed-draws";

/**
 * Practice never serves a skill's variant that the learner saw among their last few of that
 * skill (issue 13, item 7), as the review queue never repeats a card's previous problem
 * (review-no-repeat.test.ts); also when two tabs ask at once.
 */

/**
 * `db`, except that before the first write meant to issue a variant (a transaction, or a variant
 * insert) `hook` runs to its end: another tab acting between this request's reads and its write.
 */
function actingBeforeFirstWrite(db: PrismaClient, hook: () => Promise<void>): PrismaClient {
  let fired = false;
  const fire = async () => {
    if (fired) return;
    fired = true;
    await hook();
  };
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === "function" ? value.bind(target) : value;
  };
  const variants = new Proxy(db.variant, {
    get: (target, prop) =>
      prop === "create"
        ? async (...args: Parameters<typeof target.create>) => {
            await fire();
            return target.create(...args);
          }
        : bound(target, prop),
  });
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === "variant") return variants;
      if (prop === "$transaction") {
        return async (...args: unknown[]) => {
          await fire();
          return (target.$transaction as (...a: unknown[]) => unknown)(...args);
        };
      }
      return bound(target, prop);
    },
  });
}

describe.each(databaseKinds())("practice never repeats a skill's recent variants, on %s", (kind) => {
  let database: TestDatabase;
  const clock = new Date("2026-03-02T09:00:00Z");
  let learnerCount = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function newLearner(): Promise<SessionUser> {
    learnerCount += 1;
    const learner: SessionUser = { id: `learner-practice-${learnerCount}`, email: `practice${learnerCount}@example.com`, name: "Practice", role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: learner.id, email: learner.email, name: learner.name, role: learner.role, locale: learner.locale } });
    return learner;
  }

  const callerOf = (learner: SessionUser, randomSeed: () => number, db: PrismaClient = database.prisma) =>
    createCaller(createContext({ db, user: learner, now: () => clock, randomSeed }));

  /** Practice variants of `templateId` the learner answered, oldest first, an hour apart, ending an hour ago. */
  async function practisedBefore(learner: SessionUser, templateId: string, seeds: number[], lang: Lang = "en") {
    for (const [index, seed] of seeds.entries()) {
      const at = new Date(clock.getTime() - (seeds.length - index) * 3_600_000);
      await database.prisma.variant.create({ data: { userId: learner.id, cardId: null, mode: "practice", templateId, seed, lang, issuedAt: at, answeredAt: at } });
    }
  }

  async function answerOpen(learner: SessionUser) {
    await database.prisma.variant.updateMany({ where: { userId: learner.id, answeredAt: null, withdrawnAt: null }, data: { answeredAt: clock } });
  }

  async function issuedSeed(variantId: string) {
    return (await database.prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).seed;
  }

  it("draws again a seed the learner practised last for that skill, and the few before it", async () => {
    const learner = await newLearner();
    await practisedBefore(learner, "conv.output-size", [19, 18, 17]);
    // The first draw picks the skill (only one is allowed), the rest are seeds.
    const seeds = seedsInTurn([0, 17, 18, 19, 23]);
    const issued = await callerOf(learner, seeds.next).review.practice({ template: "conv.output-size" });
    expect(issued.problem.template).toBe("conv.output-size");
    expect(await issuedSeed(issued.variantId)).toBe(23);
    expect(issued.problem.prompt).toBe(sampleProblem({ template: "conv.output-size", seed: 23, lang: "en" }).prompt);
  });

  it("draws again a different seed whose problem reads the same as a recent one (prompt and options)", async () => {
    const learner = await newLearner();
    const template = "concepts.convolution-true-false";
    const [previous, sameText, other] = sameTextSeeds(template, 2_000);
    expect(problemText(template, sameText, "en")).toBe(problemText(template, previous, "en"));
    await practisedBefore(learner, template, [previous]);
    const seeds = seedsInTurn([0, sameText, other]);
    const issued = await callerOf(learner, seeds.next).review.practice({ template });
    expect(await issuedSeed(issued.variantId)).toBe(other);
  });

  it("counts a problem seen in the review queue, and one served in Chinese, as seen", async () => {
    const learner = await newLearner();
    const card = await database.prisma.card.create({
      data: { userId: learner.id, templateId: "pooling.output-shape", due: new Date(clock.getTime() + 86_400_000), stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, reps: 1, lapses: 0, state: 2, lastReview: clock, createdAt: clock },
    });
    const earlier = new Date(clock.getTime() - 3_600_000);
    await database.prisma.variant.create({ data: { userId: learner.id, cardId: card.id, mode: "review", templateId: "pooling.output-shape", seed: 41, lang: "en", issuedAt: earlier, answeredAt: earlier } });
    await practisedBefore(learner, "pooling.output-shape", [42], "zh-CN");
    const seeds = seedsInTurn([0, 41, 42, 43]);
    const issued = await callerOf(learner, seeds.next).review.practice({ template: "pooling.output-shape" });
    expect(await issuedSeed(issued.variantId)).toBe(43);
  });

  it("counts a practice problem that a new filter withdrew unanswered as seen", async () => {
    const learner = await newLearner();
    const first = await callerOf(learner, seedsInTurn([0, 101]).next).review.practice({ template: "xcorr.values" });
    await callerOf(learner, seedsInTurn([0, 7]).next).review.practice({ template: "conv.output-size" });
    expect((await database.prisma.variant.findUniqueOrThrow({ where: { id: first.variantId } })).withdrawnAt).not.toBeNull();
    await answerOpen(learner);
    const again = await callerOf(learner, seedsInTurn([0, 101, 102]).next).review.practice({ template: "xcorr.values" });
    expect(await issuedSeed(again.variantId)).toBe(102);
  });

  it("keeps to the difficulty asked when it draws again", async () => {
    const learner = await newLearner();
    const template = getTemplate("conv.output-size");
    if (!template) throw new Error("conv.output-size is not registered");
    const hard = [...Array(500).keys()].filter((seed) => template.difficultyOf(seed) === "hard");
    const easy = [...Array(500).keys()].find((seed) => template.difficultyOf(seed) === "easy") as number;
    const [seen, fresh] = hard as [number, number];
    await practisedBefore(learner, "conv.output-size", [seen]);
    const seeds = seedsInTurn([0, seen, easy, fresh]);
    const issued = await callerOf(learner, seeds.next).review.practice({ template: "conv.output-size", difficulty: "hard" });
    expect(await issuedSeed(issued.variantId)).toBe(fresh);
  });

  it("gives two tabs asking at once one variant, and not the one practised last", async () => {
    const learner = await newLearner();
    await practisedBefore(learner, "pooling.max-values", [17]);
    const [left, right] = await Promise.all([
      callerOf(learner, seedsInTurn([0, 17, 23]).next).review.practice({ template: "pooling.max-values" }),
      callerOf(learner, seedsInTurn([0, 17, 29]).next).review.practice({ template: "pooling.max-values" }),
    ]);
    expect(left.variantId).toBe(right.variantId);
    expect([23, 29]).toContain(await issuedSeed(left.variantId));
  });

  it("does not serve a tab the problem another tab issued and answered between its reads and its write", async () => {
    const learner = await newLearner();
    await practisedBefore(learner, "xcorr.edge-detection", [3]);
    let otherSeed: number | null = null;
    const otherTab = async () => {
      const other = await callerOf(learner, () => 17).review.practice({ template: "xcorr.edge-detection" });
      otherSeed = await issuedSeed(other.variantId);
      await answerOpen(learner);
    };
    const racing = actingBeforeFirstWrite(database.prisma, otherTab);
    const issued = await callerOf(learner, seedsInTurn([0, 17, 0, 17, 23]).next, racing).review.practice({ template: "xcorr.edge-detection" });
    expect(otherSeed).toBe(17);
    expect(await issuedSeed(issued.variantId)).toBe(23);
  });

  it("stops drawing again after a bounded number of draws and serves the problem rather than fail", async () => {
    const learner = await newLearner();
    await practisedBefore(learner, "xcorr.values", [5]);
    const seeds = seedsInTurn([5]);
    const issued = await callerOf(learner, seeds.next).review.practice({ template: "xcorr.values" });
    expect(await issuedSeed(issued.variantId)).toBe(5);
    expect(seeds.drawn.length).toBeLessThan(20);
  });
});
