import path from "node:path";
import { restoreEmbeddedDatabase } from "../../db/backup";
import { noPositionals, parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { asCallerErrors, embeddedDataDir } from "./db-embedded";

/**
 * `stride db restore FILE`: replaces the embedded database with a backup; prints
 * {"restored","previous"}, where `previous` is where the replaced database was moved.
 */
export async function dbRestore(args: string[], io: CliIo, dataDir: () => string = () => embeddedDataDir("db restore")): Promise<number> {
  const { positionals } = parseFlags("db restore", args, {});
  const [file, ...rest] = positionals;
  noPositionals("db restore", rest);
  if (!file) throw new UsageError("db restore: give the backup FILE to restore");
  const source = path.resolve(file);
  const { previous } = await asCallerErrors("db restore", () => restoreEmbeddedDatabase({ dataDir: dataDir(), file: source }));
  await io.out(`${JSON.stringify({ restored: source, previous })}\n`);
  return 0;
}
