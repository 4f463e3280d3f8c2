/**
 * A PGlite data directory belongs to one process: PGlite runs Postgres in single-user mode and
 * does not take the postmaster lock, so two processes opening the same directory would both
 * write to it and corrupt it. This lock file beside the directory makes the second one fail fast.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type DataDirLock = { release(): void };

/** Takes `<dataDir>.lock`; a lock left by a process that no longer runs is taken over. */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (isRunning(owner)) {
        throw new Error(
          `The PGlite data directory ${dataDir} is in use by process ${owner}; ` +
            `a PGlite data directory can be opened by one process at a time.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the PGlite data directory ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
