import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTemplates, sampleProblem, type Answer, type Check, type Lang } from "@/lib/problems";
import { createCaller } from "@/lib/server/root";
import { createContext, type SessionUser } from "@/lib/server/trpc";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

function shapeText(value: unknown): string {
  return (value as number[]).join("x");
}

/** A key written the way a learner would type it; a design key (constraints) by the check's reference network. */
function typed(answer: Answer, check?: Check): string {
  switch (answer.kind) {
    case "spec":
      return JSON.stringify(check?.mode === "analyze" ? { layers: check.spec.layers } : null);
    case "shape":
      return answer.value.join("x");
    case "matrix":
      return JSON.stringify(answer.value);
    case "choices":
      return answer.value.join(", ");
    default:
      return String(answer.value);
  }
}

describe.each(databaseKinds())("a learner's review loop on %s", (kind) => {
  let database: TestDatabase;
  let clock = new Date("2026-03-02T09:00:00Z");
  const learner: SessionUser = { id: "learner-1", email: "l1@example.com", name: "Learner One", role: "learner", locale: "en" };
  const other: SessionUser = { id: "learner-2", email: "l2@example.com", name: "Learner Two", role: "learner", locale: "zh-CN" };
  const instructor: SessionUser = { id: "teacher-1", email: "t1@example.com", name: "Teacher", role: "instructor", locale: "en" };

  const callerFor = (user: SessionUser | null) => createCaller(createContext({ db: database.prisma, user, now: () => clock }));

  /** The key as the server recomputes it: from the seed stored with the issued variant. */
  async function keyOf(variantId: string) {
    return (await problemOf(variantId)).answer;
  }

  async function problemOf(variantId: string) {
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    return sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang });
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const user of [learner, other, instructor]) {
      await database.prisma.user.create({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } });
    }
    // Walking every skill in one day needs more than the default 10 new skills a day.
    await callerFor(learner).settings.update({ dailyNewLimit: 100 });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("issues a problem whose payload carries no key, check, solution or seed", async () => {
    const issued = await callerFor(learner).review.next();
    expect(issued.status).toBe("issued");
    if (issued.status !== "issued") return;
    // A new learner meets the skills in the registry's order.
    expect(issued.problem.template).toBe(listTemplates()[0]!.template);
    expect(issued.problem.template).toBe("conv.output-size");
    expect(issued.problem.lang).toBe("en");
    expect(issued.problem.answerKind).toBe("shape");
    expect(issued.problem.prompt.length).toBeGreaterThan(20);
    for (const secret of ["answer", "check", "solution", "seed"]) expect(issued.problem).not.toHaveProperty(secret);
    expect(JSON.stringify(issued)).not.toContain('"seed"');
  });

  it("gives the same open problem again after a reload instead of a new one", async () => {
    const first = await callerFor(learner).review.next();
    const second = await callerFor(learner).review.next();
    expect(first.status === "issued" && second.status === "issued" && first.variantId === second.variantId).toBe(true);
    expect(await database.prisma.variant.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("answers a format error without storing anything or closing the problem", async () => {
    const issued = await callerFor(learner).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const result = await callerFor(learner).review.submit({ variantId: issued.variantId, answer: "16x15" });
    expect(result.status).toBe("format-error");
    if (result.status !== "format-error") return;
    expect(result.formatError.en).toMatch(/3|three/i);
    expect(result.formatError["zh-CN"].length).toBeGreaterThan(0);
    expect(await database.prisma.review.count()).toBe(0);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    expect(variant.answeredAt).toBeNull();
  });

  it("grades a right answer on the server, stores the review as typed and reschedules the card", async () => {
    const issued = await callerFor(learner).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const key = await keyOf(issued.variantId);
    const typed = ` (${(key.value as number[]).join(", ")}) `;
    clock = new Date(clock.getTime() + 40_000);
    const result = await callerFor(learner).review.submit({ variantId: issued.variantId, answer: typed });
    expect(result.status).toBe("graded");
    if (result.status !== "graded") return;
    expect(result.correct).toBe(true);
    expect(result.score).toBe(1);
    expect(result.solution.length).toBeGreaterThan(20);
    expect(result.nextDue?.getTime()).toBeGreaterThan(clock.getTime());
    // The check travels with the result (never before), for the browser to re-run.
    expect(result.check?.mode).toBe("analyze");
    expect(result).toMatchObject({ keySource: "engine" });
    expect(result.mode).toBe("review");

    const review = await database.prisma.review.findUniqueOrThrow({ where: { variantId: issued.variantId } });
    expect(review.answer).toBe(typed);
    expect(review.correct).toBe(true);
    expect(review.elapsedMs).toBe(40_000);
    expect(review.rating).toBeGreaterThanOrEqual(3);
    expect((review.stateBefore as { reps: number }).reps).toBe(0);
    expect((review.stateAfter as { reps: number }).reps).toBe(1);
    const card = await database.prisma.card.findUniqueOrThrow({ where: { id: review.cardId ?? "" } });
    expect(card.reps).toBe(1);
    expect(card.due.getTime()).toBe(result.nextDue?.getTime());
    expect(card.lastReview?.getTime()).toBe(clock.getTime());
  });

  it("refuses a second answer to the same problem", async () => {
    const variant = await database.prisma.variant.findFirstOrThrow({ where: { userId: learner.id, answeredAt: { not: null } } });
    await expect(callerFor(learner).review.submit({ variantId: variant.id, answer: "1x1x1" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await database.prisma.review.count({ where: { variantId: variant.id } })).toBe(1);
  });

  it("brings every new skill in turn, then says when the next review is due", async () => {
    const skills = listTemplates().length;
    for (let turn = 1; turn < skills; turn += 1) {
      const issued = await callerFor(learner).review.next();
      if (issued.status !== "issued") throw new Error(`expected skill ${turn + 1} of ${skills}, got ${issued.status}`);
      // Every template's payload keeps the key, the check, the solution and the seed on the server.
      for (const secret of ["answer", "check", "solution", "seed"]) expect(issued.problem, issued.problem.template).not.toHaveProperty(secret);
      const result = await callerFor(learner).review.submit({ variantId: issued.variantId, answer: await problemOf(issued.variantId).then(({ answer, check }) => typed(answer, check)) });
      expect(result.status === "graded" && result.correct, `${issued.problem.template} graded its own key`).toBe(true);
    }
    const first = await database.prisma.card.findFirstOrThrow({ where: { userId: learner.id }, orderBy: { due: "asc" } });
    const waiting = await callerFor(learner).review.next();
    // The learner has no time zone: their day is UTC's 2026-03-02, which ends at midnight UTC.
    const dueLeft = await database.prisma.card.count({ where: { userId: learner.id, reps: { gt: 0 }, due: { lt: new Date("2026-03-03T00:00:00Z") } } });
    expect(dueLeft).toBeGreaterThan(0);
    expect(waiting).toEqual({
      status: "caught-up",
      nextDue: first.due,
      newToday: skills,
      dailyNewLimit: 100,
      unstarted: 0,
      today: { reviewed: skills, dueLeft, newLeft: 0 },
    });
    expect(await database.prisma.card.count({ where: { userId: learner.id } })).toBe(skills);
  });

  it("practises one skill on request without touching its card, and grades a wrong answer with the key", async () => {
    const cardBefore = await database.prisma.card.findFirstOrThrow({ where: { userId: learner.id, templateId: "conv.output-size" } });
    const practice = await callerFor(learner).review.practice({ template: "conv.output-size" });
    expect(practice.problem.template).toBe("conv.output-size");
    const wrong = await callerFor(learner).review.submit({ variantId: practice.variantId, answer: "1x1x1" });
    if (wrong.status !== "graded") throw new Error("expected a graded answer");
    expect(wrong.correct).toBe(false);
    expect(wrong.rating).toBe(1);
    expect(wrong.mode).toBe("practice");
    expect(wrong.nextDue).toBeNull();
    expect(wrong.expected).toEqual(await keyOf(practice.variantId));
    expect(await database.prisma.card.findUniqueOrThrow({ where: { id: cardBefore.id } })).toEqual(cardBefore);
    const stored = await database.prisma.review.findUniqueOrThrow({ where: { variantId: practice.variantId } });
    expect(stored).toMatchObject({ mode: "practice", cardId: null, stateBefore: null, stateAfter: null });
    await expect(callerFor(learner).review.practice({ template: "no.such-skill" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no.such-skill"),
    });
  });

  it("lets only the learner it was issued to answer a problem", async () => {
    const issued = await callerFor(other).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    expect(issued.problem.lang).toBe("zh-CN");
    await expect(callerFor(learner).review.submit({ variantId: issued.variantId, answer: "1x1x1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).review.next()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("counts a double submit once when both arrive together", async () => {
    const issued = await callerFor(other).review.next();
    if (issued.status !== "issued") throw new Error("expected a problem");
    const key = shapeText((await keyOf(issued.variantId)).value);
    const outcomes = await Promise.allSettled([
      callerFor(other).review.submit({ variantId: issued.variantId, answer: key }),
      callerFor(other).review.submit({ variantId: issued.variantId, answer: key }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(TRPCError);
    expect(await database.prisma.review.count({ where: { variantId: issued.variantId } })).toBe(1);
  });

  it("rejects bad input with a message naming the field and keeps what is stored", async () => {
    const before = await database.prisma.review.count();
    const issued = await callerFor(learner).review.practice();
    await expect(callerFor(learner).review.submit({ variantId: issued.variantId, answer: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("answer"),
    });
    await expect(callerFor(learner).review.submit({ variantId: issued.variantId, answer: "1".repeat(1_000_000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("answer"),
    });
    await expect(callerFor(learner).review.submit({ variantId: "not-an-id", answer: "1x2x3" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("variantId"),
    });
    expect(await database.prisma.review.count()).toBe(before);
  });

  it("previews a template for instructors and refuses unknown templates and bad seeds", async () => {
    const preview = await callerFor(instructor).problems.preview({ template: "conv.output-size", seed: 7, lang: "zh-CN" });
    expect(preview.answer.kind).toBe("shape");
    expect(preview.check?.mode).toBe("analyze");
    await expect(callerFor(instructor).problems.preview({ template: "no.such-template", seed: 7, lang: "en" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no.such-template"),
    });
    await expect(callerFor(instructor).problems.preview({ template: "conv.output-size", seed: -1, lang: "en" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("seed"),
    });
    await expect(
      callerFor(instructor).problems.preview({ template: "conv.output-size", seed: "abc" as unknown as number, lang: "en" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("seed") });
    await expect(callerFor(learner).problems.preview({ template: "conv.output-size", seed: 7, lang: "en" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("remembers the learner's language for the problems issued next", async () => {
    await callerFor(learner).account.setLocale({ locale: "zh-CN" });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user.locale).toBe("zh-CN");
  });
});
