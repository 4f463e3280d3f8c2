import { expect, test } from "@playwright/test";
import { snap } from "./support";

/**
 * The engine in a real browser: Debian's Chromium (headless, WebGL 2 through SwiftShader) runs
 * 240 seeded random ops (every op kind, small random sizes) on its accelerated tfjs backend and the
 * page compares each answer with the server's (Node, cpu) within 1e-4 relative.
 */
test("the browser's accelerated backend answers 240 random ops as Node does", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/engine");
  await expect(page.getByRole("heading", { name: /engine check|引擎自检/i })).toBeVisible();
  const backend = page.getByTestId("engine-backend");
  await expect(backend).toHaveText(/^(webgl|webgpu|cpu)$/, { timeout: 60_000 });
  expect(["webgl", "webgpu"]).toContain(await backend.textContent());

  await page.getByLabel(/seed|种子/i).fill("20240601");
  await page.getByLabel(/number of operations|运算个数/i).fill("240");
  await page.getByRole("button", { name: /run check|开始自检/i }).click();

  const outcome = page.getByTestId("engine-outcome");
  await expect(outcome).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId("server-backend")).toContainText("on Node");
  await snap(page, "engine-check");
  await expect(page.getByTestId("engine-failed")).toHaveText("0");
  await expect(page.getByTestId("engine-passed")).toHaveText("240");
  const maxError = Number(await page.getByTestId("engine-max-error").textContent());
  expect(maxError).toBeLessThanOrEqual(1e-4);
});
