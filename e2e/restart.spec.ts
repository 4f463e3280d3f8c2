import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LEARNER, snap, solveConvOutputSize } from "./support";

// A server of its own (the shared one must keep running), on its own port and data directory.
const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const BASE = `http://localhost:${PORT}`;

async function portIsFree(): Promise<boolean> {
  return fetch(`${BASE}/api/health`).then(
    () => false,
    () => true,
  );
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  if (!(await portIsFree())) throw new Error(`port ${PORT} is taken; set E2E_RESTART_PORT to another`);
  // What `npm start` runs, in its own process group so that a stop reaches all of it.
  // --no-build: the shared server of the run serves the same build; never rebuild it under that server.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", STRIDE_DATA_DIR: dataDir, NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${BASE}/api/health`).then((res) => res.ok, () => false);
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become healthy:\n${output}`);
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    process.kill(-child.pid!, "SIGTERM");
  });
}

test("stopping the server with SIGTERM and starting it again keeps every review and the session", async ({ page }) => {
  // Two starts of up to 180 s each on a busy machine, and the journey between them.
  test.setTimeout(420_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-restart-"));
  let server = await startServer(dataDir);
  try {
    await page.goto(`${BASE}/sign-in`);
    await page.getByLabel(/email/i).fill(LEARNER.email);
    await page.getByLabel(/password/i).fill(LEARNER.password);
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await expect(page).toHaveURL(/\/review/);
    await page.goto(`${BASE}/practice?template=conv.output-size`);
    const [c, h, w] = await solveConvOutputSize(page);
    const typed = `(${c}, ${h}, ${w})`;
    await page.getByLabel(/your answer/i).fill(typed);
    await page.getByRole("button", { name: /check answer/i }).click();
    await expect(page.getByTestId("result")).toHaveAttribute("data-verdict", "correct");

    expect(await stopServer(server)).toBe(0);
    server = await startServer(dataDir);

    // Same browser, same cookie: the session and the review are both still there.
    await page.goto(`${BASE}/progress`);
    await expect(page).toHaveURL(/\/progress/);
    await expect(page.getByTestId("history-row").first()).toContainText(typed);
    await snap(page, "11-after-restart");
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
