import { analyze } from "../../engine";
import { zooModel, zooNames, zooSpec } from "../../engine/zoo";
import { noPositionals, parseFlags } from "../args";
import type { CliIo } from "../io";

/** One zoo model as `stride engine zoo --json` lists it. */
interface ZooEntry {
  name: string;
  origin: string;
  input: number[];
  outputShape: number[];
  totalParams: number;
  totalBuffers: number;
  totalMacs: number;
  layers: number;
  source: string;
}

/**
 * `stride engine zoo [--json]`: every model of the zoo with its input and totals, as the engine
 * computes them; `--json` one JSON array. `stride engine analyze --zoo NAME` gives one in full.
 */
export async function engineZoo(args: string[], io: CliIo): Promise<number> {
  const command = "engine zoo";
  const { values, positionals } = parseFlags(command, args, { json: { type: "boolean" } });
  noPositionals(command, positionals);
  const entries = zooNames().map((name): ZooEntry => {
    const answer = analyze(zooSpec(name));
    const model = zooModel(name);
    return {
      name,
      origin: model?.origin ?? "",
      input: answer.input,
      outputShape: answer.outputShape,
      totalParams: answer.totalParams,
      totalBuffers: answer.totalBuffers,
      totalMacs: answer.totalMacs,
      layers: answer.layers.length,
      source: model?.source ?? "",
    };
  });
  if (values.json) {
    await io.out(`${JSON.stringify(entries)}\n`);
    return 0;
  }
  const shape = (values: number[]) => `[${values.join(", ")}]`;
  const grouped = (value: number) => value.toLocaleString("en-US");
  const header = ["name", "origin", "input", "output", "params", "buffers", "MACs", "layers"];
  const rows = entries.map((entry) => [
    entry.name,
    entry.origin,
    shape(entry.input),
    shape(entry.outputShape),
    grouped(entry.totalParams),
    grouped(entry.totalBuffers),
    grouped(entry.totalMacs),
    String(entry.layers),
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  const numeric = new Set([4, 5, 6, 7]);
  const render = (row: string[]) =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  await io.out(`${table.map(render).join("\n")}\n\nstride engine analyze --zoo NAME [--table] gives one model layer by layer.\n`);
  return 0;
}
