/**
 * `npm run bench -- page`: what a learner's browser loads for /review, on a local production
 * build served by `npm start`'s launcher: the first-load JavaScript (gzip, as the server sends
 * it; TensorFlow.js is loaded only after an answer is graded, so it is not part of it) and the
 * largest contentful paint, in Debian's Chromium. Goals (issue 6): ≤ 170 KB and ≤ 1.0 s.
 * Then how long a graded answer waits in the browser: from the server's answer to review.submit
 * to the result on screen (the learner answers as a person would: types, waits, checks).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

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

/** Clicks "Check answer", having asked the page to note the moment a result enters the document; waits for the result or a format error. */
async function checkAnswer(page: Page): Promise<void> {
  // Noted in the page the moment the result is in the document, not when a poll finds it.
  await page.evaluate(() => {
    const mark = window as unknown as { resultShownAt?: number };
    delete mark.resultShownAt;
    const observer = new MutationObserver(() => {
      if (!document.querySelector("[data-testid=result]")) return;
      mark.resultShownAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("button", { name: "Check answer" }).click();
  await page.getByTestId("result").or(page.getByTestId("format-error")).first().waitFor();
}

/**
 * For each of RUNS answers of the demo learner: milliseconds from the end of review.submit's
 * response to the result panel on screen. A person types for a while before checking; so does this.
 */
async function gradeShownAfterAnswer(browser: Browser, storageState: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<number[]> {
  const context = await browser.newContext({ baseURL: BASE, storageState });
  const page = await context.newPage();
  const shown: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto("/review", { waitUntil: "networkidle" });
      await page.getByTestId("problem").waitFor();
      const text = page.getByRole("textbox").first();
      if (await text.count()) {
        // A shape is written C×H×W; any other answer here takes a number.
        const shape = /C×H×W/.test(await page.getByTestId("problem").locator("..").innerText());
        await text.pressSequentially(shape ? "1x1x1" : "7", { delay: 120 });
      } else {
        // A choice (radio or checkbox) or true/false (buttons in the role of radios).
        await page.locator("[data-testid=answer-options] input, [data-testid=answer-boolean] [role=radio]").first().click();
      }
      await page.waitForTimeout(1_000);
      await checkAnswer(page);
      // A guess in the wrong form (a number for a matrix) is a format error, which costs nothing:
      // the learner then writes the example the message gives, which has the right form.
      if (await page.getByTestId("format-error").isVisible()) {
        const example = (await page.getByTestId("format-error").locator("code").first().innerText()).trim();
        await text.fill("");
        await text.pressSequentially(example, { delay: 120 });
        await page.waitForTimeout(1_000);
        await checkAnswer(page);
      }
      await page.getByTestId("result").waitFor();
      const { answeredAt, shownAt } = await page.evaluate(() => ({
        answeredAt: (performance.getEntriesByType("resource").filter((entry) => entry.name.includes("review.submit")).at(-1) as PerformanceResourceTiming).responseEnd,
        shownAt: (window as unknown as { resultShownAt: number }).resultShownAt,
      }));
      shown.push(shownAt - answeredAt);
    }
  } finally {
    await context.close();
  }
  return shown;
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
    const shown = await gradeShownAfterAnswer(browser, storageState);
    console.table([
      { measure: "/review first-load JavaScript (gzip, median of 5)", value: `${kb.toFixed(1)} KB`, goal: "≤ 170 KB" },
      { measure: "/review largest contentful paint (median of 5)", value: `${(lcp / 1000).toFixed(3)} s`, goal: "≤ 1.0 s" },
      { measure: `/review grade on screen after the server's answer (median of ${shown.length})`, value: `${Math.round(median(shown))} ms`, goal: "" },
    ]);
    return { kb, lcp, gradeShownMs: median(shown) };
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
