/**
 * Bulk CLI throughput (issue 4, item 7): 10,000 JSON Lines specs into `stride engine analyze -`
 * and 10,000 JSON Lines ops into `stride engine run -`, wall time with the process start
 * included (median of 3 runs), beside a plain-Python reference (bench/reference.py) on the
 * same lines. The CLI is timed as `node bin/stride.mjs` (the bundle, .stride-cli/, when current),
 * with STRIDE_CLI_BUNDLE=0 (the sources through tsx, as before the bundle) and once through npx.
 *
 * The floor (issue 13): a node script that only reads the same lines from stdin, parses each,
 * and writes the CLI's own answers, serialised with JSON.stringify, one line each: what any
 * process answering these lines must spend. It loads the answer objects from a file before it
 * reads stdin and reports how long that took, which is taken off its time. The CLI and the floor
 * run alternately (the median of 5 each), so a machine's load falls on both alike.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./engine";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/stride.mjs");
const LINES = 10_000;

/** Small CNNs of varying sizes, as a quiz generator would send (seeded by the line number). */
function specLine(i: number): string {
  const size = 16 + (i % 48);
  const filters = 4 + (i % 13);
  return JSON.stringify({
    input: [1 + (i % 3), size, size],
    layers: [
      { type: "conv2d", filters, kernel: 3 + 2 * (i % 2), padding: 1 + (i % 2) },
      { type: "relu" },
      { type: "maxpool2d", kernel: 2 },
      { type: "conv2d", filters: 2 * filters, kernel: 3, stride: 1 + (i % 2) },
      { type: "relu" },
      { type: "flatten" },
      { type: "dense", units: 10 + (i % 90) },
    ],
  });
}

function opLine(i: number): string {
  const cell = (r: number, c: number, m: number) => ((i + 3 * r + 7 * c) % m) - Math.floor(m / 2);
  return JSON.stringify({
    op: "corr2d",
    input: Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => cell(r, c, 11))),
    kernel: Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => cell(r, c, 5))),
  });
}

interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs a command with a file on stdin; wall time from spawn to exit. */
function timed(command: string, args: string[], stdinFile: string, env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: [openSync(stdinFile, "r"), "pipe", "pipe"] });
    const { stdout, stderr: errors } = child;
    if (!stdout || !errors) throw new Error("spawn gave no pipes");
    const out: Buffer[] = [];
    let stderr = "";
    stdout.on("data", (chunk: Buffer) => out.push(chunk));
    errors.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, stdout: Buffer.concat(out).toString("utf8"), stderr, code }));
  });
}

/** The floor: parse every input line, write the given answers; stderr: ms spent loading them. */
const FLOOR_SCRIPT = `
import { readFileSync } from "node:fs";
const started = performance.now();
const answers = readFileSync(process.argv[2], "utf8").split("\\n").filter(Boolean).map((line) => JSON.parse(line));
const setup = performance.now() - started;
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const lines = Buffer.concat(chunks).toString("utf8").split(/\\r?\\n/).filter((line) => line.trim() !== "");
let out = "";
for (let i = 0; i < lines.length; i++) {
  JSON.parse(lines[i]);
  out += JSON.stringify(answers[i]) + "\\n";
}
process.stdout.write(out);
process.stderr.write(String(setup));
`;

/** The CLI against the floor on the same lines, alternately; rows for both and their ratio. */
async function floorRows(command: "analyze" | "run", file: string, dir: string, goal: number): Promise<BenchRow[]> {
  const floor = path.join(dir, "floor.mjs");
  const answers = path.join(dir, `${command}-answers.jsonl`);
  writeFileSync(floor, FLOOR_SCRIPT);
  const reference = await timed(process.execPath, [BIN, "engine", command, "-"], file);
  writeFileSync(answers, reference.stdout);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    cli.push((await timed(process.execPath, [BIN, "engine", command, "-"], file)).ms);
    const result = await timed(process.execPath, [floor, answers], file);
    if (result.code !== 0 || result.stdout !== reference.stdout) throw new Error("the floor script did not write the CLI's answers");
    bare.push(result.ms - Number(result.stderr));
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratio = middle(cli) / middle(bare);
  const label = `${LINES.toLocaleString("en-US")} ${command === "run" ? "ops" : "specs"}`;
  return [
    { task: `${label} | floor: node reads, parses and writes the same lines`, figure: `${Math.round(middle(bare))} ms`, goal: "", note: "median of 5" },
    { task: `${label} | node bin/stride.mjs engine ${command} - ÷ floor`, figure: `${ratio.toFixed(2)}× (${Math.round(middle(cli))} ms)`, goal: `≤ ${goal}×`, note: ratio <= goal ? "met" : "not met" },
  ];
}

