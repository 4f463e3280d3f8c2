import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProblem } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const DAY = 86_400_000;

describe.each(databaseKinds())("offline practice synced to the history on %s", (kind) => {
  let database: TestDatabase;
  const now = new Date("2026-04-01T08:00:00Z");
  let serial = 0;
  const callerFor = (user: SessionUser) => createCaller(createContext({ db: database.prisma, user, now: () => now }));

  async function newLearner(): Promise<SessionUser> {
    serial += 1;
    const user: SessionUser = { id: `offline-learner-${serial}`, email: `o${serial}@example.com`, name: `Learner ${serial}`, role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } });
    return user;
  }

  // conv.output-size, seed 7: the key is worked out by the same template the browser ran.
  const key = sampleProblem({ template: "conv.output-size", seed: 7 }).answer;
  const typedKey = (key.value as number[]).join("x");
  const item = (answer: string, extra: Partial<{ answeredAt: Date; elapsedMs: number; template: string }> = {}) => ({
    id: randomUUID(),
    template: "conv.output-size",
    seed: 7,
    lang: "en" as const,
    answer,
    answeredAt: new Date(now.getTime() - 3_600_000),
    elapsedMs: 30_000,
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("grades each answer again on the server, whatever the browser thought, and marks it offline practice", async () => {
    const learner = await newLearner();
    const right = item(typedKey);
    const wrong = item("1x1x1");
    const { outcomes } = await callerFor(learner).review.syncOfflinePractice({ items: [right, wrong] });
    expect(outcomes).toEqual([
      { id: right.id, status: "recorded", correct: true, score: 1 },
      { id: wrong.id, status: "recorded", correct: false, score: 0 },
    ]);
    const reviews = await database.prisma.review.findMany({ where: { userId: learner.id }, orderBy: { correct: "desc" } });
    expect(reviews.map((r) => [r.mode, r.offline, r.correct, r.answer, r.cardId])).toEqual([
      ["practice", true, true, typedKey, null],
      ["practice", true, false, "1x1x1", null],
    ]);
    expect(reviews[0]!.reviewedAt.getTime()).toBe(now.getTime() - 3_600_000);
    // Practice never touches the schedule.
    expect(await database.prisma.card.count({ where: { userId: learner.id } })).toBe(0);
  });

  it("records an item once however often it is sent, and refuses another learner's id", async () => {
    const learner = await newLearner();
    const once = item(typedKey);
    await callerFor(learner).review.syncOfflinePractice({ items: [once] });
    const again = await callerFor(learner).review.syncOfflinePractice({ items: [once] });
    expect(again.outcomes).toEqual([{ id: once.id, status: "already-recorded" }]);
    expect(await database.prisma.review.count({ where: { userId: learner.id } })).toBe(1);
    const other = await newLearner();
    expect((await callerFor(other).review.syncOfflinePractice({ items: [once] })).outcomes).toEqual([{ id: once.id, status: "rejected", reason: "id-taken" }]);
    expect(await database.prisma.review.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses unknown templates and answers that cannot be graded, and dates answers within reason", async () => {
    const learner = await newLearner();
    const unknown = item(typedKey, { template: "conv.no-such-template" });
    const unreadable = item("sixteen");
    const future = item(typedKey, { answeredAt: new Date(now.getTime() + 5 * DAY), elapsedMs: 99 * 3_600_000 });
    const ancient = item(typedKey, { answeredAt: new Date("2020-01-01T00:00:00Z") });
    const { outcomes } = await callerFor(learner).review.syncOfflinePractice({ items: [unknown, unreadable, future, ancient] });
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "recorded", "recorded"]);
    expect(outcomes[0]).toMatchObject({ reason: "unknown-template" });
    expect(outcomes[1]).toMatchObject({ reason: "not-gradable" });
    const dated = await database.prisma.review.findUniqueOrThrow({ where: { variantId: future.id } });
    expect(dated.reviewedAt.getTime()).toBe(now.getTime());
    expect(dated.elapsedMs).toBe(3_600_000);
    const old = await database.prisma.review.findUniqueOrThrow({ where: { variantId: ancient.id } });
    expect(old.reviewedAt.getTime()).toBe(now.getTime() - 30 * DAY);
  });

  it("answers bad input with a message, not a server error", async () => {
    const learner = await newLearner();
    await expect(callerFor(learner).review.syncOfflinePractice({ items: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(learner).review.syncOfflinePractice({ items: [{ ...item(typedKey), id: "not-a-uuid" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(learner).review.syncOfflinePractice({ items: [{ ...item(typedKey), seed: -1 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
