/**
 * `npm test`: lint, types, unit, integration and browser tests, stopping at the first stage that
 * fails. Two stages run beside another because each leaves a core idle on the 2-core machines CI
 * uses: ESLint and the type check are one thread each, and the integration tests spend much of
 * their time waiting on their databases while the production build that the browser journeys
 * serve (`scripts/start.ts --build-only`) can use the CPU. The build would otherwise run at the
 * journeys' start, with nothing beside it. Each stage's own script stays runnable alone (`npm run test:unit`, …).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";

type Step = { name: string; command: string[]; env?: Record<string, string> };
type Outcome = { name: string; code: number; seconds: number; busy: number | null; tail: string[]; env?: Record<string, string> };

// CI keeps only the end of the log, and two steps side by side interleave theirs: a failure the
// first step printed scrolls away under the second's output and the browser servers' request logs.
// The summary prints again the last lines of what each failed step said itself.
const TAIL_LINES = 150;
const SERVER_LOG = /^\[WebServer\] /;

/** The machine's busy and total CPU time so far (Linux's /proc/stat, in clock ticks); null elsewhere. */
function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** How busy the whole machine was between two readings, 0 … 1 (what tells a stage that waits from one that computes). */
function busyBetween(start: ReturnType<typeof cpuTicks>, end: ReturnType<typeof cpuTicks>): number | null {
  if (!start || !end || end.total === start.total) return null;
  return (end.busy - start.busy) / (end.total - start.total);
}

const root = path.resolve(import.meta.dirname, "..");
const npm = (script: string): string[] => ["npm", "run", "--silent", script];

// A server the journeys are pointed at (E2E_BASE_URL) serves its own build.
const buildForJourneys: Step[] = process.env.E2E_BASE_URL
  ? []
  : [{ name: "build", command: [process.execPath, "--import", "tsx", "scripts/start.ts", "--build-only"] }];

/**
 * The journeys in their two halves (playwright.config.ts), side by side, each against a server,
 * ports and database of its own: much of a journey is waiting (for a page, a minute-long exam,
 * a restarted server), so two at a time use the cores that one leaves idle. A server pointed at
 * by E2E_BASE_URL is one server, so the halves then run one after the other in one process.
 */
const journeys: Step[] = process.env.E2E_BASE_URL
  ? [{ name: "e2e", command: npm("test:e2e") }]
  : [1, 2].map((half) => ({
      name: `e2e-${half}`,
      command: ["npx", "playwright", "test", `--project=half-${half}`],
      env: journeyPorts(half),
    }));

/** Half 1 keeps the default ports (3100 and the own-server journeys' 3101, 3102, 3167, 3173); half 2 adds 100. */
function journeyPorts(half: number): Record<string, string> {
  const offset = (half - 1) * 100;
  return {
    E2E_PORT: String(3100 + offset),
    E2E_RESTART_PORT: String(3101 + offset),
    E2E_ACCOUNT_PORT: String(3167 + offset),
    E2E_PAGE_ERROR_PORT: String(3173 + offset),
    E2E_OUTPUT_DIR: `test-results/artifacts-${half}`,
  };
}

const stages: Step[][] = [
  [{ name: "lint", command: npm("lint") }, { name: "types", command: npm("typecheck") }],
  [{ name: "unit", command: npm("test:unit") }],
  [{ name: "integration", command: npm("test:integration") }, ...buildForJourneys],
  journeys,
];

/** Runs one step; beside another, each line it prints starts with its name so the two can be told apart. */
function run(step: Step, prefixed: boolean): Promise<Outcome> {
  const started = performance.now();
  const [command, ...args] = step.command;
  const child = spawn(command!, args, { cwd: root, env: { ...process.env, ...step.env }, stdio: prefixed ? ["ignore", "pipe", "pipe"] : "inherit" });
  const tail: string[] = [];
  const keep = (line: string) => {
    if (SERVER_LOG.test(line)) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  if (prefixed) {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let pending = "";
      stream!.setEncoding("utf8");
      stream!.on("data", (chunk: string) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop()!;
        for (const line of lines) {
          out.write(`[${step.name}] ${line}\n`);
          keep(line);
        }
      });
      stream!.on("end", () => {
        if (!pending) return;
        out.write(`[${step.name}] ${pending}\n`);
        keep(pending);
      });
    }
  }
  const ticks = cpuTicks();
  return new Promise((resolve) => {
    const finish = (code: number) =>
      resolve({ name: step.name, code, seconds: (performance.now() - started) / 1000, busy: busyBetween(ticks, cpuTicks()), tail, env: step.env });
    child.on("error", (error) => {
      process.stderr.write(`[${step.name}] could not start: ${error.message}\n`);
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

const outcomes: Outcome[] = [];
let failed = false;
for (const stage of stages) {
  console.log(`\n==> ${stage.map((step) => step.name).join(" + ")}`);
  const results = await Promise.all(stage.map((step) => run(step, stage.length > 1)));
  outcomes.push(...results);
  if (results.some((result) => result.code !== 0)) {
    failed = true;
    break;
  }
}

/**
 * What a failed journey's page showed when it failed (Playwright's error-context.md: the error and
 * the page's accessibility snapshot). CI returns no files, and a test that times out while it
 * waits outside Playwright's own calls prints no more than "Test timeout exceeded".
 */
function failedPageSnapshots(outputDir: string): string[] {
  const folder = path.resolve(root, outputDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "error-context.md")
    .sort()
    .slice(0, SNAPSHOTS_SHOWN)
    .map((file) => {
      const lines = readFileSync(path.join(folder, file), "utf8").split("\n");
      const from = Math.max(0, lines.findIndex((line) => line.startsWith("# Test info")));
      const shown = lines.slice(from, from + SNAPSHOT_LINES);
      return [`--- ${path.join(outputDir, file)}`, ...shown, ...(lines.length - from > SNAPSHOT_LINES ? ["(cut)"] : [])].join("\n");
    });
}
const SNAPSHOTS_SHOWN = 4;
const SNAPSHOT_LINES = 120;

for (const { name, code, tail, env } of outcomes) {
  if (code === 0) continue;
  if (tail.length > 0) {
    console.log(`\n==> ${name} failed; the last ${tail.length} lines it printed (the servers' request logs left out):`);
    for (const line of tail) console.log(`[${name}] ${line}`);
  }
  const snapshots = env?.E2E_OUTPUT_DIR ? failedPageSnapshots(env.E2E_OUTPUT_DIR) : [];
  if (snapshots.length > 0) console.log(`\n==> ${name}: what the failed journeys' pages showed\n${snapshots.join("\n")}`);
}

console.log("\n==> npm test, stage by stage");
for (const { name, code, seconds, busy } of outcomes) {
  const load = busy === null ? "" : `, CPU ${Math.round(busy * 100)} % busy meanwhile`;
  console.log(`${name.padEnd(12)} ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s${load}`);
}
const skipped = stages.flat().slice(outcomes.length).map((step) => step.name);
if (skipped.length > 0) console.log(`not run after the failure: ${skipped.join(", ")}`);
process.exit(failed ? 1 : 0);
