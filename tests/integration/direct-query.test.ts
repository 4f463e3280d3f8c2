import { DatabaseError } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { directQuery } from "@/lib/db/direct-query";
import { newCardState } from "@/lib/srs";
import { insertCard, insertReviewVariant } from "@/lib/server/reviews/cycle-inserts";
import { isQuestionFailure } from "@/lib/server/reviews/issue-failure";
import { questionTemplateId } from "@/lib/server/questions/template-id";
import { ONE_CARD_PER_SKILL, ONE_OPEN_VARIANT, uniqueViolationOf } from "@/lib/server/reviews/unique-violation";
import { newUser } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/**
 * The review cycle's direct statements (lib/db/direct-query.ts) give what Prisma would: the same
 * rows, UTC instants whatever the machine's zone, the driver's unique violations named as the
 * racing code expects, and a transaction's client still inside its transaction.
 */
describe.each(databaseKinds())("direct statements on %s", (kind) => {
  let database: TestDatabase;
  const zone = process.env.TZ;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("writes and reads UTC instants in a machine whose zone is not UTC, as Prisma reads them back", async () => {
    // Node takes a new TZ at once; `pg` alone would read and write the columns in this zone.
    process.env.TZ = "Asia/Kolkata";
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const now = new Date("2026-03-29T01:30:00.123Z");
    const card = await insertCard(db, { userId: learner.id, templateId: "conv-output-shape", state: newCardState(now), now });
    expect(card.due.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    expect(card.createdAt.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    expect(card.lastReview).toBeNull();
    expect(await db.card.findUniqueOrThrow({ where: { id: card.id } })).toEqual(card);

    const variant = await insertReviewVariant(db, { userId: learner.id, cardId: card.id, templateId: card.templateId, questionVersionId: null, seed: 2_147_483_647, lang: "zh-CN", issuedAt: now });
    expect(variant).toMatchObject({ mode: "review", seed: 2_147_483_647, lang: "zh-CN", answeredAt: null, withdrawnAt: null });
    expect(variant.issuedAt.toISOString()).toBe("2026-03-29T01:30:00.123Z");
    expect(await db.variant.findUniqueOrThrow({ where: { id: variant.id } })).toEqual(variant);

    const rows = await directQuery<{ issuedAt: Date; before: boolean }>(
      db,
      { name: "stride_test_read_variant", text: `SELECT "issuedAt", "issuedAt" < $2::timestamp(3) AS "before" FROM "variants" WHERE "id" = $1` },
      [variant.id, new Date("2026-03-29T01:30:00.124Z")],
    );
    expect(rows).toEqual([{ issuedAt: now, before: true }]);
  });

  it("runs a named statement again on the same connection, and with other values", async () => {
    const db = database.prisma;
    const statement = { name: "stride_test_sum", text: "SELECT $1::int + $2::int AS sum" };
    const sums = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => directQuery<{ sum: number }>(db, statement, [n, 10])));
    expect(sums.map((rows) => rows[0]!.sum)).toEqual([11, 12, 13, 14, 15, 16]);
  });

  it("runs the same named statement from a second pool's connection (on PGlite, one backend shared by both)", async () => {
    const statement = { name: "stride_test_double", text: "SELECT $1::int * 2 AS double" };
    const second = createPrismaClient({ url: database.url, kind });
    try {
      // Prisma's own first query connects its adapter, whose disconnect then ends the pool.
      expect(await second.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      expect(await directQuery(database.prisma, statement, [21])).toEqual([{ double: 42 }]);
      expect(await directQuery(second, statement, [4])).toEqual([{ double: 8 }]);
      expect(await directQuery(database.prisma, statement, [5])).toEqual([{ double: 10 }]);
    } finally {
      await second.$disconnect();
    }
  });

  it("names the unique index a second card of a skill and a second open variant run into", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const now = new Date("2026-05-01T09:00:00Z");
    const card = await insertCard(db, { userId: learner.id, templateId: "pool-output-shape", state: newCardState(now), now });
    const again = await insertCard(db, { userId: learner.id, templateId: "pool-output-shape", state: newCardState(now), now }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(DatabaseError);
    expect(uniqueViolationOf(again)).toBe(ONE_CARD_PER_SKILL);

    const open = { userId: learner.id, cardId: card.id, templateId: card.templateId, questionVersionId: null, seed: 7, lang: "en", issuedAt: now };
    await insertReviewVariant(db, open);
    const second = await insertReviewVariant(db, { ...open, seed: 8 }).catch((error: unknown) => error);
    expect(uniqueViolationOf(second)).toBe(ONE_OPEN_VARIANT);
    // A database failure is never mistaken for a broken course question (which the queue would skip).
    expect(isQuestionFailure(questionTemplateId("q1"), second)).toBe(false);
    expect(isQuestionFailure(questionTemplateId("q1"), new Error("division by zero"))).toBe(true);
  });

  it("keeps a transaction's statements inside the transaction", async () => {
    const db = database.prisma;
    const learner = await newUser(db, "learner");
    const now = new Date("2026-05-01T09:00:00Z");
    const outcome = await db
      .$transaction(async (tx) => {
        const card = await insertCard(tx as typeof db, { userId: learner.id, templateId: "conv-params", state: newCardState(now), now });
        expect(await tx.card.count({ where: { id: card.id } })).toBe(1);
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    expect(outcome).toBe("roll back");
    expect(await db.card.count({ where: { userId: learner.id } })).toBe(0);
  });
});
