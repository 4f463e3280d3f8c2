import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Flags and positionals of one command (`node:util` `parseArgs`, strict): an unknown flag or a
 * flag without its value is a `UsageError`, in one line, never a stack trace.
 */
export function parseFlags<const O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
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
