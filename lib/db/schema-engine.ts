/**
 * Prisma's schema engine (the part of Prisma that diffs schemas and applies migrations), run as
 * WebAssembly so that no native engine has to be downloaded (ENVIRONMENT.md, "Prisma 7 without
 * its native engines"). The engine reaches the database through a JavaScript driver adapter.
 */
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = SchemaEngineWasm.SchemaEngine;
export type MigrationList = SchemaEngineWasm.MigrationList;

export const NO_FILTER: SchemaEngineWasm.SchemaFilter = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof SchemaEngineWasm> | undefined;

/**
 * When the engine panics, the wasm glue hands the panic message to this global and then traps
 * ("unreachable"); we keep the message to put it in the error the caller sees.
 */
const panicRegistry = { message: undefined as string | undefined, set_message(message: string) { this.message = message; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

/**
 * The package's default entry imports `schema_engine_bg.wasm` as an ES module, which Node cannot
 * do, so we instantiate the wasm file against the package's JavaScript glue ourselves. The glue
 * keeps the instance in module state, hence once per process.
 */
function loadEngineModule(): Promise<typeof SchemaEngineWasm> {
  engineModule ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

/**
 * Opens a schema engine on the database behind `adapterFactory`, runs `use`, and frees it.
 * `schemaFiles` is only needed by commands that read the Prisma schema from the engine's state.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  use: (engine: SchemaEngine) => Promise<T>,
  schemaFiles?: [path: string, content: string][],
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    panicRegistry.message = undefined;
    return await use(engine);
  } catch (error) {
    if (panicRegistry.message) throw new Error(`The schema engine panicked: ${panicRegistry.message}`, { cause: error });
    throw error;
  } finally {
    engine.free();
  }
}

/** Reads a migrations folder in Prisma's layout: `<timestamp>_<name>/migration.sql`, in name order. */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockfileContent = await readFile(join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
