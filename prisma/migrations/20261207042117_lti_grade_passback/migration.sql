-- CreateTable
CREATE TABLE "lti_line_items" (
    "id" TEXT NOT NULL,
    "ltiContextId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_line_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_score_syncs" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "ltiContextId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "scoreGiven" DOUBLE PRECISION,
    "scoreMaximum" DOUBLE PRECISION,
    "activityProgress" TEXT,
    "gradingProgress" TEXT,
    "scoredAt" TIMESTAMP(3) NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastTriedAt" TIMESTAMP(3),
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_score_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lti_line_items_assessmentId_idx" ON "lti_line_items"("assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_line_items_ltiContextId_assessmentId_key" ON "lti_line_items"("ltiContextId", "assessmentId");

-- CreateIndex
CREATE INDEX "lti_score_syncs_assessmentId_idx" ON "lti_score_syncs"("assessmentId");

-- CreateIndex
CREATE INDEX "lti_score_syncs_status_idx" ON "lti_score_syncs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "lti_score_syncs_attemptId_ltiContextId_key" ON "lti_score_syncs"("attemptId", "ltiContextId");

-- AddForeignKey
ALTER TABLE "lti_line_items" ADD CONSTRAINT "lti_line_items_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_line_items" ADD CONSTRAINT "lti_line_items_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_syncs" ADD CONSTRAINT "lti_score_syncs_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_syncs" ADD CONSTRAINT "lti_score_syncs_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_syncs" ADD CONSTRAINT "lti_score_syncs_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
