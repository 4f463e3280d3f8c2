-- CreateTable
CREATE TABLE "assessments" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleZh" TEXT,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "opensAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "lateUntil" TIMESTAMP(3),
    "lateCredit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timeLimitMinutes" INTEGER,
    "honourPledge" BOOLEAN NOT NULL DEFAULT false,
    "gradeAtEnd" BOOLEAN NOT NULL DEFAULT false,
    "showScore" TEXT NOT NULL DEFAULT 'immediately',
    "showCorrectness" TEXT NOT NULL DEFAULT 'immediately',
    "showSolution" TEXT NOT NULL DEFAULT 'immediately',
    "countsForReview" BOOLEAN NOT NULL DEFAULT true,
    "publishedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_zones" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleEn" TEXT,
    "titleZh" TEXT,
    "pool" JSONB NOT NULL,
    "draw" INTEGER NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "pointsPerTry" JSONB,
    "shuffle" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "assessment_zones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_overrides" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "lateUntil" TIMESTAMP(3),
    "extraMinutes" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assessment_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_attempts" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "pledgedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "finishedBy" TEXT,

    CONSTRAINT "assessment_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt_questions" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "zone" INTEGER NOT NULL,
    "templateId" TEXT NOT NULL,
    "questionVersionId" TEXT,
    "points" DOUBLE PRECISION NOT NULL,
    "pointsPerTry" JSONB,
    "awarded" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "attempt_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt_tries" (
    "id" TEXT NOT NULL,
    "attemptQuestionId" TEXT NOT NULL,
    "tryNumber" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "questionVersionId" TEXT,
    "lang" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL,
    "earned" DOUBLE PRECISION NOT NULL,
    "mistake" TEXT,
    "regradedScore" DOUBLE PRECISION,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attempt_tries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_overrides" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "previous" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "byUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "score_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regrades" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "allowLower" BOOLEAN NOT NULL,
    "byUserId" TEXT,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "regrades_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regrade_changes" (
    "id" TEXT NOT NULL,
    "regradeId" TEXT NOT NULL,
    "attemptQuestionId" TEXT NOT NULL,
    "before" DOUBLE PRECISION NOT NULL,
    "after" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "regrade_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assessments_courseId_position_idx" ON "assessments"("courseId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_zones_assessmentId_position_key" ON "assessment_zones"("assessmentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_overrides_assessmentId_userId_key" ON "assessment_overrides"("assessmentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_attempts_assessmentId_userId_key" ON "assessment_attempts"("assessmentId", "userId");

-- CreateIndex
CREATE INDEX "attempt_questions_questionVersionId_idx" ON "attempt_questions"("questionVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "attempt_questions_attemptId_position_key" ON "attempt_questions"("attemptId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "attempt_tries_attemptQuestionId_tryNumber_key" ON "attempt_tries"("attemptQuestionId", "tryNumber");

-- CreateIndex
CREATE INDEX "score_overrides_attemptId_createdAt_idx" ON "score_overrides"("attemptId", "createdAt");

-- CreateIndex
CREATE INDEX "regrades_assessmentId_idx" ON "regrades"("assessmentId");

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_zones" ADD CONSTRAINT "assessment_zones_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_attempts" ADD CONSTRAINT "assessment_attempts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt_questions" ADD CONSTRAINT "attempt_questions_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt_questions" ADD CONSTRAINT "attempt_questions_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt_tries" ADD CONSTRAINT "attempt_tries_attemptQuestionId_fkey" FOREIGN KEY ("attemptQuestionId") REFERENCES "attempt_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt_tries" ADD CONSTRAINT "attempt_tries_questionVersionId_fkey" FOREIGN KEY ("questionVersionId") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_overrides" ADD CONSTRAINT "score_overrides_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "assessment_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_overrides" ADD CONSTRAINT "score_overrides_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrades" ADD CONSTRAINT "regrades_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrade_changes" ADD CONSTRAINT "regrade_changes_regradeId_fkey" FOREIGN KEY ("regradeId") REFERENCES "regrades"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrade_changes" ADD CONSTRAINT "regrade_changes_attemptQuestionId_fkey" FOREIGN KEY ("attemptQuestionId") REFERENCES "attempt_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
