-- AlterTable
ALTER TABLE "courses" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "timeZone" TEXT;
