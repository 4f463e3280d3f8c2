-- AlterTable
ALTER TABLE "lti_score_syncs" ADD COLUMN     "releaseAt" TIMESTAMP(3);
