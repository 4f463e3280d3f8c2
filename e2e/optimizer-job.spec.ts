import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db";
import { writeOptimizableHistory } from "../tests/integration/support/optimizer-history";
import { createPostgresDatabase, postgresAvailable, startServer, stopServer, type ServerProcess } from "./server-process";

const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);

/**
 * "Optimise my parameters" as a learner sees it: the request enqueues a background job (pg-boss),
 * the page follows it to done and shows the log loss before and after, in English and Chinese.
 * On a server of its own on PostgreSQL, so the 480-review history can be written straight into
 * the database (support/optimizer-history.ts), as the review flow would have.
 */
test("the optimizer runs as a background job that the settings page follows to the log losses", async ({ page }) => {
  test.skip(!postgresAvailable, "skipped because STRIDE_SKIP_POSTGRES=1 says no PostgreSQL server is there (README)");
  test.setTimeout(300_000);
  const database = await createPostgresDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "stride-optimizer-"));
  let server: ServerProcess | undefined;
  const prisma = createPrismaClient({ url: database.url, kind: "postgres" });
  try {
    server = await startServer({ port: PORT, env: { DATABASE_URL: database.url, STRIDE_DATA_DIR: dataDir, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") } });
    const email = `optimizer-${Date.now()}@example.com`;
    const signUp = await page.request.post(`${server.base}/api/auth/sign-up/email`, {
      data: { email, password: "optimizer-1", name: "Optimising Learner" },
      headers: { origin: server.base },
    });
    expect(signUp.ok(), await signUp.text()).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await writeOptimizableHistory(prisma, user.id);

    await page.goto(`${server.base}/settings`);
    await expect(page.getByTestId("optimizer-reviews")).toContainText("480");
    await expect(page.getByTestId("optimizer-job")).toHaveCount(0);
    await page.getByTestId("optimize").click();
    const job = page.getByTestId("optimizer-job");
    // Queued or already running, then done: the page polls while the job waits or runs.
    await expect(job).toHaveAttribute("data-state", /queued|running|done/);
    await expect(job).toHaveAttribute("data-state", "done", { timeout: 60_000 });
    await expect(job).toContainText(/^Optimised /);
    const losses = page.getByTestId("log-loss");
    await expect(losses).toContainText("Log loss, default parameters");
    await expect(losses).toContainText("Log loss, your parameters");
    // The history was written so that the fit beats the defaults: the learner's own parameters are in use.
    await expect(losses).toContainText(/Your own parameters are in use/);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.fsrsLogLossAfter!).toBeLessThan(stored.fsrsLogLossBefore!);

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: server.base }]);
    await page.reload();
    await expect(page.getByTestId("optimizer-job")).toContainText(/^已于 .* 完成优化。$/);
    await expect(page.getByTestId("log-loss")).toContainText("对数损失（默认参数）");
  } finally {
    await prisma.$disconnect();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
});
