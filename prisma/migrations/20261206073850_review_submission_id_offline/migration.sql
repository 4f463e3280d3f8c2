-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "offline" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "submissionId" TEXT;
