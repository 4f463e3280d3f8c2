-- AlterTable
ALTER TABLE "key_mismatches" ADD COLUMN     "attemptTryId" TEXT,
ALTER COLUMN "reviewId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "key_mismatches_attemptTryId_key" ON "key_mismatches"("attemptTryId");

-- AddForeignKey
ALTER TABLE "key_mismatches" ADD CONSTRAINT "key_mismatches_attemptTryId_fkey" FOREIGN KEY ("attemptTryId") REFERENCES "attempt_tries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
