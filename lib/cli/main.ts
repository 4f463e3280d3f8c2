import { HELP } from "./help";
import { type CliIo, processIo } from "./io";
import { UsageError } from "./errors";

/**
 * Errors whose message is for the caller: unknown template, bad seed, invalid spec, bad flags. A
 * template that produced an invalid variant (ProblemError "invalid-variant") is our bug instead.
 */
const CALLER_ERRORS = new Set(["UsageError", "ProblemError", "EngineError"]);

/**
 * Runs one `stride` command and returns its exit status: 0 done, 2 the caller's mistake (one line
 * on stderr), 1 our bug (one line; the stack only with STRIDE_DEBUG=1). Command modules load on
 * demand, so `--help` does not wait for TensorFlow.js.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
    const questionError = (error as { code?: unknown }).code === "invalid-variant";
    if (CALLER_ERRORS.has(name) && !questionError) {
      io.err(`stride: ${message}`);
      return 2;
    }
    io.err(`stride: internal error: ${message}`);
    if (process.env.STRIDE_DEBUG === "1" && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === undefined) {
    io.err(HELP);
    return 2;
  }
  if (command === "--help" || command === "-h" || command === "help" || sub === "--help" || sub === "-h") {
    await io.out(HELP);
    return 0;
  }
  if (command === "problems" && sub === "sample") return (await import("./commands/problems-sample")).problemsSample(rest, io);
  if (command === "problems" && sub === "list") return (await import("./commands/problems-list")).problemsList(rest, io);
  if (command === "grade") return (await import("./commands/grade")).gradeCommand(argv.slice(1), io);
  if (command === "engine" && sub === "analyze") return (await import("./commands/engine-analyze")).engineAnalyze(rest, io);
  if (command === "engine" && sub === "zoo") return (await import("./commands/engine-zoo")).engineZoo(rest, io);
  if (command === "engine" && sub === "run") return (await import("./commands/engine-run")).engineRun(rest, io);
  if (command === "bank" && sub === "export") return (await import("./commands/bank-export")).bankExport(rest, io);
  if (command === "bank" && sub === "import") return (await import("./commands/bank-import")).bankImport(rest, io);
  if (command === "bank" && sub === "validate") return (await import("./commands/bank-validate")).bankValidate(rest, io);
  if (command === "db" && sub === "backup") return (await import("./commands/db-backup")).dbBackup(rest, io);
  if (command === "db" && sub === "restore") return (await import("./commands/db-restore")).dbRestore(rest, io);
  if (command === "lti") {
    const [verb, ...flags] = rest;
    if (sub === "platform" && verb === "add") return (await import("./commands/lti-platform")).ltiPlatformAdd(flags, io);
    if (sub === "platform" && verb === "list") return (await import("./commands/lti-platform")).ltiPlatformList(flags, io);
    if (sub === "platform" && verb === "remove") return (await import("./commands/lti-platform")).ltiPlatformRemove(flags, io);
    if (sub === "platform" && verb === "add-deployment") return (await import("./commands/lti-platform")).ltiPlatformAddDeployment(flags, io);
    if (sub === "key" && verb === "rotate") return (await import("./commands/lti-key-rotate")).ltiKeyRotate(flags, io);
    if (sub === "token" && verb === "create") return (await import("./commands/lti-token")).ltiTokenCreate(flags, io);
    throw new UsageError(`unknown command "${["lti", sub, verb].filter(Boolean).join(" ")}" (see stride --help)`);
  }
  if (command === "admin" && sub === "add") return (await import("./commands/admin-add")).adminAdd(rest, io);
  const name = ["problems", "engine", "bank", "db", "admin"].includes(command) ? `${command} ${sub ?? ""}`.trim() : command;
  throw new UsageError(`unknown command "${name}" (see stride --help)`);
}

/** The entry point `bin/stride.mjs` calls. */
export function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo());
}
