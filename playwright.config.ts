import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL points the journeys at a server that is already running (a dev server while
// working on one page); without it, Playwright starts the production server itself.
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? `http://localhost:${port}`;
// Each run starts on an empty embedded database, so journeys see what a new user sees.
// Workers load this file again: only the main process (which starts the server) picks the folder.
const dataDir = process.env.STRIDE_E2E_DATA_DIR ?? path.resolve(".data", `e2e-${process.pid}`);
process.env.STRIDE_E2E_DATA_DIR = dataDir;

// `npm test` runs the journeys in two halves side by side, each against a server of its own
// (scripts/test-all.ts). Half 1 is named here, about half of the run's time by the durations of a
// one-worker run (2026-12-07: accessibility 210 s, take-assessments 90, crash 80, restart 66, …);
// every other journey, a new one included, is in half 2. The optimizer's job journey moved to
// half 2 on 2026-12-08 (half 1 took 923 s against 834 in CI, the job's journey 41 s). Journeys
// that start servers of their own read their ports from the environment: half 2's are 100
// higher (scripts/test-all.ts).
const FIRST_HALF = [
  "accessibility",
  "take-assessments",
  "crash",
  "restart",
  "security-headers",
  "engine-check",
  "site-shell",
  "page-error",
  "account-password",
].map((name) => `**/${name}.spec.ts`);

// Debian's Chromium (apt-get install chromium); Playwright's own download is not reachable here.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  projects: [
    { name: "half-1", testMatch: FIRST_HALF },
    { name: "half-2", testIgnore: FIRST_HALF },
  ],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    // A trace records every action's screenshots and DOM snapshots for every journey, kept only
    // when one fails. Locally that is how a failure is read; on CI nothing but the log comes back,
    // and the recording cost a fifth of the journeys' time on two cores (three specs: 1.6 min
    // without, 1.9 with, alternated; docs/BENCHMARKS.md), so CI records none unless E2E_TRACE asks.
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? (process.env.CI ? "off" : "retain-on-failure"),
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: externalServer ? undefined : {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      STRIDE_DATA_DIR: dataDir,
      NODE_ENV: "development",
      // The LMS journey's test platform is plain http on 127.0.0.1 (e2e/lti-launch.spec.ts).
      STRIDE_LTI_ALLOW_INSECURE_LOOPBACK: "1",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