async function median(runs: number, once: () => Promise<Timed>): Promise<Timed> {
  const results: Timed[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)]!;
}

/** A row for one timed command, after checking it answered every line and how many were errors. */
function row(task: string, result: Timed, goal: string, note = ""): BenchRow {
  const lines = result.stdout.split("\n").filter((line) => line !== "");
  if (result.code !== 0 || lines.length !== LINES) {
    const why = result.stderr.trim().split("\n").pop() ?? "";
    return { task, figure: "not available yet", goal, note: `exit ${result.code}, ${lines.length} lines; ${why}`.slice(0, 160) };
  }
  const errors = lines.filter((line) => line.startsWith('{"error"')).length;
  const rate = (LINES / result.ms) * 1000;
  return {
    task,
    figure: `${Math.round(rate).toLocaleString("en-US")} lines/s (${Math.round(result.ms)} ms)`,
    goal,
    note: [note, errors > 0 ? `${errors} error lines` : ""].filter(Boolean).join("; "),
  };
}

function hasPython(): string | null {
  for (const python of ["python3", "/usr/bin/python3"]) {
    if (spawnSync(python, ["--version"]).status === 0) return python;
  }
  return null;
}

export async function cliBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stride-bench-"));
  const specs = path.join(dir, "specs.jsonl");
  const ops = path.join(dir, "ops.jsonl");
  const one = path.join(dir, "one.json");
  writeFileSync(specs, Array.from({ length: LINES }, (_, i) => specLine(i)).join("\n") + "\n");
  writeFileSync(ops, Array.from({ length: LINES }, (_, i) => opLine(i)).join("\n") + "\n");
  writeFileSync(one, specLine(0));
  const rows: BenchRow[] = [];
  const sources = { ...process.env, STRIDE_CLI_BUNDLE: "0" };
  const goal = "≥ 20,000 lines/s";

  // The first call rebuilds the bundle if a source changed since the last build.
  await timed(process.execPath, [BIN, "engine", "analyze", "-"], one);
  const start = await median(5, () => timed(process.execPath, [BIN, "engine", "analyze", "-"], one));
  const startSources = await median(3, () => timed(process.execPath, [BIN, "engine", "analyze", "-"], one, sources));
  rows.push({ task: "CLI start: one spec, node bin/stride.mjs engine analyze - (bundle)", figure: `${Math.round(start.ms)} ms`, goal: "", note: "" });
  rows.push({ task: "CLI start: one spec, STRIDE_CLI_BUNDLE=0 (sources through tsx)", figure: `${Math.round(startSources.ms)} ms`, goal: "", note: "" });

  for (const [command, file, label] of [["analyze", specs, "specs"], ["run", ops, "ops"]] as const) {
    const bundled = await median(3, () => timed(process.execPath, [BIN, "engine", command, "-"], file));
    rows.push(row(`${LINES.toLocaleString("en-US")} ${label} | node bin/stride.mjs engine ${command} - (bundle)`, bundled, goal));
    const slow = await median(3, () => timed(process.execPath, [BIN, "engine", command, "-"], file, sources));
    rows.push(row(`${LINES.toLocaleString("en-US")} ${label} | STRIDE_CLI_BUNDLE=0 … engine ${command} - (sources through tsx)`, slow, goal));
    const npx = await timed("npx", ["stride", "engine", command, "-"], file);
    rows.push(row(`${LINES.toLocaleString("en-US")} ${label} | npx stride engine ${command} - (one run)`, npx, goal, "npx itself costs most of a second"));
  }

  rows.push(...(await floorRows("analyze", specs, dir, 1.5)));
  rows.push(...(await floorRows("run", ops, dir, 2.5)));

  const python = hasPython();
  for (const [mode, file, label] of [["analyze", specs, "specs"], ["run", ops, "ops"]] as const) {
    if (!python) {
      rows.push({ task: `Python reference, ${label}`, figure: "not available (no python3)", goal: "", note: "" });
      continue;
    }
    const result = await median(3, () => timed(python, [path.join(ROOT, "bench/reference.py"), mode], file));
    rows.push(row(`${LINES.toLocaleString("en-US")} ${label} | python3 bench/reference.py ${mode} (plain Python)`, result, "", "yardstick"));
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
