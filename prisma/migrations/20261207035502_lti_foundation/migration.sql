-- CreateTable
CREATE TABLE "lti_platforms" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "authLoginUrl" TEXT NOT NULL,
    "accessTokenUrl" TEXT NOT NULL,
    "jwksUrl" TEXT NOT NULL,
    "deploymentIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_platforms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_tool_keys" (
    "kid" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateJwk" JSONB NOT NULL,
    "current" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "lti_tool_keys_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "lti_login_states" (
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "targetLinkUri" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "lti_login_states_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_users" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_contexts" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "courseId" TEXT,
    "title" TEXT,
    "membershipsUrl" TEXT,
    "lineItemsUrl" TEXT,
    "agsScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_contexts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_resource_links" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "ltiContextId" TEXT,
    "kind" TEXT NOT NULL,
    "targetId" TEXT,
    "lineItemUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_resource_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_registration_tokens" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "lti_registration_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lti_platforms_issuer_clientId_key" ON "lti_platforms"("issuer", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_tool_keys_current_key" ON "lti_tool_keys"("current");

-- CreateIndex
CREATE UNIQUE INDEX "lti_login_states_state_key" ON "lti_login_states"("state");

-- CreateIndex
CREATE UNIQUE INDEX "lti_login_states_nonce_key" ON "lti_login_states"("nonce");

-- CreateIndex
CREATE INDEX "lti_login_states_expiresAt_idx" ON "lti_login_states"("expiresAt");

-- CreateIndex
CREATE INDEX "lti_users_userId_idx" ON "lti_users"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_users_platformId_sub_key" ON "lti_users"("platformId", "sub");

-- CreateIndex
CREATE INDEX "lti_contexts_courseId_idx" ON "lti_contexts"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_contexts_platformId_contextId_key" ON "lti_contexts"("platformId", "contextId");

-- CreateIndex
CREATE INDEX "lti_resource_links_ltiContextId_idx" ON "lti_resource_links"("ltiContextId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_resource_links_platformId_resourceLinkId_key" ON "lti_resource_links"("platformId", "resourceLinkId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_registration_tokens_tokenHash_key" ON "lti_registration_tokens"("tokenHash");

-- AddForeignKey
ALTER TABLE "lti_login_states" ADD CONSTRAINT "lti_login_states_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_users" ADD CONSTRAINT "lti_users_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_users" ADD CONSTRAINT "lti_users_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "courses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_registration_tokens" ADD CONSTRAINT "lti_registration_tokens_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
