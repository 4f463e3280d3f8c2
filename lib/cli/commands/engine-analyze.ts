import { type Analysis, analyze } from "../../engine";
import { zooSpec } from "../../engine/zoo";
import { parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { answerJsonLines, parseJsonDocument, readJsonInput } from "../json-documents";

/**
 * `stride engine analyze [FILE|-] [--table]`: one JSON document (pretty-printed or not), or JSON
 * Lines, one spec a line; `--zoo NAME` analyses a model of the zoo instead of reading a spec.
 * The answer is JSON (DESIGN.md's contract, which other programs read); `--table` prints a single
 * document's answer as a table a person reads instead. A single document that is invalid exits 2;
 * in JSON Lines each invalid line answers `{"error": …}` on its own line and the rest go on.
 */
export async function engineAnalyze(args: string[], io: CliIo): Promise<number> {
  const command = "engine analyze";
  const { values, positionals } = parseFlags(command, args, {
    json: { type: "boolean" },
    table: { type: "boolean" },
    zoo: { type: "string" },
  });
  if (positionals.length > 1) throw new UsageError(`${command}: give one FILE or - (see stride --help)`);
  if (values.zoo !== undefined) {
    if (positionals.length > 0) throw new UsageError(`${command}: give either --zoo NAME or a FILE, not both`);
    const answer = analyze(zooSpec(values.zoo));
    await io.out(values.table ? humanAnalysis(answer) : `${JSON.stringify(answer)}\n`);
    return 0;
  }
  const input = await readJsonInput(io, command, positionals[0] ?? "-", "spec");
  if (input.kind === "single") {
    const answer = analyze(parseJsonDocument(input.text, "invalid-spec", "spec"));
    await io.out(values.table ? humanAnalysis(answer) : `${JSON.stringify(answer)}\n`);
    return 0;
  }
  await answerJsonLines(io, input.lines, (line) => analyze(parseJsonDocument(line, "invalid-spec", "spec")));
  return 0;
}

/** Bytes as a person reads them: 60008 → "58.6 KiB". */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** How deep a path is nested: one level per composite it lies in (`"3.body.0"` is 1). */
function depthOf(path: string): number {
  return path.match(/\.(?:layers|body|shortcut|branches\.\d+)\./g)?.length ?? 0;
}

/**
 * A table a person reads, like torchinfo's summary: one row per layer (nested layers indented
 * under their composite, a layer's `name` beside its type), with `values` the number of values
 * in its output (`outputElements`), then the totals.
 */
function humanAnalysis(answer: Analysis): string {
  const shape = (values: number[]) => `[${values.join(", ")}]`;
  const axes = (values: number[]) => (values.length > 0 ? values.map((value) => +value.toFixed(3)).join("x") : "-");
  const header = ["path", "type", "output", "values", "params", "MACs", "connections", "RF", "jump"];
  const rows = answer.layers.map((layer) => [
    `${"  ".repeat(depthOf(layer.path))}${layer.path}`,
    layer.name === undefined ? layer.type : `${layer.type} (${layer.name})`,
    shape(layer.outputShape),
    // A composite's output is counted through its children (DESIGN.md): shown in parentheses.
    layer.subtreeParams === undefined ? String(layer.outputElements) : `(${layer.outputElements})`,
    String(layer.params),
    String(layer.macs),
    String(layer.connections),
    axes(layer.receptiveField),
    axes(layer.jump),
  ]);
  const total = ["total", "", shape(answer.outputShape), String(answer.totalOutputElements), String(answer.totalParams), String(answer.totalMacs), String(answer.totalConnections), "", ""];
  const table = [header, ...rows, total];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  const render = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [
    `input ${shape(answer.input)} → output ${shape(answer.outputShape)}`,
    "",
    ...table.map(render),
    "",
    `params ${answer.totalParams}, buffers ${answer.totalBuffers}, MACs ${answer.totalMacs}, connections ${answer.totalConnections}`,
    `output values ${answer.totalOutputElements} (${formatBytes(answer.totalOutputBytes)} in float32, kept for backpropagation)`,
    "",
  ].join("\n");
}
