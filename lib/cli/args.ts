import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Flags and positionals of one command (`node:util` `parseArgs`, strict): an unknown flag or a
 * flag without its value is a `UsageError`, in one line, never a stack trace.
 */
export function parseFlags<const O extends Options>(command: string, args: string[], options: O) {
  // `--seed -1` is a bad seed, not a missing value: join a negative number to its flag.
  const joined = args.flatMap((arg, index) => {
    const previous = args[index - 1];
    if (/^-\d/.test(arg) && previous?.startsWith("--") && options[previous.slice(2)]?.type === "string") return [];
    const next = args[index + 1];
    if (next !== undefined && /^-\d/.test(next) && arg.startsWith("--") && options[arg.slice(2)]?.type === "string") {
      return [`${arg}=${next}`];
    }
    return [arg];
  });
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages go on with advice about "--"; the first sentence says what is wrong.
    const message = error instanceof Error ? (/^[^\n]*?\.(?=\s|$)/.exec(error.message)?.[0] ?? error.message) : String(error);
    throw new UsageError(`${command}: ${message} (see stride --help)`);
  }
}

/** The value of a required string flag. */
export function requireFlag(command: string, name: string, value: string | boolean | undefined): string {
  if (typeof value !== "string") throw new UsageError(`${command}: --${name} is required (see stride --help)`);
  return value;
}

/** Refuses positionals a command does not take. */
export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command}: unexpected argument ${JSON.stringify(positionals[0])} (see stride --help)`);
  }
}
