/**
 * What held when the API was probed as an attacker (issue 11), kept over HTTP as a browser or a
 * script reaches it: a learner's problems and reviews are theirs alone (every procedure that
 * takes a variant, review or card id answers another learner 404, and changes nothing), and no
 * payload before the answer carries the key, the engine check, the solution or the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type Lang, sampleProblem } from "@/lib/problems";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** A key written the way a learner would type it. */
function typed(answer: Answer): string {
  if (answer.kind === "shape") return answer.value.join("x");
  if (answer.kind === "matrix") return JSON.stringify(answer.value);
  if (answer.kind === "choices") return answer.value.join(", ");
  return String(answer.value);
}

/** Every key of a JSON document, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, entry]) => [key, ...keysOf(entry)]);
  return [];
}

const SECRETS = ["answer", "check", "solution", "seed", "key"];

describe.each(databaseKinds())("a learner's problems and reviews over HTTP on %s", (kind) => {
  let database: TestDatabase;
  let api: ReturnType<typeof httpApi>;
  let owner: SessionUser;
  let stranger: SessionUser;
  let answered: { variantId: string; reviewId: string; cardId: string };
  let open: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    api = httpApi({ db: database.prisma });
    owner = await newUser(database.prisma, "learner");
    stranger = await newUser(database.prisma, "learner");
    const caller = callerFor(database.prisma, owner);
    const issued = await caller.review.next();
    if (issued.status !== "issued") throw new Error(`expected a problem, got ${issued.status}`);
    const variant = await database.prisma.variant.findUniqueOrThrow({ where: { id: issued.variantId } });
    const key = sampleProblem({ template: variant.templateId, seed: variant.seed, lang: variant.lang as Lang }).answer;
    const graded = await caller.review.submit({ variantId: issued.variantId, answer: typed(key) });
    if (graded.status !== "graded") throw new Error("expected a graded answer");
    const card = await database.prisma.card.findFirstOrThrow({ where: { userId: owner.id } });
    answered = { variantId: issued.variantId, reviewId: graded.reviewId, cardId: card.id };
    const next = await caller.review.next();
    if (next.status !== "issued") throw new Error(`expected a second problem, got ${next.status}`);
    open = next.variantId;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each([
    ["review.submit", () => ({ variantId: open, answer: "1x1x1" })],
    ["review.rate", () => ({ reviewId: answered.reviewId, rating: 1 })],
    ["review.undo", () => ({ reviewId: answered.reviewId })],
    ["review.reportMismatch", () => ({ reviewId: answered.reviewId, backend: "webgl", browserKey: [1] })],
    ["review.finishWalkthrough", () => ({ cardId: answered.cardId })],
  ])("%s with another learner's id answers 404 and changes nothing", async (path, input) => {
    const reviewsBefore = await database.prisma.review.count();
    const cardBefore = await database.prisma.card.findUniqueOrThrow({ where: { id: answered.cardId } });
    const reply = await api.call(path, input(), { method: "POST", user: stranger });
    expect(reply.status).toBe(404);
    expect(errorOf(reply)?.data.code).toBe("NOT_FOUND");
    expect(await database.prisma.review.count()).toBe(reviewsBefore);
    expect(await database.prisma.card.findUniqueOrThrow({ where: { id: answered.cardId } })).toEqual(cardBefore);
    expect(await database.prisma.variant.findUniqueOrThrow({ where: { id: open } })).toMatchObject({ answeredAt: null });
  });

  it("sends a review problem and a practice problem without key, check, solution or seed", async () => {
    for (const [path, input] of [
      ["review.next", undefined],
      ["review.practice", { topics: ["pooling"] }],
    ] as const) {
      const reply = await api.call(path, input, { method: "POST", user: owner });
      expect(reply.status).toBe(200);
      const data = (reply.body as { result: { data: { json: { status: string } } } }).result.data.json;
      expect(data.status ?? "issued").toBe("issued");
      expect(keysOf(data).filter((key) => SECRETS.includes(key))).toEqual([]);
    }
  });
});
