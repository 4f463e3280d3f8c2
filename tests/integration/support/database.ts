/**
 * A fresh, migrated database per test file, on either kind Stride runs on:
 * - "pglite": an in-memory embedded PGlite (nothing to clean up but the process's memory);
 * - "postgres": a new database `stride_test_<random>` on the PostgreSQL server named by
 *   STRIDE_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres), dropped after.
 *
 * Test files run both kinds with `describe.each(databaseKinds())`. STRIDE_SKIP_POSTGRES=1 leaves
 * the server out on a machine without one, and says so; otherwise an unreachable server fails
 * the run, so a missing server is never mistaken for a pass.
 *
 * Migrating takes seconds (PGlite's initdb, then the WebAssembly schema engine), and every file
 * wants a migrated database of each kind, so the run migrates once (`prepareMigratedImages`, from
 * the integration project's global setup) and each file copies the result: PGlite loads the image
 * of a migrated data directory, PostgreSQL creates the database from a migrated template. Without
 * the global setup (a file run by other means) each database is migrated as before.
 */
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import {
  applyMigrations,
  createPrismaClient,
  IN_MEMORY,
  startEmbeddedPostgres,
  type DatabaseKind,
  type PrismaClient,
} from "@/lib/db";

export type TestDatabase = {
  kind: DatabaseKind;
  url: string;
  prisma: PrismaClient;
  /** Disconnects and throws the database away. */
  drop(): Promise<void>;
};

const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

function postgresAdminUrl(): string {
  return process.env.STRIDE_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
}

function postgresSkipped(): boolean {
  return process.env.STRIDE_SKIP_POSTGRES === "1";
}

let skipAnnounced = false;

/** The kinds to run database tests on: both, unless STRIDE_SKIP_POSTGRES=1. */
export function databaseKinds(): DatabaseKind[] {
  if (!postgresSkipped()) return ["pglite", "postgres"];
  if (!skipAnnounced) {
    console.warn("STRIDE_SKIP_POSTGRES=1: skipping the PostgreSQL server; database tests run on PGlite only.");
    skipAnnounced = true;
  }
  return ["pglite"];
}

export type TestDatabaseOptions = {
  /** Apply prisma/migrations (default true); false gives an empty database. */
  migrate?: boolean;
};

export function createTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  return kind === "pglite" ? createPgliteDatabase(migrate) : createPostgresDatabase(migrate);
}

/** What the global setup made once for the run; absent when a file runs without it. */
export type MigratedImages = {
  /** A file holding a migrated PGlite data directory (an uncompressed tar). */
  pgliteImagePath: string;
  /** A migrated PostgreSQL database to copy with CREATE DATABASE … TEMPLATE; null when skipped. */
  postgresTemplate: string | null;
};

declare module "vitest" {
  export interface ProvidedContext {
    migratedImages?: MigratedImages;
  }
}

/** Migrates one database of each kind for the whole run; `dispose` removes them. */
export async function prepareMigratedImages(): Promise<{ images: MigratedImages; dispose(): Promise<void> }> {
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  const pgliteImagePath = path.join(tmpdir(), `stride-test-pglite-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  try {
    await applyMigrations({ url: embedded.url });
    await writeFile(pgliteImagePath, Buffer.from(await (await embedded.dumpDataDir()).arrayBuffer()));
  } finally {
    await embedded.close();
  }
  let postgresTemplate: string | null = null;
  if (!postgresSkipped()) {
    const name = `stride_template_${randomBytes(6).toString("hex")}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    postgresTemplate = name;
    try {
      await applyMigrations({ url: postgresDatabaseUrl(name) });
    } catch (error) {
      await dropPostgresDatabase(name);
      await rm(pgliteImagePath, { force: true });
      throw error;
    }
  }
  return {
    images: { pgliteImagePath, postgresTemplate },
    async dispose() {
      await rm(pgliteImagePath, { force: true });
      if (postgresTemplate) await dropPostgresDatabase(postgresTemplate);
    },
  };
}

function providedImages(): MigratedImages | undefined {
  try {
    return inject("migratedImages");
  } catch {
    return undefined; // outside a Vitest worker
  }
}

async function createPgliteDatabase(migrate: boolean): Promise<TestDatabase> {
  const image = migrate ? providedImages()?.pgliteImagePath : undefined;
  const loadDataDir = image ? new Blob([await readFile(image)]) : undefined;
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, loadDataDir });
  try {
    if (migrate && !loadDataDir) await applyMigrations({ url: embedded.url });
  } catch (error) {
    await embedded.close();
    throw error;
  }
  const prisma = createPrismaClient({ url: embedded.url, kind: "pglite" });
  return {
    kind: "pglite",
    url: embedded.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}

async function withAdminClient<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = postgresAdminUrl();
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach the PostgreSQL server for tests at ${adminUrl} (${(error as Error).message}). ` +
        `Start one, point STRIDE_TEST_POSTGRES_URL at a server where this user may CREATE DATABASE, ` +
        `or set STRIDE_SKIP_POSTGRES=1 to run the database tests on PGlite only.`,
      { cause: error },
    );
  }
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

function postgresDatabaseUrl(name: string): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return url.href;
}

function dropPostgresDatabase(name: string): Promise<void> {
  return withAdminClient(async (client) => {
    // A pooled connection left open (by a failed test, say) would make DROP DATABASE fail.
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

async function createPostgresDatabase(migrate: boolean): Promise<TestDatabase> {
  if (postgresSkipped()) throw new Error("STRIDE_SKIP_POSTGRES=1, yet a PostgreSQL test database was asked for.");
  const name = `stride_test_${randomBytes(6).toString("hex")}`;
  const template = migrate ? providedImages()?.postgresTemplate : undefined;
  await withAdminClient((client) => client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`));
  const url = postgresDatabaseUrl(name);
  const drop = () => dropPostgresDatabase(name);
  try {
    if (migrate && !template) await applyMigrations({ url });
  } catch (error) {
    await drop();
    throw error;
  }
  const prisma = createPrismaClient({ url, kind: "postgres" });
  return {
    kind: "postgres",
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await drop();
    },
  };
}
