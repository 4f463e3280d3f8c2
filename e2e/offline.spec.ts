import { expect, type Page, test } from "@playwright/test";
import { expectAxeClean, signUpFreshLearner, snap, solveConvOutputSize } from "./support";

async function serviceWorkerReady(page: Page) {
  // The worker caches the build's files and the offline pages at install; ready once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((name) => name.startsWith("stride-pages-"))), { timeout: 60_000 }).toBe(true);
}

/**
 * A Chinese learner loses the connection mid-review: the typed answer stays, the page says so in
 * Chinese, and when the connection returns the answer is sent. The first send reaches the server
 * but its answer is lost on the way back; the retry (same submission id) gets that review, so it
 * is recorded once and shown once.
 */
test("a review survives a lost connection: kept, said in Chinese, sent once when it returns", async ({ page, context }) => {
  test.setTimeout(240_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: "http://localhost" }]);
  await page.goto("/sign-in");
  await signUpFreshLearner(page, "zh-CN");
  await page.goto("/review");
  await expect(page.getByTestId("problem")).toBeVisible();
  await serviceWorkerReady(page);
  const [c, h, w] = await solveConvOutputSize(page);

  await context.setOffline(true);
  const answer = page.getByLabel(/你的答案/);
  await answer.fill(`${c}x${h}x${w}`);
  await answer.press("Enter");
  const notice = page.getByTestId("submit-notice");
  await expect(notice).toContainText("离线");
  await expect(notice).toContainText("网络恢复后会自动提交");
  await expect(answer).toHaveValue(`${c}x${h}x${w}`);
  await expect(page.getByTestId("problem")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "offline-review-waiting-zh-phone");
  await expectAxeClean(page);

  // The first send reaches the server, which records the review; its answer never comes back.
  let sends = 0;
  await page.route("**/api/trpc/review.submit**", async (route) => {
    sends += 1;
    if (sends > 1) return route.continue();
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await context.setOffline(false);

  const result = page.getByTestId("result");
  await expect(result).toHaveAttribute("data-verdict", "correct", { timeout: 60_000 });
  expect(sends).toBeGreaterThanOrEqual(2);
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId("session-count")).toContainText("1");
  await snap(page, "offline-review-sent-zh-phone");

  // Moving on while offline: the next problem waits for the connection, and says so.
  await context.setOffline(true);
  await page.getByTestId("next").click();
  await expect(page.getByTestId("next-waiting")).toContainText("网络恢复后会加载下一道题");
  await context.setOffline(false);
  await expect(page.getByTestId("problem")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("next-waiting")).toHaveCount(0);

  await page.goto("/progress");
  await expect(page.getByTestId("history-row")).toHaveCount(1);
});

/**
 * Offline, the calculators and the glossary still open (kept by the service worker), and a page
 * that needs the server says so in the learner's language instead of the browser's error.
 */
test("offline, the calculators and glossary open and other pages say what works, in both languages", async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [locale, offlineTitle, calcHeading] of [
    ["en", "You’re offline", /calculator/i],
    ["zh-CN", "当前处于离线状态", /计算器/],
  ] as const) {
    await context.setOffline(false);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: "http://localhost" }]);
    await page.goto("/glossary");
    await serviceWorkerReady(page);
    // The kept pages are refreshed on every visit, so they follow the language just chosen.
    await page.goto("/calc");
    await page.goto("/offline");
    await context.setOffline(true);

    await page.goto("/calc");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(calcHeading);
    await page.goto("/progress");
    await expect(page.getByTestId("offline-page")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(offlineTitle);
    await snap(page, `offline-page-${locale}-phone`);
    await expectAxeClean(page);
  }
  await context.setOffline(false);
});

test("the app is installable: a manifest with icons, and a favicon", async ({ page }) => {
  const manifestResponse = await page.request.get("/manifest.webmanifest");
  expect(manifestResponse.ok()).toBe(true);
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({ short_name: "Stride", start_url: "/", display: "standalone" });
  for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);
  expect((await page.request.get("/favicon.ico")).ok()).toBe(true);
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", /manifest\.webmanifest/);
});

/**
 * Practice without a connection: the page and its problems come from the browser, answers are
 * graded there and kept; when the connection returns they reach the history (graded again on
 * the server), marked as offline practice.
 */
test("offline practice: made and graded in the browser, kept, and synced to the history when back online", async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.goto("/sign-in");
  await signUpFreshLearner(page);
  await page.goto("/practice");
  await page.getByTestId("offline-practice-link").click();
  await expect(page).toHaveURL(/\/practice\/offline$/);
  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("offline-now")).toBeVisible();
  await page.getByTestId("offline-topic").selectOption("conv-arithmetic");

  // Draw until an integer question comes up, then answer it (surely wrongly) with 1.
  const form = page.locator("form[data-answer-kind]");
  for (let draw = 0; draw < 40 && (await form.getAttribute("data-answer-kind")) !== "integer"; draw += 1) {
    await page.getByRole("button", { name: "New problem" }).click();
  }
  await expect(form).toHaveAttribute("data-answer-kind", "integer");
  await page.getByLabel(/your answer/i).fill("1");
  await page.getByLabel(/your answer/i).press("Enter");
  await expect(page.getByTestId("result")).toBeVisible();
  const sync = page.getByTestId("offline-sync");
  await expect(sync).toHaveAttribute("data-waiting", "1");
  await expect(sync).toContainText("1 answer is waiting");
  await snap(page, "offline-practice-answered-en");
  await expectAxeClean(page);

  await context.setOffline(false);
  await expect(sync).toHaveAttribute("data-state", "synced", { timeout: 30_000 });
  await expect(sync).toHaveAttribute("data-waiting", "0");
  await page.goto("/progress");
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Offline practice");
});

test("offline practice and the offline page read well on a phone in Chinese, light and dark", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: "http://localhost" }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/practice/offline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("离线练习");
  await expect(page.getByTestId("problem")).toBeVisible();
  await snap(page, "offline-practice-zh-phone");
  await expectAxeClean(page);

  // The dark theme is a second set of colours: the offline pages are checked in it too.
  await context.addCookies([{ name: "stride-theme", value: "dark", url: "http://localhost" }]);
  for (const path of ["/practice/offline", "/offline"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectAxeClean(page);
  }
  await snap(page, "offline-page-zh-dark-phone");
});
