-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "walkthroughAtLapses" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
-- Hand-edited: "suggestedRating" is added nullable, filled from "rating" (the only rating
-- earlier reviews had, and the one Stride suggested) with the append-only trigger paused, then
-- made NOT NULL.
ALTER TABLE "reviews" ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'review',
ADD COLUMN     "suggestedRating" INTEGER,
ALTER COLUMN "cardId" DROP NOT NULL,
ALTER COLUMN "stateBefore" DROP NOT NULL,
ALTER COLUMN "stateAfter" DROP NOT NULL;

ALTER TABLE "reviews" DISABLE TRIGGER "reviews_append_only";
UPDATE "reviews" SET "suggestedRating" = "rating";
ALTER TABLE "reviews" ENABLE TRIGGER "reviews_append_only";
ALTER TABLE "reviews" ALTER COLUMN "suggestedRating" SET NOT NULL;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "dailyNewLimit" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
ADD COLUMN     "fsrsLogLossAfter" DOUBLE PRECISION,
ADD COLUMN     "fsrsLogLossBefore" DOUBLE PRECISION,
ADD COLUMN     "fsrsOptimizedAt" TIMESTAMP(3),
ADD COLUMN     "fsrsParameters" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- AlterTable
ALTER TABLE "variants" ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'review',
ALTER COLUMN "cardId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "review_amendments" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rating" INTEGER,
    "stateAfter" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_amendments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_mismatches" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "backend" TEXT NOT NULL,
    "serverKey" JSONB NOT NULL,
    "browserKey" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "key_mismatches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_amendments_reviewId_idx" ON "review_amendments"("reviewId");

-- CreateIndex
CREATE INDEX "key_mismatches_templateId_idx" ON "key_mismatches"("templateId");

-- CreateIndex
CREATE INDEX "reviews_templateId_idx" ON "reviews"("templateId");

-- AddForeignKey
ALTER TABLE "review_amendments" ADD CONSTRAINT "review_amendments_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "reviews"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_amendments" ADD CONSTRAINT "review_amendments_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_mismatches" ADD CONSTRAINT "key_mismatches_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: amendments are history too, append-only like reviews.
CREATE TRIGGER "review_amendments_append_only"
    BEFORE UPDATE OR DELETE ON "review_amendments"
    FOR EACH ROW EXECUTE FUNCTION "reviews_refuse_change"();
