/**
 * lib/db: the database, for lib/server, scripts and tests. Everything else goes through the
 * server's API (DESIGN.md, "The house").
 */
export { startEmbeddedPostgres, IN_MEMORY, type EmbeddedPostgres, type EmbeddedPostgresOptions } from "./embedded";
export { createPrismaClient, checkDatabase, type DatabaseKind, type DatabaseConnection } from "./client";
export { withAdvisoryLock, PREPARE_LOCK_KEY, type WithAdvisoryLockOptions } from "./advisory-lock";
export { applyMigrations, listMigrations, DEFAULT_MIGRATIONS_DIR, type ApplyMigrationsOptions } from "./migrate";
export { PrismaClient, Prisma, Role } from "./generated/client";
export type { User, Session, Account, Verification, Card, Variant, Review } from "./generated/client";
