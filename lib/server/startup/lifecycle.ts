/**
 * Where this server process is in its life, for the readiness probe (app/api/health/ready): the
 * launcher (scripts/start.ts) records the migrations it prepared the database with once the
 * database is ready, and marks the process draining on SIGTERM, so a proxy stops sending it work
 * before it closes. Kept on globalThis: the launcher and Next.js's route bundles share it.
 */
type Lifecycle = { migrations: string[] | null; draining: boolean };

const holder = globalThis as typeof globalThis & { strideLifecycle?: Lifecycle };

function lifecycle(): Lifecycle {
  holder.strideLifecycle ??= { migrations: null, draining: false };
  return holder.strideLifecycle;
}

/** The database is prepared with these migrations (prisma/migrations' folder names). */
export function markPrepared(migrations: string[]) {
  lifecycle().migrations = [...migrations];
}

/** The migrations the database must have for this build, or null before preparation finished. */
export function preparedMigrations(): string[] | null {
  return lifecycle().migrations;
}

export function markDraining() {
  lifecycle().draining = true;
}

export function isDraining(): boolean {
  return lifecycle().draining;
}

/** Back to a fresh process's state (tests). */
export function resetLifecycle() {
  holder.strideLifecycle = { migrations: null, draining: false };
}
