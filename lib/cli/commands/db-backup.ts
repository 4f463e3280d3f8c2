import path from "node:path";
import { backupEmbeddedDatabase } from "../../db/backup";
import { noPositionals, parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { asCallerErrors, embeddedDataDir } from "./db-embedded";

/** `stride db backup FILE`: the embedded database to FILE; prints {"file","bytes"}. */
export async function dbBackup(args: string[], io: CliIo, dataDir: () => string = () => embeddedDataDir("db backup")): Promise<number> {
  const { positionals } = parseFlags("db backup", args, {});
  const [file, ...rest] = positionals;
  noPositionals("db backup", rest);
  if (!file) throw new UsageError("db backup: give the FILE to write the backup to");
  const target = path.resolve(file);
  const { bytes } = await asCallerErrors("db backup", () => backupEmbeddedDatabase({ dataDir: dataDir(), file: target }));
  await io.out(`${JSON.stringify({ file: target, bytes })}\n`);
  return 0;
}
