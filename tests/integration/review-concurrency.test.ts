import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolConfig } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { type CardState, Rating } from "@/lib/srs";
import { cardStateJson, cardStateOf } from "@/lib/server/reviews/card-state";
import { lockCard, withLearnerLock } from "@/lib/server/reviews/learner-lock";
import { callerFor, newUser, strideQuestion } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

/** Errors of settled calls, as "CODE: message" (an empty list when every call succeeded). */
function failures(outcomes: PromiseSettledResult<unknown>[]): string[] {
  return outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [`${(outcome.reason as { code?: string }).code}: ${(outcome.reason as Error).message}`] : []));
}

function values<T>(outcomes: PromiseSettledResult<T>[]): T[] {
  return outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
}

/**
 * A lecture hall's double clicks and reloads, all at once: the review queue, practice, ratings,
 * undo and walkthroughs raced by the same learner. Issue 11 measured 15 of 50 parallel
 * `review.next` calls failing on PostgreSQL (unique cards_userId_templateId_key) and 42 of 50 on
 * PGlite, with more than one open variant per learner.
 */
describe.each(databaseKinds())("the review core raced and repeated on %s", (kind) => {
  let database: TestDatabase;
  const clock = new Date("2026-06-01T09:00:00Z");
  const now = () => clock;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function keyOfWith(db: PrismaClient, variantId: string) {
    const variant = await db.variant.findUniqueOrThrow({ where: { id: variantId } });
    return sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
  }

  const keyOf = (variantId: string) => keyOfWith(database.prisma, variantId);

  it("gives 10 parallel review.next calls of each of 5 learners one variant, the same to every call, without an error", async () => {
    const db = database.prisma;
    const learners = await Promise.all([1, 2, 3, 4, 5].map(() => newUser(db, "learner")));
    const outcomes = await Promise.allSettled(learners.flatMap((learner) => Array.from({ length: 10 }, () => callerFor(db, learner, now).review.next())));
    expect(failures(outcomes)).toEqual([]);

    const issued = values(outcomes);
    for (const [index, learner] of learners.entries()) {
      const theirs = issued.slice(index * 10, index * 10 + 10);
      const ids = new Set(theirs.map((result) => (result.status === "issued" ? result.variantId : result.status)));
      expect(ids.size).toBe(1);
      const open = await db.variant.findMany({ where: { userId: learner.id, mode: "review", answeredAt: null, withdrawnAt: null } });
      expect(open.map((variant) => variant.id)).toEqual([...ids]);
      // One new skill started, not one per racing call.
      expect(await db.card.count({ where: { userId: learner.id } })).toBe(1);
    }
  });

  it("gives parallel review.next calls one variant through a client without the direct statements' pool too (a page rendered in Next.js's bundle)", async () => {
    // Such a client sends the cycle's statements through $queryRawUnsafe, whose unique
    // violations are Prisma's P2010: two renders of /review at once answered a 500 there.
    const bundled = new PrismaClient({ adapter: new PrismaPg(poolConfig({ url: database.url, kind })) });
    try {
      const learners = await Promise.all([1, 2, 3].map(() => newUser(bundled, "learner")));
      const outcomes = await Promise.allSettled(learners.flatMap((learner) => Array.from({ length: 8 }, () => callerFor(bundled, learner, now).review.next())));
      expect(failures(outcomes)).toEqual([]);
      const issued = values(outcomes);
      for (const [index, learner] of learners.entries()) {
        const ids = new Set(issued.slice(index * 8, index * 8 + 8).map((result) => (result.status === "issued" ? result.variantId : result.status)));
        expect(ids.size).toBe(1);
        expect(await bundled.variant.count({ where: { userId: learner.id, answeredAt: null, withdrawnAt: null } })).toBe(1);
        expect(await bundled.card.count({ where: { userId: learner.id } })).toBe(1);
      }
    } finally {
      await bundled.$disconnect();
    }
  });

  it("grades 50 concurrent submits of one variant once", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const issued = await callerFor(db, learner, now).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    const answer = typed(await keyOf(issued.variantId));
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer })));
    expect(values(outcomes)).toHaveLength(1);
    expect(new Set(failures(outcomes).map((failure) => failure.split(":")[0]))).toEqual(new Set(["CONFLICT"]));
    expect(await db.review.count({ where: { variantId: issued.variantId } })).toBe(1);
    // The card moved once: one repetition.
    expect((await db.card.findFirstOrThrow({ where: { userId: learner.id } })).reps).toBe(1);
  });

  it("gives 10 parallel practice calls with one filter one open practice problem", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => callerFor(db, learner, now).review.practice({ topics: ["pooling"] })));
    expect(failures(outcomes)).toEqual([]);
    expect(new Set(values(outcomes).map((result) => result.variantId)).size).toBe(1);
    expect(await db.variant.count({ where: { userId: learner.id, mode: "practice", answeredAt: null, withdrawnAt: null } })).toBe(1);
  });

  it("keeps one open practice problem when the filter changes: the old one is withdrawn and cannot be answered", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const pooling = await callerFor(db, learner, now).review.practice({ topics: ["pooling"] });
    const receptive = await callerFor(db, learner, now).review.practice({ template: "rf.stacked-layers" });
    expect(receptive.variantId).not.toBe(pooling.variantId);
    expect(await db.variant.count({ where: { userId: learner.id, mode: "practice", answeredAt: null, withdrawnAt: null } })).toBe(1);
    await expect(callerFor(db, learner, now).review.submit({ variantId: pooling.variantId, answer: "1" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("records 10 parallel changes to the same rating as one amendment, and the card follows it", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const issued = await callerFor(db, learner, now).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const graded = await callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer: typed(await keyOf(issued.variantId)) });
    if (graded.status !== "graded") throw new Error("expected a graded answer");

    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => callerFor(db, learner, now).review.rate({ reviewId: graded.reviewId, rating: Rating.Again })));
    expect(failures(outcomes)).toEqual([]);
    expect(await db.reviewAmendment.count({ where: { reviewId: graded.reviewId } })).toBe(1);
    // The due date submit offered for Again is where the card now stands.
    const card = await db.card.findFirstOrThrow({ where: { userId: learner.id } });
    expect(card.due).toEqual(graded.dueByRating?.[Rating.Again]);
  });

  it("leaves the card at the rating of the latest amendment when different ratings race", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const issued = await callerFor(db, learner, now).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const graded = await callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer: typed(await keyOf(issued.variantId)) });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    const ratings = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
    const outcomes = await Promise.allSettled(ratings.map((rating) => callerFor(db, learner, now).review.rate({ reviewId: graded.reviewId, rating })));
    expect(failures(outcomes)).toEqual([]);
    const amendments = await db.reviewAmendment.findMany({ where: { reviewId: graded.reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const history = await callerFor(db, learner, now).progress.get();
    const effective = history.history.find((entry) => entry.id === graded.reviewId)?.rating;
    // Whatever order they landed in, the card is where the effective rating puts it.
    const card = await db.card.findFirstOrThrow({ where: { userId: learner.id } });
    expect(amendments.length).toBeGreaterThan(0);
    expect(card.due).toEqual(graded.dueByRating?.[effective as 1 | 2 | 3 | 4]);
  });

  it("undoes a review once when the undo is sent 10 times at once, and never the review before it", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    // Its own clock, a minute a review, so that "last" is unambiguous.
    let minute = 0;
    const ticking = () => new Date(clock.getTime() + minute * 60_000);
    const reviews: string[] = [];
    for (; minute < 2; minute += 1) {
      const issued = await callerFor(db, learner, ticking).review.next();
      if (issued.status !== "issued") throw new Error("expected a problem");
      const graded = await callerFor(db, learner, ticking).review.submit({ variantId: issued.variantId, answer: typed(await keyOf(issued.variantId)) });
      if (graded.status !== "graded") throw new Error("expected a graded answer");
      reviews.push(graded.reviewId);
    }
    const last = reviews[1]!;
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => callerFor(db, learner, ticking).review.undo({ reviewId: last })));
    expect(failures(outcomes)).toEqual([]);
    expect(await db.reviewAmendment.count({ where: { reviewId: last, kind: "undo" } })).toBe(1);
    expect(await db.reviewAmendment.count({ where: { reviewId: reviews[0]!, kind: "undo" } })).toBe(0);
  });

  it("grades an answer with two statements besides the skill's median time: the variant with its card, then one write", async () => {
    const statements: string[] = [];
    const logged = new PrismaClient({ adapter: new PrismaPg(poolConfig({ url: database.url, kind })), log: [{ emit: "event", level: "query" }] });
    logged.$on("query", (event) => statements.push(event.query));
    try {
      const learner = await newUser(logged, "learner");
      for (let answer = 0; answer < 2; answer += 1) {
        const issued = await callerFor(logged, learner, now).review.next();
        if (issued.status !== "issued") throw new Error("expected a problem");
        const key = typed(await keyOfWith(logged, issued.variantId));
        statements.length = 0;
        const graded = await callerFor(logged, learner, now).review.submit({ variantId: issued.variantId, answer: key });
        expect(graded.status).toBe("graded");
        // The median answer time of a skill is read once a minute (median-answer-time.ts); the rest is per answer.
        const perAnswer = statements.filter((statement) => !statement.includes('"public"."reviews"."elapsedMs"'));
        expect(perAnswer).toHaveLength(2);
        // Neither a transaction nor the learner's advisory lock.
        expect(perAnswer.join("\n")).not.toMatch(/COMMIT|pg_advisory/);
      }
    } finally {
      await logged.$disconnect();
    }
  });

  it("grades an answer from the card as a concurrent writer under the learner's lock leaves it, never over it", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const issued = await callerFor(db, learner, now).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const { cardId } = await db.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const answer = typed(await keyOf(issued.variantId));
    // What an undo or a rating change writes: another state of the card.
    const moved: CardState = {
      due: new Date(clock.getTime() - 3_600_000),
      stability: 2.3065,
      difficulty: 5.218843,
      elapsedDays: 2,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      lastReview: new Date(clock.getTime() - 3 * 86_400_000),
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const cardHeld = new Promise<void>((resolve) => (holding = resolve));
    const writer = withLearnerLock(db, learner.id, async (tx) => {
      await lockCard(tx, cardId!);
      await tx.card.update({ where: { id: cardId! }, data: moved });
      holding();
      await held;
    });
    await cardHeld;
    // On PostgreSQL the submit reads the card as committed (not yet moved) and its write waits for
    // the row; on PGlite the submit waits for the one connection.
    const submitted = callerFor(db, learner, now).review.submit({ variantId: issued.variantId, answer });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await writer;
    const graded = await submitted;
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    const review = await db.review.findUniqueOrThrow({ where: { id: graded.reviewId } });
    expect(review.stateBefore).toEqual(cardStateJson(moved));
    const card = await db.card.findUniqueOrThrow({ where: { id: cardId! } });
    expect(cardStateJson(cardStateOf(card))).toEqual(review.stateAfter);
  });

  it("marks a walkthrough finished once however often it is sent", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const card = await db.card.create({ data: { userId: learner.id, templateId: "conv.output-size", due: clock, lapses: 8, state: 3 } });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => callerFor(db, learner, now).review.finishWalkthrough({ cardId: card.id })));
    expect(failures(outcomes)).toEqual([]);
    expect(new Set(values(outcomes).map((result) => result.walkthroughAtLapses))).toEqual(new Set([8]));
    expect((await db.card.findUniqueOrThrow({ where: { id: card.id } })).walkthroughAtLapses).toBe(8);
  });

  it("withdraws the open variant of a course question when the learner leaves the course, and serves the next card", async () => {
    const db = database.prisma;
    const instructor = await newUser(db, "instructor");
    const learner = await newUser(db, "learner");
    const teach = callerFor(db, instructor, now);
    const course = await teach.courses.create({ title: "CNN 201" });
    const bank = await teach.banks.create({ courseId: course.id, title: "Week 1" });
    const question = await teach.questions.create({ bankId: bank.id, definition: strideQuestion });
    await teach.questions.validate({ questionId: question.id });
    await teach.questions.publish({ questionId: question.id });
    const learn = callerFor(db, learner, now);
    await learn.courses.join({ code: course.joinCode });
    const first = await learn.review.next();
    expect(first.status === "issued" && first.problem.template).toBe(`question:${question.id}`);
    if (first.status !== "issued") return;

    await learn.courses.leave({ courseId: course.id });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => learn.review.next()));
    expect(failures(outcomes)).toEqual([]);
    const next = values(outcomes);
    expect(new Set(next.map((result) => (result.status === "issued" ? result.variantId : result.status))).size).toBe(1);
    expect(next[0]?.status === "issued" && next[0].problem.template).toBe("conv.output-size");
    const open = await db.variant.findMany({ where: { userId: learner.id, mode: "review", answeredAt: null, withdrawnAt: null } });
    expect(open).toHaveLength(1);
    await expect(learn.review.submit({ variantId: first.variantId, answer: "3" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.review.count({ where: { userId: learner.id } })).toBe(0);
  });
});
