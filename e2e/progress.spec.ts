import { readFile } from "node:fs/promises";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { seriousViolations, signIn, snap } from "./support";

test.describe.configure({ mode: "serial" });

// One sign-in for the whole file: better-auth allows three attempts per ten seconds.
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
  page = await context.newPage();
  await signIn(page);
});

test.afterAll(async () => {
  await context?.close();
});

test("the demo learner's progress page shows every chart filled from the generated history", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your progress");
  // The demo history: a few weeks of reviews ending yesterday, the last week unbroken.
  expect(Number(await page.getByTestId("stat-reviews").textContent())).toBeGreaterThan(50);
  await expect(page.getByTestId("stat-streak")).toHaveText(/^\d+ days?$/);
  expect(Number((await page.getByTestId("stat-streak").textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("stat-retention")).toHaveText(/^\d+%$/);
  expect(Number(await page.getByTestId("stat-due").textContent())).toBeGreaterThan(0);

  const busyDays = page.getByTestId("heatmap").locator("rect:not([data-count='0'])");
  expect(await busyDays.count()).toBeGreaterThan(10);
  await expect(page.getByTestId("heatmap").locator("rect").first()).toHaveAttribute("aria-label", /reviews?|practice/);

  for (const chart of ["retention-chart", "forecast-chart", "mastery-chart"]) {
    await expect(page.getByTestId(chart).locator(".recharts-surface").first()).toBeVisible();
    expect(await page.getByTestId(chart).locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
  }
  await expect(page.getByTestId("retention-chart")).toContainText("Desired retention 90%");
  await expect(page.getByTestId("forecast-chart")).toContainText("Today");
  await expect(page.getByTestId("mastery-chart")).toContainText("Output sizes");
  await expect(page.getByTestId("mastery-chart")).toContainText("Cross-correlation");

  await expect(page.getByTestId("history-row")).toHaveCount(20);
  await expect(page.getByTestId("history-page")).toHaveText(/^Page 1 of \d+$/);
  const firstRow = page.getByTestId("history-row").first();
  await firstRow.getByText("Show problem").click();
  await expect(firstRow.locator(".katex, .prose-stride").first()).toBeVisible();
  await snap(page, "progress-01-en");
});

test("the history downloads as CSV with a byte-order mark and one row per review", async () => {
  const reviews = Number(await page.getByTestId("stat-reviews").textContent());
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^stride-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFFreviewedAt,template,topic,seed,lang,mode,answer,score,correct,rating,suggestedRating,elapsedMs,mistake,undone\r\n")).toBe(true);
  expect(text.trimEnd().split("\r\n")).toHaveLength(reviews + 1);

  const anonymous = await page.request.fetch("/api/progress/export?format=json", { headers: { cookie: "" } });
  expect([401]).toContain(anonymous.status());
});

test("axe finds no serious or critical violation on the progress page", async () => {
  await page.goto("/progress");
  await expect(page.getByTestId("mastery-chart").locator(".recharts-surface").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("switched to Chinese, the page and its charts read in Chinese", async () => {
  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("学习进度");
  await expect(page.getByTestId("mastery-chart")).toContainText("各主题掌握度");
  await expect(page.getByTestId("mastery-chart")).toContainText("互相关运算");
  await expect(page.getByTestId("retention-chart")).toContainText("目标保持率 90%");
  await expect(page.getByTestId("forecast-chart")).toContainText("今天");
  await expect(page.getByTestId("heatmap")).toContainText("每日复习量");
  await expect(page.getByTestId("stat-streak")).toHaveText(/^\d+ 天$/);
  await expect(page.getByTestId("export-csv")).toHaveText("下载 CSV");
  await expect(page.getByTestId("history-page")).toHaveText(/^第 1 \/ \d+ 页$/);
  await expect(page.getByTestId("mastery-chart").locator(".recharts-surface").first()).toBeVisible();
  await snap(page, "progress-02-zh");
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("mastery-chart").locator(".recharts-surface").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snap(page, "progress-03-phone-zh");

  // Back to English for whoever signs in next on this account (the switcher is in the header
  // from 1280 px; below, it is inside the menu).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your progress");
});
