/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) served over the Postgres wire
 * protocol on a loopback port, so the app, the migrations and `psql` all talk to it exactly as
 * they would to a PostgreSQL server (through `pg` and `@prisma/adapter-pg`).
 *
 * What the socket server does with several connections (@electric-sql/pglite-socket 0.2.17,
 * read from its source and checked by tests/integration/db.test.ts):
 * - PGlite is ONE Postgres backend. Every connection is multiplexed onto it: protocol messages
 *   from all connections go through one queue and run one at a time. Connections therefore share
 *   session state (SET, advisory locks, temp tables); they are not isolated sessions.
 * - While a transaction is open, only messages from the connection that opened it are run; the
 *   others wait (they are not refused) until it commits or rolls back. A program that holds a
 *   transaction open on one connection while awaiting a query on another deadlocks, so the app
 *   uses a pool of one connection (lib/db/client.ts) and never nests pools.
 * - `maxConnections` (default 1) is enforced by Node's `net.Server`: a connection past the limit
 *   is accepted and closed at once ("Connection terminated unexpectedly"), not queued. With the
 *   default, the migration engine could not connect while the app's idle pooled connection is
 *   open, so we allow a few: the app's pool of one, a migration run, a health check, a `psql`.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir, type DataDirLock } from "./data-dir-lock";

export const IN_MEMORY = "memory://";

/** Connections the socket server keeps open at once; see the note at the top of this file. */
const MAX_CONNECTIONS = 8;

export type EmbeddedPostgresOptions = {
  /** A directory (created if missing) or `"memory://"` for a database that lives only in memory. */
  dataDir: string;
  host?: string;
  /** 0 (the default) asks the OS for a free port. */
  port?: number;
  /**
   * A data directory image from `dumpDataDir` to start from instead of an empty cluster (in memory
   * only): the integration tests copy one migrated database into each test file this way.
   */
  loadDataDir?: Blob;
};

export type EmbeddedPostgres = {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /**
   * Stops accepting connections (rolling back a transaction a client left open) and closes PGlite,
   * which checkpoints, so every committed row is on disk. Safe to call more than once. A process
   * should call it on SIGTERM/SIGINT before exiting.
   */
  close(): Promise<void>;
};

/** An embedded database running in this thread, whose data directory can be imaged. */
export type InProcessEmbeddedPostgres = EmbeddedPostgres & {
  /** An image of the data directory (PGlite's uncompressed tar), for `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
};

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<InProcessEmbeddedPostgres> {
  const { dataDir, host = "127.0.0.1", port = 0, loadDataDir } = options;
  const inMemory = dataDir === IN_MEMORY;
  if (loadDataDir && !inMemory) throw new Error("loadDataDir starts an in-memory database only; restore a directory with lib/db/backup.ts");
  let lock: DataDirLock | undefined;
  if (!inMemory) {
    lock = lockDataDir(dataDir);
    mkdirSync(dataDir, { recursive: true });
  }

  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create(loadDataDir ? { dataDir, loadDataDir } : { dataDir });
    server = new PGLiteSocketServer({ db, host, port, maxConnections: MAX_CONNECTIONS });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }

  const openedDb = db;
  const openedServer = server;
  let closing: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@${openedServer.getServerConn()}/postgres`,
    close() {
      closing ??= (async () => {
        try {
          await openedServer.stop();
        } finally {
          await openedDb.close();
          lock?.release();
        }
      })();
      return closing;
    },
    dumpDataDir: () => openedDb.dumpDataDir("none"),
  };
}
