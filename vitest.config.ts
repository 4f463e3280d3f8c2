import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
/** Unit files are CPU-bound: every core, at least two (Vitest's default keeps one back). */
const UNIT_WORKERS = Math.max(2, availableParallelism());

/** What both integration projects share. */
const integration = {
  environment: "node",
  // Each file opens its own database; PGlite's first initdb takes several seconds.
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Migrates once per run; each file copies the migrated databases (support/database.ts).
  globalSetup: ["tests/integration/support/global-setup.ts"],
  // Two files at a time: each opens databases of its own (a PGlite, a fresh PostgreSQL
  // database) and most of a file's time is spent waiting on them, so a second file uses
  // the core the first leaves idle (487 s one at a time, 333 s two at a time beside the
  // production build, on two cores).
  maxWorkers: 2,
} satisfies TestProjectInlineConfiguration["test"];

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}tests/support/server-only.ts` } },
  test: {
    // Typesetting stays on the test's own thread (lib/server/workers/render-pool.ts): a render
    // thread per test file would add its start-up to each. tests/integration/render-pool.isolated.test.ts
    // runs the review cycle with the threads, and the browser journeys run the production server.
    env: { STRIDE_RENDER_THREADS: "0" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/integration/**", "tests/**/*.isolated.test.ts"],
          environment: "node",
          // The pure core has no state worth a fresh module graph per file, and importing
          // tfjs, KaTeX and the problem catalog again for each of 150 files was most of the run
          // on two cores (4.5 min isolated, under 2 without).
          isolate: false,
          setupFiles: ["tests/support/unit-setup.ts"],
          // Vitest's default leaves one core of two idle (one worker: 198 s on CI, the CPU 49 % busy);
          // two workers, each with its own module graph, took 119 s on the same machine kind.
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        extends: true,
        test: {
          // Files that replace a module (vi.mock) or count calls into a shared one need a module
          // graph of their own: name them *.isolated.test.ts.
          name: "unit-isolated",
          include: ["tests/**/*.isolated.test.ts"],
          exclude: ["tests/integration/**"],
          environment: "node",
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["tests/integration/**/*.isolated.test.ts"],
          ...integration,
          // Files share each worker's module graph, as the unit files do: importing the server
          // afresh for each of 66 files was half the stage (import 261 s of a 528 s run on two
          // cores; 43 s without). Every file opens databases of its own and passes them to the
          // code it calls, so nothing a file makes is seen by the next.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Files that replace a module (vi.mock), or set the environment before the server
          // reads it once (lib/env.ts), need a module graph of their own: name them
          // *.isolated.test.ts.
          name: "integration-isolated",
          include: ["tests/integration/**/*.isolated.test.ts"],
          ...integration,
        },
      },
    ],
  },
});
