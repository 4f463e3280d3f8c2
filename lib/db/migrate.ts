/**
 * Applies prisma/migrations on start, on PGlite and on PostgreSQL alike, with the WebAssembly
 * schema engine. It records what it applied in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so the two can be used on the same database.
 */
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { engineAdapterFactory } from "./engine-adapter";
import { NO_FILTER, readMigrationList, withSchemaEngine } from "./schema-engine";

/**
 * prisma/migrations of this checkout: two folders up from lib/db/migrate.ts, but one folder up
 * from the `stride` CLI's bundle (scripts/build-cli.ts), whose chunks in .stride-cli/ carry this
 * module. Wrongly resolved, the folder is missing and no migration would be applied.
 */
function defaultMigrationsDir(): string {
  const here = new URL(".", import.meta.url);
  const relative = here.pathname.endsWith("/.stride-cli/") ? "../prisma/migrations" : "../../prisma/migrations";
  return fileURLToPath(new URL(relative, here));
}

export const DEFAULT_MIGRATIONS_DIR = defaultMigrationsDir();

export type ApplyMigrationsOptions = {
  url: string;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
};

/** Applies the migrations the database has not recorded yet; returns their names (none when up to date). */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const { url, migrationsDir = DEFAULT_MIGRATIONS_DIR } = options;
  const migrationsList = await readMigrationList(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine(engineAdapterFactory(url), (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return { applied: appliedMigrationNames };
}

/** The names of the migrations in the folder (one folder each), in the order they apply. */
export async function listMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}
