/**
 * `npm run bench -- page`: what a learner's browser loads for /review, on a local production
 * build served by `npm start`'s launcher: the first-load JavaScript (gzip, as the server sends
 * it; TensorFlow.js is loaded only after an answer is graded, so it is not part of it) and the
 * largest contentful paint, in Debian's Chromium. Goals (issue 6): ≤ 170 KB and ≤ 1.0 s.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 3105);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RUNS = 5;

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", STRIDE_DATA_DIR: dataDir, STRIDE_DEMO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    if (await fetch(`${BASE}/api/health`).then((res) => res.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not start:\n${output}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function pageLoadBench() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-bench-"));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const signIn = await context.request.post("/api/auth/sign-in/email", {
      data: { email: "learner@example.com", password: "stride-demo" },
      headers: { origin: BASE },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);

    const storageState = await context.storageState();
    await context.close();

    const bytes: number[] = [];
    const paints: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context each time, so a cold cache: what a learner's first visit costs.
      const fresh = await browser.newContext({ baseURL: BASE, storageState });
      const page = await fresh.newPage();
      const scripts = new Map<string, number>();
      page.on("response", async (response) => {
        if (response.request().resourceType() !== "script") return;
        const body = await response.body().catch(() => null);
        if (body) scripts.set(response.url(), gzipSync(body).length);
      });
      await page.goto("/review", { waitUntil: "networkidle" });
      await page.getByTestId("problem").or(page.getByTestId("notice")).or(page.getByTestId("walkthrough")).first().waitFor();
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]?.startTime ?? Number.NaN);
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      const tfjs = [...scripts.keys()].filter((url) => /tensorflow|tfjs/i.test(url));
      if (tfjs.length > 0) throw new Error(`tfjs was loaded on first load: ${tfjs.join(", ")}`);
      bytes.push([...scripts.values()].reduce((sum, n) => sum + n, 0));
      paints.push(lcp);
      await fresh.close();
    }
    const kb = median(bytes) / 1024;
    const lcp = median(paints);
    console.table([
      { measure: "/review first-load JavaScript (gzip, median of 5)", value: `${kb.toFixed(1)} KB`, goal: "≤ 170 KB" },
      { measure: "/review largest contentful paint (median of 5)", value: `${(lcp / 1000).toFixed(3)} s`, goal: "≤ 1.0 s" },
    ]);
    return { kb, lcp };
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
