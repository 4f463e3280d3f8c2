import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAxeClean, LEARNER, snap } from "./support";

/**
 * The self-check calculators at /calc, open without signing in: the matrix sandbox runs the
 * engine on the browser's WebGL backend and steps through each window; the network calculator
 * analyses a spec as it is typed. Both languages, keyboard only where a learner would type.
 */

async function gridText(grid: Locator): Promise<string[][]> {
  return grid.locator("tr").evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => (cell.textContent ?? "").trim())),
  );
}

async function openSandboxByKeyboard(page: Page) {
  await page.goto("/calc");
  const networkTab = page.getByRole("tab", { name: /network calculator|网络计算器/i });
  await expect(networkTab).toHaveAttribute("aria-selected", "true");
  await networkTab.focus();
  await page.keyboard.press("ArrowRight");
  const sandboxTab = page.getByRole("tab", { name: /matrix sandbox|矩阵沙盒/i });
  await expect(sandboxTab).toHaveAttribute("aria-selected", "true");
  await expect(sandboxTab).toBeFocused();
}

test("the sandbox computes d2l's cross-correlation on WebGL and steps through each window by keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openSandboxByKeyboard(page);
  await expect(page.getByRole("heading", { name: "Matrix sandbox" })).toBeVisible();
  await expect(page.getByTestId("sandbox-backend")).toHaveText("webgl", { timeout: 60_000 });

  // The first book example is d2l's; choose it with the keyboard all the same.
  await page.getByTestId("example-corr").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Input matrix")).toHaveValue("0 1 2\n3 4 5\n6 7 8");
  await expect(page.getByRole("textbox", { name: "Kernel", exact: true })).toHaveValue("0 1\n2 3");
  await expect(page.getByLabel("Operation")).toHaveValue("corr2d");

  // d2l 6.2.1 zh / 7.2.1 en, figure 6.2.1
  const result = page.getByTestId("sandbox-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  expect(await gridText(result)).toEqual([["19", "25"], ["37", "43"]]);

  // Reduced motion: nothing plays by itself; the first window is shown and explained.
  await expect(page.getByText(/asks for reduced motion/)).toBeVisible();
  await expect(page.getByTestId("animation-step")).toHaveText("Window 1 of 4");
  await expect(page.getByTestId("product-sum")).toHaveText("0·0 + 1·1 + 3·2 + 4·3 = 19");
  await expect(page.getByTestId("animation-output").locator('[aria-current="true"]')).toHaveText("19");
  expect(await gridText(page.getByTestId("animation-output"))).toEqual([["19", ""], ["", ""]]);
  await snap(page, "calc-sandbox-corr-window-1");

  const next = page.getByRole("button", { name: "Next window" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("product-sum")).toHaveText("1·0 + 2·1 + 4·2 + 5·3 = 25");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("product-sum")).toHaveText("3·0 + 4·1 + 6·2 + 7·3 = 37");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("animation-step")).toHaveText("Window 4 of 4");
  await expect(page.getByTestId("product-sum")).toHaveText("4·0 + 5·1 + 7·2 + 8·3 = 43");
  expect(await gridText(page.getByTestId("animation-output"))).toEqual([["19", "25"], ["37", "43"]]);
  await expect(next).toBeDisabled();
  await snap(page, "calc-sandbox-corr-window-4");

  // A typing mistake is said in words, naming the row.
  await page.getByRole("textbox", { name: "Kernel", exact: true }).fill("0 1\n2");
  await expect(page.getByTestId("sandbox-error")).toHaveText("The kernel, row 2: 1 number, but the first row has 2.");
});

test("without reduced motion the window plays by itself to the last cell, and can be paused", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/calc?tab=sandbox");
  await expect(page.getByTestId("sandbox-backend")).toHaveText("webgl", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("product-sum")).toHaveText("4·0 + 5·1 + 7·2 + 8·3 = 43", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  await snap(page, "calc-sandbox-autoplay-done");
});

test("in Chinese the sandbox runs the book's max pooling and transposed convolution examples", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openSandboxByKeyboard(page);
  await expect(page.getByRole("heading", { name: "矩阵沙盒" })).toBeVisible();
  await expect(page.getByTestId("sandbox-backend")).toHaveText("webgl", { timeout: 60_000 });
  await expect(page.getByTestId("sandbox-result")).toBeVisible({ timeout: 30_000 });
  expect(await gridText(page.getByTestId("sandbox-result"))).toEqual([["19", "25"], ["37", "43"]]);

  await page.getByRole("button", { name: /2×2 最大汇聚/ }).click();
  await expect(page.getByLabel("运算")).toHaveValue("maxpool2d");
  // d2l 6.5.1 zh / 7.5.1 en, figure 6.5.1
  await expect.poll(() => gridText(page.getByTestId("sandbox-result"))).toEqual([["4", "5"], ["7", "8"]]);
  await expect(page.getByTestId("product-sum")).toHaveText("max(0, 1, 3, 4) = 4");
  await expect(page.getByTestId("animation-step")).toHaveText("第 1 个窗口，共 4 个");

  await page.getByRole("button", { name: /转置卷积（d2l 13.10.1/ }).click();
  // d2l 13.10.1 zh / 14.10.1 en, figure 13.10.1
  await expect.poll(() => gridText(page.getByTestId("sandbox-result"))).toEqual([["0", "0", "1"], ["0", "4", "6"], ["4", "12", "9"]]);
  await page.getByRole("button", { name: "下一个窗口" }).click();
  await expect(page.getByTestId("product-sum")).toHaveText("0·1 + 1·0 = 0");
  await snap(page, "calc-sandbox-transposed-zh");
});

