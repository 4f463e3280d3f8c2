-- AlterTable
ALTER TABLE "assessment_attempts" ADD COLUMN     "seedKey" TEXT;
