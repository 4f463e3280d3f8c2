import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Lang, sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";
import { problemText, sameTextSeeds, seedsInTurn } from "./support/seed-draws";

describe.each(databaseKinds())("a review is never the card's previous problem again, on %s", (kind) => {
  let database: TestDatabase;
  const clock = new Date("2026-03-02T09:00:00Z");
  const learner: SessionUser = { id: "learner-repeat", email: "repeat@example.com", name: "Repeat", role: "learner", locale: "en" };
  const callerWith = (randomSeed: () => number) => createCaller(createContext({ db: database.prisma, user: learner, now: () => clock, randomSeed }));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.prisma.user.create({ data: { id: learner.id, email: learner.email, name: learner.name, role: learner.role, locale: learner.locale } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A card of `templateId` due an hour ago whose last variant (answered yesterday) had `seed`. */
  async function dueCardServedAs(templateId: string, seed: number, lang: Lang = "en") {
    const card = await database.prisma.card.create({
      data: { userId: learner.id, templateId, due: new Date(clock.getTime() - 3_600_000), stability: 1, difficulty: 5, elapsedDays: 1, scheduledDays: 1, reps: 1, lapses: 0, state: 2, lastReview: new Date(clock.getTime() - 86_400_000), createdAt: new Date(clock.getTime() - 2 * 86_400_000) },
    });
    const yesterday = new Date(clock.getTime() - 86_400_000);
    await database.prisma.variant.create({ data: { userId: learner.id, cardId: card.id, mode: "review", templateId, seed, lang, issuedAt: yesterday, answeredAt: yesterday } });
    return card;
  }

  async function answerOpen() {
    await database.prisma.variant.updateMany({ where: { userId: learner.id, answeredAt: null }, data: { answeredAt: clock } });
  }

  it("redraws a seed equal to the previous variant's", async () => {
    const card = await dueCardServedAs("conv.output-size", 17);
    const seeds = seedsInTurn([17, 17, 23]);
    const issued = await callerWith(seeds.next).review.next();
    expect(issued.status).toBe("issued");
    if (issued.status !== "issued") return;
    expect(issued.problem.template).toBe("conv.output-size");
    expect(seeds.drawn).toEqual([17, 17, 23]);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect(variant.cardId).toBe(card.id);
    expect(variant.seed).toBe(23);
    expect(issued.problem.prompt).toBe(sampleProblem({ template: "conv.output-size", seed: 23, lang: "en" }).prompt);
    await answerOpen();
    await database.prisma.card.update({ where: { id: card.id }, data: { due: new Date(clock.getTime() + 86_400_000 * 30) } });
  });

  it("redraws a different seed whose problem reads the same as the previous one (prompt and options)", async () => {
    const template = "concepts.convolution-true-false";
    const [previous, sameText, other] = sameTextSeeds(template, 400);
    expect(previous).not.toBe(sameText);
    expect(problemText(template, sameText, "en")).toBe(problemText(template, previous, "en"));
    const card = await dueCardServedAs(template, previous);
    const seeds = seedsInTurn([sameText, other]);
    const issued = await callerWith(seeds.next).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    expect(seeds.drawn).toEqual([sameText, other]);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect([variant.cardId, variant.seed]).toEqual([card.id, other]);
    await answerOpen();
    await database.prisma.card.update({ where: { id: card.id }, data: { due: new Date(clock.getTime() + 86_400_000 * 30) } });
  });

  it("compares in the learner's language today: the previous problem served in Chinese counts", async () => {
    const card = await dueCardServedAs("pooling.output-shape", 41, "zh-CN");
    const seeds = seedsInTurn([41, 42]);
    const issued = await callerWith(seeds.next).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    expect(seeds.drawn).toEqual([41, 42]);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect([variant.cardId, variant.seed, variant.lang]).toEqual([card.id, 42, "en"]);
    await answerOpen();
    await database.prisma.card.update({ where: { id: card.id }, data: { due: new Date(clock.getTime() + 86_400_000 * 30) } });
  });

  it("stops redrawing after a bounded number of draws and serves the problem rather than fail", async () => {
    const card = await dueCardServedAs("xcorr.values", 5);
    const seeds = seedsInTurn([5]);
    const issued = await callerWith(seeds.next).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    // The first draw and four redraws (MAX_REDRAWS in issue-variant.ts).
    expect(seeds.drawn).toEqual([5, 5, 5, 5, 5]);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect([variant.cardId, variant.seed]).toEqual([card.id, 5]);
  });
});
