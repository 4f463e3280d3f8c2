/**
 * Backups of the embedded database: PGlite's own dump of its data directory (a gzipped tar of the
 * Postgres cluster, `dumpDataDir`), restored with PGlite's `loadDataDir` into a fresh directory
 * that then takes the old one's place. A PostgreSQL server is backed up with pg_dump / pg_restore
 * instead (README, "Production deployment").
 *
 * Both take the data directory's lock (./data-dir-lock.ts): a running server holds it, so a
 * backup or restore refuses rather than read a directory being written, or pull the database
 * from under a server.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

function requireDatabase(dataDir: string) {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`there is no embedded database in ${dataDir}`);
}

/** Writes the whole database in `dataDir` to `file` (gzipped tar); answers its size in bytes. */
export async function backupEmbeddedDatabase({ dataDir, file }: { dataDir: string; file: string }): Promise<{ bytes: number }> {
  requireDatabase(dataDir);
  const lock = lockDataDir(dataDir);
  try {
    const db = await PGlite.create(dataDir);
    try {
      const dump = await db.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      // Written beside the target and renamed, so a crash never leaves half a backup under its name.
      const partial = `${file}.partial-${process.pid}`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return { bytes: bytes.byteLength };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Replaces the database in `dataDir` with the one in `file`. The backup is loaded into a new
 * directory first and checked to open; only then is the old directory moved aside (its path is
 * answered, for the operator to delete once satisfied) and the new one put in its place.
 */
export async function restoreEmbeddedDatabase({ dataDir, file, now = new Date() }: { dataDir: string; file: string; now?: Date }): Promise<{ previous: string | null }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`no backup file at ${file}`);
  const lock = lockDataDir(dataDir);
  const incoming = `${dataDir}.restoring-${process.pid}`;
  try {
    rmSync(incoming, { recursive: true, force: true });
    const blob = new Blob([readFileSync(file)]);
    let db: PGlite;
    try {
      db = await PGlite.create({ dataDir: incoming, loadDataDir: blob });
    } catch (error) {
      throw new BackupError(`${file} is not a backup of an embedded Stride database (${(error as Error).message})`);
    }
    try {
      await db.query("SELECT 1");
    } finally {
      await db.close();
    }
    let previous: string | null = null;
    if (existsSync(dataDir)) {
      previous = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      renameSync(dataDir, previous);
    }
    renameSync(incoming, dataDir);
    return { previous };
  } finally {
    rmSync(incoming, { recursive: true, force: true });
    lock.release();
  }
}
