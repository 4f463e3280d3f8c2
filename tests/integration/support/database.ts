/**
 * A fresh, migrated database per test file, on either kind Stride runs on:
 * - "pglite": an in-memory embedded PGlite (nothing to clean up but the process's memory);
 * - "postgres": a new database `stride_test_<random>` on the PostgreSQL server named by
 *   STRIDE_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres), dropped after.
 *
 * Test files run both kinds with `describe.each(databaseKinds())`. STRIDE_SKIP_POSTGRES=1 leaves
 * the server out on a machine without one, and says so; otherwise an unreachable server fails
 * the run, so a missing server is never mistaken for a pass.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
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

async function createPgliteDatabase(migrate: boolean): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY });
  try {
    if (migrate) await applyMigrations({ url: embedded.url });
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

async function createPostgresDatabase(migrate: boolean): Promise<TestDatabase> {
  if (postgresSkipped()) throw new Error("STRIDE_SKIP_POSTGRES=1, yet a PostgreSQL test database was asked for.");
  const name = `stride_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const drop = () =>
    withAdminClient(async (client) => {
      // A pooled connection left open (by a failed test, say) would make DROP DATABASE fail.
      await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    });
  try {
    if (migrate) await applyMigrations({ url: url.href });
  } catch (error) {
    await drop();
    throw error;
  }
  const prisma = createPrismaClient({ url: url.href, kind: "postgres" });
  return {
    kind: "postgres",
    url: url.href,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await drop();
    },
  };
}
