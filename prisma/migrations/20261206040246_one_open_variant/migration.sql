-- AlterTable
ALTER TABLE "variants" ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- Hand-written: until now a learner could hold several open variants of one mode (racing
-- review.next calls, practice with a changed filter). Keep the newest open one per learner and
-- mode and withdraw the others, so that the unique index below can be built.
UPDATE "variants" AS "older" SET "withdrawnAt" = CURRENT_TIMESTAMP
WHERE "older"."answeredAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "variants" AS "newer"
    WHERE "newer"."userId" = "older"."userId" AND "newer"."mode" = "older"."mode" AND "newer"."answeredAt" IS NULL
      AND ("newer"."issuedAt", "newer"."id") > ("older"."issuedAt", "older"."id")
  );

-- CreateIndex
CREATE UNIQUE INDEX "variants_one_open_per_learner" ON "variants"("userId", "mode") WHERE ("answeredAt" IS NULL AND "withdrawnAt" IS NULL);
