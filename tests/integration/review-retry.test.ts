import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { Rating } from "@/lib/srs";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

describe.each(databaseKinds())("a submit retried after a lost connection on %s", (kind) => {
  let database: TestDatabase;
  let clock = new Date("2026-04-01T08:00:00Z");
  let serial = 0;
  const callerFor = (user: SessionUser) => createCaller(createContext({ db: database.prisma, user, now: () => clock }));

  async function newLearner(): Promise<SessionUser> {
    serial += 1;
    const user: SessionUser = { id: `retry-learner-${serial}`, email: `r${serial}@example.com`, name: `Learner ${serial}`, role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } });
    return user;
  }

  async function issue(user: SessionUser) {
    const issued = await callerFor(user).review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const key = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
    return { variantId: issued.variantId, key: typed(key) };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("answers a retry with the same submission id with the first try's review, and records it once", async () => {
    const learner = await newLearner();
    const { variantId, key } = await issue(learner);
    const submissionId = randomUUID();
    clock = new Date(clock.getTime() + 20_000);
    const first = await callerFor(learner).review.submit({ variantId, answer: key, submissionId });
    // The retry comes later, when the connection is back; its clock must not change the answer.
    clock = new Date(clock.getTime() + 5 * 60_000);
    const retry = await callerFor(learner).review.submit({ variantId, answer: key, submissionId });

    expect(first.status).toBe("graded");
    expect(retry.status).toBe("graded");
    if (first.status !== "graded" || retry.status !== "graded") return;
    expect(retry.reviewId).toBe(first.reviewId);
    expect(retry.correct).toBe(true);
    expect(retry.score).toBe(1);
    expect(retry.elapsedMs).toBe(20_000);
    expect(retry.rating).toBe(first.rating);
    expect(retry.suggestedRating).toBe(first.suggestedRating);
    expect(retry.nextDue?.getTime()).toBe(first.nextDue?.getTime());
    expect(retry.expected).toEqual(first.expected);
    const reviews = await database.prisma.review.findMany({ where: { userId: learner.id } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.submissionId).toBe(submissionId);
    const card = await database.prisma.card.findFirstOrThrow({ where: { userId: learner.id } });
    expect(card.reps).toBe(1);
  });

  it("gives the rating as it stands when the learner changed it before the retry", async () => {
    const learner = await newLearner();
    const { variantId, key } = await issue(learner);
    const submissionId = randomUUID();
    const first = await callerFor(learner).review.submit({ variantId, answer: key, submissionId });
    if (first.status !== "graded") throw new Error("expected a graded answer");
    await callerFor(learner).review.rate({ reviewId: first.reviewId, rating: Rating.Hard });
    const retry = await callerFor(learner).review.submit({ variantId, answer: key, submissionId });
    if (retry.status !== "graded") throw new Error("expected a graded answer");
    expect(retry.rating).toBe(Rating.Hard);
    expect(retry.suggestedRating).toBe(first.suggestedRating);
    expect(retry.nextDue?.getTime()).toBe(retry.dueByRating?.[Rating.Hard]?.getTime());
  });

  it("still refuses a second answer: another submission id, none at all, or another learner's id", async () => {
    const learner = await newLearner();
    const { variantId, key } = await issue(learner);
    const submissionId = randomUUID();
    await callerFor(learner).review.submit({ variantId, answer: key, submissionId });
    await expect(callerFor(learner).review.submit({ variantId, answer: key, submissionId: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(learner).review.submit({ variantId, answer: key })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await newLearner();
    await expect(callerFor(other).review.submit({ variantId, answer: key, submissionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a submission id that is not a UUID with a message, not a server error", async () => {
    const learner = await newLearner();
    const { variantId, key } = await issue(learner);
    await expect(callerFor(learner).review.submit({ variantId, answer: key, submissionId: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
