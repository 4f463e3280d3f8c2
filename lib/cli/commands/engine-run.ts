import { EngineError, run } from "../../engine";
import { parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";

/**
 * `stride engine run [FILE|-]`: computes op specs (DESIGN.md, "Engine spec"), from one JSON
 * document (pretty-printed or not) or JSON Lines, one op a line, and answers each with one JSON
 * line, `{"output": …}` (batchnorm in train mode adds `running_mean` and `running_var`). A single
 * document that is invalid exits 2 with the message on stderr; in JSON Lines each invalid line
 * answers `{"error": …}` on its own line and the rest go on.
 */
export async function engineRun(args: string[], io: CliIo): Promise<number> {
  const command = "engine run";
  const { positionals } = parseFlags(command, args, {});
  if (positionals.length > 1) throw new UsageError(`${command}: give one FILE or - (see stride --help)`);
  const source = positionals[0] ?? "-";
  const text = source === "-" ? await io.readStdin() : await readSource(io, source);
  if (text.trim() === "") throw new UsageError(`${command}: no op in ${source === "-" ? "stdin" : source}`);

  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 1 || isJson(text)) {
    await io.out(`${JSON.stringify(run(parseJson(text)))}\n`);
    return 0;
  }
  // One write per batch of answers: a write per line would cost more than the ops themselves.
  let batch = "";
  for (const line of lines) {
    let answer: object;
    try {
      answer = run(parseJson(line));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      answer = { error: error.message };
    }
    batch += `${JSON.stringify(answer)}\n`;
    if (batch.length > 65_536) {
      await io.out(batch);
      batch = "";
    }
  }
  if (batch) await io.out(batch);
  return 0;
}

async function readSource(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new UsageError(`engine run: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Invalid JSON is an invalid op like any other. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EngineError("invalid-op", `op: invalid JSON: ${(error as Error).message}`);
  }
}
