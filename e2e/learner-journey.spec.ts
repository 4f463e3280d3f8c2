import { expect, test, type BrowserContext } from "@playwright/test";
import { LEARNER, signIn, snap, solveConvOutputSize } from "./support";

test.describe.configure({ mode: "serial" });

// better-auth allows three sign-in attempts per ten seconds from one address; the signed-in
// journeys share one browser context (one sign-in) instead of signing in again each time.
let learnerContext: BrowserContext;

test.beforeAll(async ({ browser }, testInfo) => {
  learnerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
});

test.afterAll(async () => {
  await learnerContext?.close();
});

test("a visitor sees what Stride is and is sent to sign in before reviewing", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Stride/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Stride" })).toBeVisible();
  await snap(page, "01-home");

  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freview|\/sign-in\?next=\/review/);
  await expect(page.getByTestId("demo-accounts")).toContainText("learner@example.com");
  await expect(page.getByTestId("demo-accounts")).toContainText("stride-demo");
  await snap(page, "02-sign-in");
});

test("a wrong password is refused with a message, and nothing else happens", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(LEARNER.email);
  await page.getByLabel(/password/i).fill("not-the-password");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("alert").filter({ hasText: /do not match/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the demo learner has reviews due, practises a skill from the progress page, right and wrong, and sees them in the history", async () => {
  const page = await learnerContext.newPage();
  await signIn(page);
  // The demo learner starts with weeks of history: something is due (or a leech walkthrough).
  await expect(page.getByTestId("problem").or(page.getByTestId("walkthrough"))).toBeVisible();
  await snap(page, "03-review-due");

  await page.getByRole("link", { name: /^progress$/i }).click();
  await page.getByRole("row", { name: /output shape of a convolutional layer/i }).getByTestId("practise-skill").click();
  await expect(page).toHaveURL(/\/practice\?template=conv\.output-size/);
  await expect(page.getByTestId("card-badge")).toHaveText(/practice/i);

  const answer = page.getByLabel(/your answer/i);
  const check = page.getByRole("button", { name: /check answer/i });
  const result = page.getByTestId("result");

  // A 2-D answer to a 3-D question is a format error: explained, and it costs nothing.
  const [channels, height, width] = await solveConvOutputSize(page);
  await answer.fill(`${channels}x${height}`);
  await check.click();
  await expect(page.getByTestId("format-error")).toContainText(/3|three/i);
  await snap(page, "04-format-error");

  await answer.fill(`${channels}x${height}x${width}`);
  await check.click();
  await expect(result).toHaveAttribute("data-verdict", "correct");
  await expect(page.getByTestId("expected")).toHaveText(`${channels} × ${height} × ${width}`);
  await expect(result.locator(".katex").first()).toBeVisible();
  // review.submit sent the solution's formulas as TeX; the page typeset every one (pending-math.ts).
  await expect(page.locator(".tex-pending")).toHaveCount(0);
  await expect(result.locator(".katex-mathml").first()).toBeAttached();
  await expect(page.getByTestId("figure").locator("img")).toHaveAttribute("alt", /.+/);
  await snap(page, "05-correct");

  await page.getByTestId("next").click();
  const [c2, h2, w2] = await solveConvOutputSize(page);
  const wrong = `${c2 + 1}x${h2 + 1}x${w2 + 1}`;
  await answer.fill(wrong);
  await check.click();
  await expect(result).toHaveAttribute("data-verdict", "incorrect");
  await expect(page.getByTestId("expected")).toHaveText(`${c2} × ${h2} × ${w2}`);
  await expect(page.getByTestId("practice-tally")).toHaveText(/1 of 2/);
  await snap(page, "07-wrong");

  await page.getByRole("link", { name: /^progress$/i }).click();
  await expect(page).toHaveURL(/\/progress/);
  await expect(page.getByTestId("history-row").first()).toContainText(wrong);
  await expect(page.getByTestId("history-row").nth(1)).toContainText(`${channels}x${height}x${width}`);
  await snap(page, "08-progress");
});

test("the learner switches to Chinese and sees the pages and the next problem in Chinese", async () => {
  const page = await learnerContext.newPage();
  await page.goto("/review");
  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.getByRole("link", { name: "学习进度" })).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("学习进度");
  await snap(page, "09-progress-zh");

  await page.goto("/practice?template=conv.output-size");
  await expect(page.getByTestId("problem")).toContainText("卷积");
  await snap(page, "10-review-zh");

  // Back to English for whoever signs in next on this account.
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.getByRole("link", { name: "Progress" })).toBeVisible();
});

test("the pages fit a phone screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = (on: typeof page) => on.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await page.goto("/sign-in");
  expect(await fits(page)).toBe(true);
  await snap(page, "12-phone-sign-in");

  const phone = await learnerContext.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/progress");
  expect(await fits(phone)).toBe(true);
  await phone.goto("/review");
  await expect(phone.getByTestId("problem").or(phone.getByTestId("notice"))).toBeVisible();
  expect(await fits(phone)).toBe(true);
  await snap(phone, "13-phone-review");
});
