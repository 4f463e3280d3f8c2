-- DropIndex
DROP INDEX "reviews_templateId_idx";

-- CreateIndex
CREATE INDEX "reviews_templateId_correct_reviewedAt_idx" ON "reviews"("templateId", "correct", "reviewedAt");
