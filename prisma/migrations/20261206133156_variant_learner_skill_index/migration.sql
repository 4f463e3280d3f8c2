-- CreateIndex
CREATE INDEX "variants_userId_templateId_issuedAt_idx" ON "variants"("userId", "templateId", "issuedAt");
