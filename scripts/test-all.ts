/**
 * `npm test`: lint, types, unit, integration and browser tests, stopping at the first stage that
 * fails. Two stages run beside another because each leaves a core idle on the 2-core machines CI
 * uses: ESLint and the type check are one thread each, and the integration tests spend much of
 * their time waiting on their databases while the production build that the browser journeys
 * serve (`scripts/start.ts --build-only`) can use the CPU. The build would otherwise run at the
 * journeys' start, with nothing beside it. Each stage's own script stays runnable alone (`npm run test:unit`, …).
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import path from "node:path";

type Step = { name: string; command: string[] };
type Outcome = { name: string; code: number; seconds: number };

const root = path.resolve(import.meta.dirname, "..");
const npm = (script: string): string[] => ["npm", "run", "--silent", script];

// A server the journeys are pointed at (E2E_BASE_URL) serves its own build.
const buildForJourneys: Step[] = process.env.E2E_BASE_URL
  ? []
  : [{ name: "build", command: [process.execPath, "--import", "tsx", "scripts/start.ts", "--build-only"] }];

const stages: Step[][] = [
  [{ name: "lint", command: npm("lint") }, { name: "types", command: npm("typecheck") }],
  [{ name: "unit", command: npm("test:unit") }],
  [{ name: "integration", command: npm("test:integration") }, ...buildForJourneys],
  [{ name: "e2e", command: npm("test:e2e") }],
];

/** Runs one step; beside another, each line it prints starts with its name so the two can be told apart. */
function run(step: Step, prefixed: boolean): Promise<Outcome> {
  const started = performance.now();
  const [command, ...args] = step.command;
  const child = spawn(command!, args, { cwd: root, env: process.env, stdio: prefixed ? ["ignore", "pipe", "pipe"] : "inherit" });
  if (prefixed) {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let pending = "";
      stream!.setEncoding("utf8");
      stream!.on("data", (chunk: string) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop()!;
        for (const line of lines) out.write(`[${step.name}] ${line}\n`);
      });
      stream!.on("end", () => {
        if (pending) out.write(`[${step.name}] ${pending}\n`);
      });
    }
  }
  return new Promise((resolve) => {
    const finish = (code: number) => resolve({ name: step.name, code, seconds: (performance.now() - started) / 1000 });
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

console.log("\n==> npm test, stage by stage");
for (const { name, code, seconds } of outcomes) console.log(`${name.padEnd(12)} ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`);
const skipped = stages.flat().slice(outcomes.length).map((step) => step.name);
if (skipped.length > 0) console.log(`not run after the failure: ${skipped.join(", ")}`);
process.exit(failed ? 1 : 0);
