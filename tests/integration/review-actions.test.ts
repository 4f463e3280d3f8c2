import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { newCardState, Rating, State } from "@/lib/srs";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

const MINUTE = 60_000;
const DAY = 86_400_000;

describe.each(databaseKinds())("ratings, undo, limits, leeches and settings on %s", (kind) => {
  let database: TestDatabase;
  let clock = new Date("2026-04-01T08:00:00Z");
  let serial = 0;
  const callerFor = (user: SessionUser | null) => createCaller(createContext({ db: database.prisma, user, now: () => clock }));

  async function newLearner(data: { dailyNewLimit?: number } = {}): Promise<SessionUser> {
    serial += 1;
    const user: SessionUser = { id: `learner-${serial}`, email: `l${serial}@example.com`, name: `Learner ${serial}`, role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, ...data } });
    return user;
  }

  async function keyOf(variantId: string) {
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    return sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
  }

  /** Issues the next review and answers it with the key after `afterMs`. */
  async function answerRight(user: SessionUser, afterMs = 10_000) {
    const issued = await callerFor(user).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    clock = new Date(clock.getTime() + afterMs);
    const result = await callerFor(user).review.submit({ variantId: issued.variantId, answer: typed(await keyOf(issued.variantId)) });
    if (result.status !== "graded") throw new Error("expected a graded answer");
    return { issued, result };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("suggests Easy for a fast right answer and lets the learner change it, keeping the review row as it was", async () => {
    const learner = await newLearner();
    // 10 s is within 60 % of a shape's typical 60 s (no history yet): fast, so Easy.
    const { result } = await answerRight(learner, 10_000);
    expect(result.suggestedRating).toBe(Rating.Easy);
    expect(result.rating).toBe(Rating.Easy);
    expect(result.medianMs).toBe(60_000);
    expect(Object.keys(result.dueByRating ?? {})).toEqual(["1", "2", "3", "4"]);

    const reviewedAt = clock;
    const again = await callerFor(learner).review.rate({ reviewId: result.reviewId, rating: Rating.Again });
    // Again on a new card: the 1-minute learning step from the time of the review.
    expect(again.nextDue).toEqual(new Date(reviewedAt.getTime() + MINUTE));
    const review = await database.prisma.review.findUniqueOrThrow({ where: { id: result.reviewId } });
    expect(review.rating).toBe(Rating.Easy);
    const card = await database.prisma.card.findUniqueOrThrow({ where: { id: review.cardId ?? "" } });
    expect(card.due).toEqual(again.nextDue);
    expect(card.state).toBe(State.Learning);
    const amendments = await database.prisma.reviewAmendment.findMany({ where: { reviewId: result.reviewId } });
    expect(amendments).toMatchObject([{ kind: "rating", rating: Rating.Again }]);
    expect(result.dueByRating?.[Rating.Again]).toEqual(again.nextDue);

    // The same rating again changes nothing and records nothing.
    await callerFor(learner).review.rate({ reviewId: result.reviewId, rating: Rating.Again });
    expect(await database.prisma.reviewAmendment.count({ where: { reviewId: result.reviewId } })).toBe(1);
  });

  it("refuses a rating that is not 1–4, someone else's review, and a practice review", async () => {
    const learner = await newLearner();
    const stranger = await newLearner();
    const { result } = await answerRight(learner);
    await expect(callerFor(learner).review.rate({ reviewId: result.reviewId, rating: 5 as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("rating"),
    });
    await expect(callerFor(stranger).review.rate({ reviewId: result.reviewId, rating: Rating.Good })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const practice = await callerFor(learner).review.practice({ topics: ["pooling"] });
    const graded = await callerFor(learner).review.submit({ variantId: practice.variantId, answer: typed(await keyOf(practice.variantId)) });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    await expect(callerFor(learner).review.rate({ reviewId: graded.reviewId, rating: Rating.Good })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("practice"),
    });
  });

  it("undoes the last review: the card returns to its state before, the review stays in the history", async () => {
    const learner = await newLearner();
    const first = await answerRight(learner);
    const second = await answerRight(learner);
    const cardBefore = second.issued.status === "issued" ? second.issued.card : null;
    await expect(callerFor(learner).review.undo({ reviewId: first.result.reviewId })).rejects.toMatchObject({ code: "CONFLICT" });

    const undone = await callerFor(learner).review.undo({ reviewId: second.result.reviewId });
    expect(undone).toEqual({ undone: second.result.reviewId, template: second.issued.problem.template, mode: "review" });
    const review = await database.prisma.review.findUniqueOrThrow({ where: { id: second.result.reviewId } });
    const card = await database.prisma.card.findUniqueOrThrow({ where: { id: review.cardId ?? "" } });
    expect(card.reps).toBe(0);
    expect(card.state).toBe(State.New);
    expect(card.due).toEqual(cardBefore?.due);
    expect(await database.prisma.reviewAmendment.count({ where: { reviewId: review.id, kind: "undo" } })).toBe(1);

    // Now the first review is the last one that counts; undoing twice walks back.
    await callerFor(learner).review.undo({ reviewId: first.result.reviewId });
    // Undoing it again (a double click, a retried request) answers the same and records nothing.
    expect(await callerFor(learner).review.undo({ reviewId: first.result.reviewId })).toEqual({ undone: first.result.reviewId, template: first.issued.problem.template, mode: "review" });
    expect(await database.prisma.reviewAmendment.count({ where: { reviewId: first.result.reviewId, kind: "undo" } })).toBe(1);
    // The undone skill comes back with a fresh variant.
    const again = await callerFor(learner).review.next();
    expect(again.status === "issued" && again.variantId !== first.issued.variantId).toBe(true);
  });

  it("refuses to change the rating of a review that was undone", async () => {
    const learner = await newLearner();
    const { result } = await answerRight(learner);
    await callerFor(learner).review.undo({ reviewId: result.reviewId });
    await expect(callerFor(learner).review.rate({ reviewId: result.reviewId, rating: Rating.Hard })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("starts no more new skills a day than the learner's limit, and more the next day", async () => {
    const learner = await newLearner({ dailyNewLimit: 2 });
    await answerRight(learner, 100_000);
    await answerRight(learner, 100_000);
    // Both new skills are now in their learning steps, due in minutes: nothing is due right now.
    const waiting = await callerFor(learner).review.next();
    expect(waiting).toMatchObject({ status: "caught-up", newToday: 2, dailyNewLimit: 2 });
    expect(waiting.status === "caught-up" && waiting.unstarted).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + DAY);
    const tomorrow = await callerFor(learner).review.next();
    expect(tomorrow.status).toBe("issued");
  });

  it("walks a learner through a leech before its next review, then reviews continue", async () => {
    const learner = await newLearner();
    const lapsed = { ...newCardState(clock), state: State.Review, stability: 0.5, difficulty: 9, reps: 20, lapses: 8, lastReview: new Date(clock.getTime() - DAY) };
    const card = await database.prisma.card.create({ data: { userId: learner.id, templateId: "pooling.max-values", ...lapsed, due: new Date(clock.getTime() - MINUTE) } });

    const walkthrough = await callerFor(learner).review.next();
    if (walkthrough.status !== "walkthrough") throw new Error(`expected a walkthrough, got ${walkthrough.status}`);
    expect(walkthrough).toMatchObject({ cardId: card.id, lapses: 8, template: "pooling.max-values" });
    expect(walkthrough.stepsHtml.length).toBeGreaterThanOrEqual(2);
    expect(walkthrough.stepsHtml.every((step) => step.trim().length > 0)).toBe(true);
    expect(walkthrough.promptHtml).toContain('class="katex"');

    await callerFor(learner).review.finishWalkthrough({ cardId: card.id });
    const issued = await callerFor(learner).review.next();
    expect(issued.status === "issued" && issued.problem.template).toBe("pooling.max-values");
    const stranger = await newLearner();
    await expect(callerFor(stranger).review.finishWalkthrough({ cardId: card.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("practises chosen topics at a chosen difficulty, and says what matched nothing", async () => {
    const learner = await newLearner();
    for (let round = 0; round < 5; round += 1) {
      const practice = await callerFor(learner).review.practice({ topics: ["pooling", "residual"], difficulty: "hard" });
      expect(["pooling", "residual"]).toContain(practice.problem.topic);
      expect(practice.problem.difficulty).toBe("hard");
      await callerFor(learner).review.submit({ variantId: practice.variantId, answer: typed(await keyOf(practice.variantId)) });
    }
    expect(await database.prisma.card.count({ where: { userId: learner.id } })).toBe(0);
    await expect(callerFor(learner).review.practice({ topics: ["knitting"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("knitting"),
    });
  });

  it("stores a key the browser computed differently, and nothing when it agrees", async () => {
    const learner = await newLearner();
    const { issued, result } = await answerRight(learner);
    const key = await keyOf(issued.variantId);
    expect(await callerFor(learner).review.reportMismatch({ reviewId: result.reviewId, backend: "webgl", browserKey: key.value })).toEqual({
      recorded: false,
      agrees: true,
    });
    expect(await callerFor(learner).review.reportMismatch({ reviewId: result.reviewId, backend: "webgl", browserKey: [1, 2, 3] })).toEqual({
      recorded: true,
      agrees: false,
    });
    const stored = await database.prisma.keyMismatch.findMany({ where: { reviewId: result.reviewId } });
    expect(stored).toMatchObject([{ backend: "webgl", serverKey: key.value, browserKey: [1, 2, 3] }]);
  });

  it("keeps the learner's settings, refusing values out of range with the field named", async () => {
    const learner = await newLearner();
    expect(await callerFor(learner).settings.get()).toMatchObject({
      desiredRetention: 0.9,
      dailyNewLimit: 10,
      locale: "en",
      optimizer: { reviews: 0, minReviews: 400, available: false, usingOwnParameters: false },
    });
    await callerFor(learner).settings.update({ desiredRetention: 0.85, dailyNewLimit: 5, locale: "zh-CN" });
    expect(await callerFor(learner).settings.get()).toMatchObject({ desiredRetention: 0.85, dailyNewLimit: 5, locale: "zh-CN" });
    await expect(callerFor(learner).settings.update({ desiredRetention: 0.99 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("desiredRetention"),
    });
    await expect(callerFor(learner).settings.update({ dailyNewLimit: 2.5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("dailyNewLimit"),
    });
    await expect(callerFor(null).settings.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses to optimise before 400 reviews (the run itself: tests/integration/job-queue.test.ts)", async () => {
    const learner = await newLearner();
    await expect(callerFor(learner).settings.optimize()).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("400") });
  });
});