test("the network calculator analyses LeNet, names the offending layer and builds a layer from the form", async ({ page }) => {
  await page.goto("/calc");
  await expect(page.getByRole("heading", { name: "Network calculator" })).toBeVisible();
  await expect(page.getByLabel("Start from a zoo model")).toHaveValue("d2l-lenet");
  // d2l 6.6 zh / 7.6 en LeNet on 28×28, by hand: 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706 parameters;
  // MACs 117,600 + 240,000 + 48,000 + 10,080 + 840 = 416,520 (DESIGN.md's worked answer)
  await expect(page.getByTestId("total-params")).toHaveText("61,706");
  await expect(page.getByTestId("total-macs")).toHaveText("416,520");
  const firstConv = page.getByTestId("layer-table").locator('tr[data-path="0"]');
  await expect(firstConv).toContainText("6 × 28 × 28");
  await expect(firstConv).toContainText("117,600");
  await expect(firstConv).toContainText("5 × 5");
  await snap(page, "calc-network-lenet");

  const editor = page.getByLabel("Architecture spec (JSON)");
  await editor.fill('{"input": [1, 28, 28], "layers": [{"type": "relu"}, {"type": "conv2d", "filters": 2, "kernel": 50}]}');
  await expect(page.getByTestId("spec-error")).toContainText("Layer 1:");
  await expect(page.getByTestId("spec-error")).not.toContainText("EngineError");
  await editor.fill('{"input": [1, 28, 28], "layers": [');
  await expect(page.getByTestId("spec-error")).toContainText("This is not valid JSON yet");
  await snap(page, "calc-network-error");

  await editor.fill('{"input": [3, 32, 32], "layers": []}');
  await expect(page.getByTestId("spec-error")).toHaveCount(0);
  await page.getByLabel("Layer type").selectOption("conv2d");
  await page.getByLabel("Output channels (filters)").fill("16");
  await page.getByLabel("Kernel size").fill("3");
  await page.getByLabel("Padding").fill("1");
  await page.getByRole("button", { name: "Add layer" }).click();
  // by hand: 16 · (3 · 3 · 3) + 16 = 448 parameters; 16 · 32 · 32 · 3 · 3 · 3 = 442,368 MACs
  await expect(page.getByTestId("total-params")).toHaveText("448");
  await expect(page.getByTestId("total-macs")).toHaveText("442,368");
  await expect(page.getByTestId("total-output")).toHaveText("16 × 32 × 32");

  await page.getByLabel("Start from a zoo model").selectOption("resnet18");
  // torchvision's ResNet-18 documentation: 11,689,512 parameters
  await expect(page.getByTestId("total-params")).toHaveText("11,689,512");
});

test("the network calculator speaks Chinese", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.goto("/calc");
  await expect(page.getByRole("heading", { name: "网络计算器" })).toBeVisible();
  await expect(page.getByTestId("total-params")).toHaveText("61,706");
  await page.getByLabel("网络结构（JSON）").fill('{"input": [1, 28, 28], "layers": [{"type": "conv2d", "filters": 2, "kernel": 0}]}');
  await expect(page.getByTestId("spec-error")).toContainText("第 0 层：");
  await snap(page, "calc-network-zh");
});

test("axe finds no serious or critical violation on either calculator", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const path of ["/calc", "/calc?tab=sandbox"]) {
    await page.goto(path);
    if (path.endsWith("sandbox")) await expect(page.getByTestId("window-animation")).toBeVisible({ timeout: 60_000 });
    else await expect(page.getByTestId("layer-table")).toBeVisible();
    await expectAxeClean(page);
  }
});

/**
 * Whether TensorFlow.js has been loaded into the page: tfjs-core keeps its engine on the global
 * object (`window._tfengine`, made when the module is evaluated). Only code that runs counts, so a
 * prefetched but unused chunk does not.
 */
async function tfjsLoaded(page: Page): Promise<boolean> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => "_tfengine" in window);
}

test("TensorFlow.js is loaded by /calc only, not by the home page or the review page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await tfjsLoaded(page)).toBe(false);

  await page.goto("/sign-in?next=%2Freview");
  await page.getByLabel("Email").fill(LEARNER.email);
  await page.getByLabel("Password").fill(LEARNER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A dev server compiles /review on its first visit: more than the usual 15 s on a busy machine.
  await expect(page).toHaveURL(/\/review/, { timeout: 60_000 });
  expect(await tfjsLoaded(page)).toBe(false);

  // The control: the same check finds tfjs where it is loaded.
  await page.goto("/calc");
  await expect(page.getByTestId("layer-table")).toBeVisible();
  expect(await tfjsLoaded(page)).toBe(true);
});
