-- CreateIndex
CREATE INDEX "variants_cardId_issuedAt_idx" ON "variants"("cardId", "issuedAt");
