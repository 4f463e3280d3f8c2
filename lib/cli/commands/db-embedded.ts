import path from "node:path";
import { BackupError } from "../../db/backup";
import { env } from "../../env";
import { UsageError } from "../errors";

/**
 * The embedded database's data directory, as `npm start` opens it; a PostgreSQL server
 * (DATABASE_URL) is backed up with its own tools instead.
 */
export function embeddedDataDir(command: string): string {
  const config = env();
  if (config.DATABASE_URL) {
    throw new UsageError(`${command}: DATABASE_URL names a PostgreSQL server; back it up with pg_dump and restore it with pg_restore (README, "Production deployment")`);
  }
  return path.join(path.resolve(config.STRIDE_DATA_DIR), "pglite");
}

/** A missing database, a bad file or a data directory a server holds is the caller's to fix. */
export async function asCallerErrors<T>(command: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (error instanceof BackupError) throw new UsageError(`${command}: ${message}`);
    if (/in use by process/.test(message)) throw new UsageError(`${command}: ${message} Stop the server first.`);
    throw error;
  }
}
