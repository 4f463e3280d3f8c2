import { run } from "../../engine";
import { runMany } from "../../engine/run-batch";
import { parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { answerJsonLinesInBatches, parseJsonDocument, readJsonInput } from "../json-documents";

/**
 * `stride engine run [FILE|-]`: computes op specs (DESIGN.md, "Engine spec"), from one JSON
 * document (pretty-printed or not) or JSON Lines, one op a line, and answers each with one JSON
 * line, `{"output": …}` (batchnorm in train mode adds `running_mean` and `running_var`). A single
 * document that is invalid exits 2 with the message on stderr; in JSON Lines each invalid line
 * answers `{"error": …}` on its own line and the rest go on. The answers are `run`'s, computed
 * in batches (`runMany`).
 */
export async function engineRun(args: string[], io: CliIo): Promise<number> {
  const command = "engine run";
  const { positionals } = parseFlags(command, args, {});
  if (positionals.length > 1) throw new UsageError(`${command}: give one FILE or - (see stride --help)`);
  const input = await readJsonInput(io, command, positionals[0] ?? "-", "op");
  if (input.kind === "single") {
    await io.out(`${JSON.stringify(run(parseJsonDocument(input.text, "invalid-op", "op")))}\n`);
    return 0;
  }
  // Many lines at once: runMany computes small ops of one geometry in a single tfjs call.
  await answerJsonLinesInBatches(io, input.lines, "invalid-op", "op", runMany);
  return 0;
}
