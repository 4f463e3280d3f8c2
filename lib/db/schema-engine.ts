/**
 * Prisma's schema engine (the part of Prisma that diffs schemas and applies migrations), run as
 * WebAssembly so that no native engine has to be downloaded (ENVIRONMENT.md, "Prisma 7 without
 * its native engines"). The engine reaches the database through a JavaScript driver adapter.
 */
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = SchemaEngineWasm.SchemaEngine;
export type MigrationList = SchemaEngineWasm.MigrationList;

export const NO_FILTER: SchemaEngineWasm.SchemaFilter = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof SchemaEngineWasm> | undefined;

/**
 * The package's default entry imports `schema_engine_bg.wasm` as an ES module, which Node cannot
 * do, so we instantiate the wasm file against the package's JavaScript glue ourselves. The glue
 * keeps the instance in module state, hence once per process.
 *
 * When the engine panics, the glue hands the panic message to a global registry and then traps
 * with a bare "RuntimeError: unreachable", often outside any promise we could catch; without the
 * registry the glue itself crashes. Printing the message is the only way to learn what went wrong.
 */
function loadEngineModule(): Promise<typeof SchemaEngineWasm> {
  engineModule ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        console.error(`Prisma's schema engine panicked: ${message}`);
      },
    };
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
 * The engine does not dispose the connections it opens, even when freed, and a connection left
 * open keeps Postgres's session-level advisory lock that Prisma takes while migrating: the next
 * run then waits 10 s for it. So we keep every connection it opens and dispose of them ourselves
 * (once each, in case the engine also does).
 */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const open = new Set<SqlDriverAdapter>();
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    const dispose = adapter.dispose.bind(adapter);
    let disposing: Promise<void> | undefined;
    adapter.dispose = () => {
      open.delete(adapter);
      disposing ??= dispose();
      return disposing;
    };
    open.add(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  const disposeAll = () => Promise.all([...open].map((adapter) => adapter.dispose()));
  return { tracked, disposeAll };
}

/**
 * Opens a schema engine on the database behind `adapterFactory`, runs `command`, then frees the
 * engine and closes its connections. `schemaFiles` is only needed by commands that read the
 * Prisma schema from the engine's state.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  command: (engine: SchemaEngine) => Promise<T>,
  schemaFiles?: [path: string, content: string][],
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const { tracked, disposeAll } = trackConnections(adapterFactory);
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new(
      { datamodels: schemaFiles },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(tracked),
    );
  } catch (error) {
    await disposeAll();
    throw error;
  }
  try {
    return await command(engine);
  } finally {
    engine.free();
    await disposeAll();
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
