import type { PrismaClient } from "@/lib/db";
import { checkDatabase } from "@/lib/db/client";

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "starting" | "draining" | "database" | "migrations"; missingMigrations?: string[] };

/**
 * Whether this process should be sent work (a proxy's readiness probe): it has finished preparing
 * the database, it is not draining after SIGTERM, the database answers, and every migration of
 * this build is recorded as applied (an instance of a newer build waits for its migrations rather
 * than serve against an old schema).
 */
export async function checkReadiness({
  db,
  expectedMigrations,
  draining,
}: {
  db: PrismaClient;
  /** prisma/migrations' names as the launcher prepared them; null while it is still preparing. */
  expectedMigrations: readonly string[] | null;
  draining: boolean;
}): Promise<Readiness> {
  if (draining) return { ready: false, reason: "draining" };
  if (!expectedMigrations) return { ready: false, reason: "starting" };
  if (!(await checkDatabase(db))) return { ready: false, reason: "database" };
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  const missing = expectedMigrations.filter((name) => !applied.has(name));
  return missing.length > 0 ? { ready: false, reason: "migrations", missingMigrations: missing } : { ready: true };
}
