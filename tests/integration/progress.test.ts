import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTemplates, sampleProblem } from "@/lib/problems";
import { seedDemoHistory } from "@/lib/server/demo/seed-demo-history";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { scheduleReview, type CardState } from "@/lib/srs";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const now = new Date("2026-03-10T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const convTemplates = listTemplates().filter((entry) => entry.topic === "conv-arithmetic").map((entry) => entry.template);
const poolingTemplates = listTemplates().filter((entry) => entry.topic === "pooling").map((entry) => entry.template);

/** A card state as the Review JSON columns hold it; only `state` matters to the progress numbers. */
function stateJson(state: number) {
  return { due: now.toISOString(), stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state, lastReview: null };
}

describe.each(databaseKinds())("the progress page's numbers on %s", (kind) => {
  let database: TestDatabase;
  const learner: SessionUser = { id: "progress-1", email: "p1@example.com", name: "P One", role: "learner", locale: "en" };
  const other: SessionUser = { id: "progress-2", email: "p2@example.com", name: "P Two", role: "learner", locale: "en" };
  const caller = (user: SessionUser | null) => createCaller(createContext({ db: database.prisma, user, now: () => now }));
  const reviewIds: Record<string, string> = {};

  async function review(
    user: SessionUser,
    name: string,
    fields: { at: string; templateId: string; rating: number; correct: boolean; answer: string; stateBefore: number | null; lang?: string; seed?: number },
  ) {
    const mode = fields.stateBefore === null ? "practice" : "review";
    const seed = fields.seed ?? 7;
    const lang = fields.lang ?? "en";
    const reviewedAt = new Date(fields.at);
    const variant = await database.prisma.variant.create({
      data: { userId: user.id, mode, templateId: fields.templateId, seed, lang, issuedAt: reviewedAt, answeredAt: reviewedAt },
    });
    const row = await database.prisma.review.create({
      data: {
        variantId: variant.id, userId: user.id, mode, templateId: fields.templateId, seed, lang, answer: fields.answer,
        score: fields.correct ? 1 : 0, correct: fields.correct, rating: fields.rating, suggestedRating: fields.rating, elapsedMs: 30_000,
        mistake: fields.correct ? null : "forgot-plus-one", reviewedAt,
        ...(fields.stateBefore === null ? {} : { stateBefore: stateJson(fields.stateBefore), stateAfter: stateJson(2) }),
      },
    });
    reviewIds[name] = row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.prisma.user.create({ data: { id: learner.id, email: learner.email, name: learner.name, desiredRetention: 0.85 } });
    await database.prisma.user.create({ data: { id: other.id, email: other.email, name: other.name } });
    const [conv1, conv2] = convTemplates as [string, string];
    await database.prisma.card.createMany({
      data: [
        // Stability 10 reviewed 10 days ago: R = 0.9 by FSRS's definition of stability; overdue.
        { userId: learner.id, templateId: conv1, state: 2, stability: 10, difficulty: 5, reps: 3, lastReview: new Date(now.getTime() - 10 * DAY), due: new Date(now.getTime() - HOUR) },
        // Reviewed just now: R = 1; due the day after tomorrow.
        { userId: learner.id, templateId: conv2, state: 2, stability: 5, difficulty: 5, reps: 2, lastReview: now, due: new Date("2026-03-12T08:00:00Z") },
        // Issued but never answered: not started, not a review to forecast.
        { userId: learner.id, templateId: poolingTemplates[0]!, state: 0, due: now },
      ],
    });
    await review(learner, "today", { at: "2026-03-10T09:00:00Z", templateId: conv1, rating: 3, correct: true, answer: "16, 15, 15", stateBefore: 2 });
    await review(learner, "amended", { at: "2026-03-09T09:00:00Z", templateId: conv1, rating: 1, correct: false, answer: "16x14x14", stateBefore: 2 });
    await review(learner, "undone", { at: "2026-03-09T10:00:00Z", templateId: conv2, rating: 3, correct: true, answer: "6x28x28", stateBefore: 2 });
    await review(learner, "lapse", { at: "2026-03-08T09:00:00Z", templateId: conv2, rating: 1, correct: false, answer: "=1+1", stateBefore: 2 });
    await review(learner, "new", { at: "2026-03-08T10:00:00Z", templateId: conv2, rating: 3, correct: true, answer: "卷积", stateBefore: 0, lang: "zh-CN" });
    await review(learner, "practice", { at: "2026-03-06T10:00:00Z", templateId: conv1, rating: 4, correct: true, answer: "1x2x3", stateBefore: null });
    await review(learner, "old", { at: "2026-02-01T10:00:00Z", templateId: conv1, rating: 1, correct: false, answer: 'say "x"', stateBefore: 2 });
    await review(other, "other", { at: "2026-03-10T08:00:00Z", templateId: conv1, rating: 3, correct: true, answer: "someone else's", stateBefore: 2 });
    await database.prisma.reviewAmendment.create({ data: { reviewId: reviewIds.amended!, userId: learner.id, kind: "rating", rating: 3 } });
    await database.prisma.reviewAmendment.create({ data: { reviewId: reviewIds.undone!, userId: learner.id, kind: "undo" } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("refuses a visitor who is not signed in", async () => {
    await expect(caller(null).progress.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(null).progress.export({ format: "csv" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("computes true retention over 30 days from effective ratings of review-state reviews, against the desired retention", async () => {
    const progress = await caller(learner).progress.get();
    // by hand: "today" passes, "amended" passes (Again amended to Good), "lapse" fails; "undone",
    // "new" (learning), "practice" and "old" (40 days ago) do not count → 2 of 3.
    expect(progress.retention).toMatchObject({ passed: 2, total: 3 });
    expect(progress.retention.rate).toBeCloseTo(2 / 3, 10);
    expect(progress.desiredRetention).toBe(0.85);
  });

  it("computes the streak, the forecast, the heatmap and the totals", async () => {
    const progress = await caller(learner).progress.get();
    // by hand: reviews on 03-10, 03-09, 03-08 (03-07 empty, 03-06 practice) → 3 days.
    expect(progress.streak).toEqual({ current: 3, longest: 3 });
    // The overdue card counts today, the other is due on 03-12; the new card is not a review.
    expect(progress.forecast.slice(0, 4)).toEqual([1, 0, 1, 0]);
    expect(progress.forecast.reduce((a, b) => a + b, 0)).toBe(2);
    expect(progress.forecast).toHaveLength(30);
    expect(progress.heatmap.at(-1)).toMatchObject({ day: "2026-03-10", reviews: 1, practice: 0 });
    expect(progress.heatmap.find((cell) => cell.day === "2026-03-08")).toMatchObject({ reviews: 2, practice: 0 });
    expect(progress.heatmap.find((cell) => cell.day === "2026-03-06")).toMatchObject({ reviews: 0, practice: 1 });
    expect(progress.totals).toMatchObject({ reviews: 7, practice: 1, correct: 4, skillsStarted: 2, skillsTotal: listTemplates().length, dueToday: 1 });
  });

  it("gives each topic the mean recall a week ahead over all its skills, not started ones counting 0", async () => {
    const { mastery } = await caller(learner).progress.get();
    const conv = mastery.find((entry) => entry.topic === "conv-arithmetic")!;
    // FSRS-6 forgetting curve with ts-fsrs's default decay 0.1542: R(t, S) = (1 + FACTOR · t/S)^−0.1542.
    const recall = (days: number, stability: number) => (1 + (0.9 ** (-1 / 0.1542) - 1) * (days / stability)) ** -0.1542;
    // by hand: conv1 reviewed 10 days ago with S = 10 → R(17, 10); conv2 reviewed now with S = 5 → R(7, 5);
    // both latest reviews passed (the undone one does not count), the other skills count 0.
    expect(conv.mastery).toBeCloseTo((recall(17, 10) + recall(7, 5)) / convTemplates.length, 6);
    expect(conv).toMatchObject({ started: 2, mastered: 0, total: convTemplates.length });
    expect(mastery.find((entry) => entry.topic === "pooling")).toEqual({ topic: "pooling", mastery: 0, started: 0, mastered: 0, total: poolingTemplates.length });
  });

  it("shows a topic whose skill was just failed at 0, though FSRS's recall now is 1", async () => {
    const failing: SessionUser = { id: "progress-3", email: "p3@example.com", name: "P Three", role: "learner", locale: "en" };
    await database.prisma.user.create({ data: { id: failing.id, email: failing.email, name: failing.name } });
    const [pool1] = poolingTemplates as [string];
    await database.prisma.card.create({
      data: { userId: failing.id, templateId: pool1, state: 3, stability: 30, difficulty: 5, reps: 6, lapses: 1, lastReview: now, due: new Date(now.getTime() + 10 * 60_000) },
    });
    await review(failing, "failed", { at: now.toISOString(), templateId: pool1, rating: 1, correct: false, answer: "2x2", stateBefore: 2 });
    const { mastery } = await caller(failing).progress.get();
    expect(mastery.find((entry) => entry.topic === "pooling")).toEqual({ topic: "pooling", mastery: 0, started: 1, mastered: 0, total: poolingTemplates.length });
  });

  it("typesets a history row's problem only when asked, and only for its own learner", async () => {
    const { html } = await caller(learner).progress.prompt({ reviewId: reviewIds.today! });
    // The prompt of conv1 seed 7, as the review page typeset it (KaTeX markup, sanitised).
    expect(html).toContain('class="katex"');
    expect(html).toContain("<p>");
    await expect(caller(other).progress.prompt({ reviewId: reviewIds.today! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller(learner).progress.prompt({ reviewId: "no-such-review" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller(null).progress.prompt({ reviewId: reviewIds.today! })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lists the history newest first with the prompt rebuilt from the seed, the answer as typed, and undone reviews marked", async () => {
    const { history, historyPage } = await caller(learner).progress.get({ page: 1 });
    expect(historyPage).toEqual({ page: 1, pages: 1, pageSize: 20, total: 7 });
    expect(history.map((row) => row.answer)).toEqual(["16, 15, 15", "6x28x28", "16x14x14", "卷积", "=1+1", "1x2x3", 'say "x"']);
    expect(history[0]!.prompt).toBe(sampleProblem({ template: convTemplates[0]!, seed: 7, lang: "en" }).prompt);
    expect(history[3]!.prompt).toBe(sampleProblem({ template: convTemplates[1]!, seed: 7, lang: "zh-CN" }).prompt);
    expect(history[1]).toMatchObject({ undone: true, rating: 3 });
    expect(history[2]).toMatchObject({ undone: false, rating: 3, mistake: "forgot-plus-one" });
    expect(history[5]).toMatchObject({ mode: "practice" });
    expect(JSON.stringify(history)).not.toContain("someone else's");
  });

  it("exports the learner's own history as escaped CSV with a byte-order mark, oldest first", async () => {
    const file = await caller(learner).progress.export({ format: "csv" });
    expect(file.filename).toBe("stride-history-2026-03-10.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.body.startsWith("\uFEFFreviewedAt,template,topic,seed,lang,mode,answer,score,correct,rating,suggestedRating,elapsedMs,mistake,undone\r\n")).toBe(true);
    const lines = file.body.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe(`2026-02-01T10:00:00.000Z,${convTemplates[0]},conv-arithmetic,7,en,review,"say ""x""",0,false,1,1,30000,forgot-plus-one,false`);
    expect(lines[3]).toBe(`2026-03-08T09:00:00.000Z,${convTemplates[1]},conv-arithmetic,7,en,review,'=1+1,0,false,1,1,30000,forgot-plus-one,false`);
    expect(lines[4]).toContain(",zh-CN,review,卷积,");
    expect(lines[5]).toBe(`2026-03-09T09:00:00.000Z,${convTemplates[0]},conv-arithmetic,7,en,review,16x14x14,0,false,3,1,30000,forgot-plus-one,false`);
    expect(lines[6]!.endsWith(",true")).toBe(true);
    expect(lines[7]).toContain(',"16, 15, 15",');
    expect(file.body).not.toContain("someone else's");
  });

  it("exports the same rows as JSON", async () => {
    const file = await caller(learner).progress.export({ format: "json" });
    const rows = JSON.parse(file.body) as Record<string, unknown>[];
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({
      reviewedAt: "2026-02-01T10:00:00.000Z", template: convTemplates[0], topic: "conv-arithmetic", seed: 7, lang: "en", mode: "review",
      answer: 'say "x"', score: 0, correct: false, rating: 1, suggestedRating: 1, elapsedMs: 30000, mistake: "forgot-plus-one", undone: false,
    });
    expect(rows.map((row) => row.undone)).toEqual([false, false, false, false, false, true, false]);
  });

  it("shows another learner only their own review", async () => {
    const progress = await caller(other).progress.get();
    expect(progress.totals.reviews).toBe(1);
    expect(progress.history.map((row) => row.answer)).toEqual(["someone else's"]);
  });
});

describe.each(databaseKinds())("the demo learner's history on %s", (kind) => {
  let database: TestDatabase;
  const ids = ["demo-a", "demo-b"];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const id of ids) await database.prisma.user.create({ data: { id, email: `${id}@example.com`, name: id } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  const sequence = (userId: string) =>
    database.prisma.review.findMany({
      where: { userId },
      orderBy: { reviewedAt: "asc" },
      select: { templateId: true, seed: true, mode: true, answer: true, score: true, rating: true, reviewedAt: true, stateBefore: true, stateAfter: true, cardId: true },
    });

  it("writes weeks of reviews ending yesterday, the same for the same day, scheduled by the real FSRS code", async () => {
    const first = await seedDemoHistory({ db: database.prisma, userId: "demo-a", now });
    await seedDemoHistory({ db: database.prisma, userId: "demo-b", now });
    expect(first.reviews).toBeGreaterThan(50);
    const a = await sequence("demo-a");
    const b = await sequence("demo-b");
    expect(a).toHaveLength(first.reviews);
    // Card ids are random UUIDs; everything else is the same.
    const strip = (rows: typeof a) => rows.map((row) => ({ ...row, cardId: null }));
    expect(strip(b)).toEqual(strip(a));
    const startOfToday = Date.parse("2026-03-10T00:00:00Z");
    expect(a.at(-1)!.reviewedAt.getTime()).toBeLessThan(startOfToday);
    expect(a.at(-1)!.reviewedAt.getTime()).toBeGreaterThanOrEqual(startOfToday - DAY);
    expect(a[0]!.reviewedAt.getTime()).toBeLessThan(startOfToday - 21 * DAY);
    expect(a.some((row) => row.mode === "practice")).toBe(true);
    expect(a.some((row) => row.rating === 1) && a.some((row) => row.rating >= 3)).toBe(true);

    // Replaying each review through scheduleReview gives the stored state after it, and the
    // cards end where their last review left them.
    const revive = (json: unknown) => {
      const state = json as CardState & { due: string; lastReview: string | null };
      return { ...state, due: new Date(state.due), lastReview: state.lastReview ? new Date(state.lastReview) : null };
    };
    const settings = { desiredRetention: 0.9, parameters: [], fuzz: true };
    for (const row of a.filter((entry) => entry.mode === "review")) {
      const { after } = scheduleReview({ card: revive(row.stateBefore), rating: row.rating as 1 | 2 | 3 | 4, now: row.reviewedAt, settings });
      expect(after).toEqual(revive(row.stateAfter));
    }
    const cards = await database.prisma.card.findMany({ where: { userId: "demo-a" } });
    for (const card of cards) {
      const last = a.filter((row) => row.cardId === card.id).at(-1)!;
      expect(card.due.toISOString()).toBe((last.stateAfter as { due: string }).due);
    }
    expect(cards.filter((card) => card.due <= now).length).toBeGreaterThan(0);

    const progress = await createCaller(createContext({ db: database.prisma, user: { id: "demo-a", email: "demo-a@example.com", name: "a", role: "learner", locale: "en" }, now: () => now })).progress.get();
    expect(progress.streak.current).toBeGreaterThanOrEqual(7);
    expect(progress.retention.total).toBeGreaterThan(0);
    expect(progress.forecast[0]).toBeGreaterThan(0);
  });

  it("does nothing for a learner who already has a history", async () => {
    const before = await database.prisma.review.count({ where: { userId: "demo-a" } });
    expect(await seedDemoHistory({ db: database.prisma, userId: "demo-a", now: new Date(now.getTime() + DAY) })).toEqual({ reviews: 0, cards: 0 });
    expect(await database.prisma.review.count({ where: { userId: "demo-a" } })).toBe(before);
  });
});
