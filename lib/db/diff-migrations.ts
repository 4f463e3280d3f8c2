/**
 * The SQL that takes a database from the state its migrations leave it in to the state
 * prisma/schema.prisma describes: the body of the next migration (`npm run db:migrate`).
 *
 * The schema engine learns the migrations' end state by replaying them into a "shadow database".
 * `@prisma/adapter-pg` would make one with CREATE DATABASE on the same server, which PGlite cannot
 * serve (one database per instance), so each shadow database here is a throwaway in-memory PGlite:
 * it works offline and leaves nothing behind.
 */
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { IN_MEMORY, startEmbeddedPostgres } from "./embedded";
import { connectEngineAdapter, engineAdapterFactory } from "./engine-adapter";
import { NO_FILTER, readMigrationList, withSchemaEngine } from "./schema-engine";

export type DiffMigrationsOptions = {
  migrationsDir: string;
  schema: { path: string; content: string };
};

/** Returns the migration script, or null when the migrations already match the schema. */
export async function diffMigrationsToSchema({ migrationsDir, schema }: DiffMigrationsOptions): Promise<string | null> {
  const migrationsList = await readMigrationList(migrationsDir);
  const main = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  try {
    const { exitCode, stdout } = await withSchemaEngine(engineAdapterFactory(main.url, connectToThrowawayShadow), (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        // Asks the engine to say (exit code 2) whether there is any difference at all.
        exitCode: true,
        filters: NO_FILTER,
      }),
    );
    return exitCode === 2 && stdout ? stdout : null;
  } finally {
    await main.close();
  }
}

async function connectToThrowawayShadow(): Promise<SqlDriverAdapter> {
  const shadow = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  const adapter = await connectEngineAdapter(shadow.url);
  const disposeAdapter = adapter.dispose.bind(adapter);
  return Object.assign(adapter, {
    dispose: async () => {
      await disposeAdapter();
      await shadow.close();
    },
  });
}
