import { EngineError, type EngineErrorCode } from "../engine";
import { UsageError } from "./errors";
import type { CliIo } from "./io";
import { readTextInput } from "./read-text";

/**
 * The input of the bulk commands (DESIGN.md, "Problems"): one JSON document, pretty-printed or
 * not, or JSON Lines, one document a line.
 */
export type JsonInput = { kind: "single"; text: string } | { kind: "lines"; lines: string[] };

/** Reads FILE, or stdin for `-`, and tells one document from JSON Lines. */
export async function readJsonInput(io: CliIo, command: string, source: string, noun: string): Promise<JsonInput> {
  const text = await readTextInput(io, command, source);
  if (text.trim() === "") throw new UsageError(`${command}: no ${noun} in ${source === "-" ? "stdin" : source}`);
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines.length === 1 || isJson(text) ? { kind: "single", text } : { kind: "lines", lines };
}

/** Invalid JSON is an invalid document like any other: an EngineError with the command's code. */
export function parseJsonDocument(text: string, code: EngineErrorCode, noun: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EngineError(code, `${noun}: invalid JSON: ${(error as Error).message}`);
  }
}

/**
 * Answers JSON Lines in order, one line each; a line the engine refuses answers `{"error": …}` and
 * the rest go on. Answers are written in batches: a write per line costs more than the work.
 */
export async function answerJsonLines(io: CliIo, lines: readonly string[], answer: (line: string) => object): Promise<void> {
  let batch = "";
  for (const line of lines) {
    let result: object;
    try {
      result = answer(line);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      result = { error: error.message };
    }
    batch += `${JSON.stringify(result)}\n`;
    if (batch.length > 65_536) {
      await io.out(batch);
      batch = "";
    }
  }
  if (batch) await io.out(batch);
}

/**
 * `answerJsonLines` for a command that answers many documents at once faster than one by one
 * (`engine run` groups small ops): `answerBatch` gets the parsed documents of up to `batchSize`
 * lines and returns one answer or `EngineError` each, in order; a line that is not JSON answers
 * its error without reaching it. Batches are small: everything a batch parses, plans and answers
 * lives until its answers are written, and each young-generation collection copies what is alive.
 * On 10,000 small ops, 2,048 a batch spent 2.4× the floor's time (docs/BENCHMARKS.md, issue 13),
 * 128 a batch 2.1× (64: 2.0×, 512: 2.2×); 128 leaves ops of several shapes room to group.
 */
export async function answerJsonLinesInBatches(
  io: CliIo,
  lines: readonly string[],
  code: EngineErrorCode,
  noun: string,
  answerBatch: (documents: readonly unknown[]) => ReadonlyArray<object | EngineError>,
  batchSize = 128,
): Promise<void> {
  for (let start = 0; start < lines.length; start += batchSize) {
    const results: Array<object | EngineError> = [];
    const documents: unknown[] = [];
    const positions: number[] = [];
    for (const line of lines.slice(start, start + batchSize)) {
      try {
        documents.push(parseJsonDocument(line, code, noun));
        positions.push(results.length);
        results.push({});
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        results.push(error);
      }
    }
    const answers = answerBatch(documents);
    positions.forEach((position, k) => (results[position] = answers[k]!));
    let batch = "";
    for (const result of results) {
      batch += `${JSON.stringify(result instanceof EngineError ? { error: result.message } : result)}\n`;
    }
    await io.out(batch);
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
