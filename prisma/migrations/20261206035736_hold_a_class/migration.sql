-- CreateTable
CREATE TABLE "request_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "request_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "issue_failures" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "questionVersionId" TEXT,
    "userId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issue_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issue_failures_questionVersionId_idx" ON "issue_failures"("questionVersionId");

-- CreateIndex
CREATE INDEX "issue_failures_templateId_idx" ON "issue_failures"("templateId");

-- AddForeignKey
ALTER TABLE "issue_failures" ADD CONSTRAINT "issue_failures_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "question_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
