import { UsageError } from "./errors";
import type { CliIo } from "./io";

/**
 * The text of FILE, or of stdin for `-`. A file that cannot be read is the caller's mistake, so
 * every command answers it alike: `<command>: cannot read <path>: ENOENT`, exit 2.
 */
export async function readTextInput(io: CliIo, command: string, source: string): Promise<string> {
  if (source === "-") return io.readStdin();
  try {
    return await io.readFile(source);
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
