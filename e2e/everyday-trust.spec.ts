import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signUpFreshLearner, snap } from "./support";

/**
 * Issue 12's last journeys: a course question on /review carries its course's name (a learner who
 * joined the demo course, both languages, on a phone); on a phone neither /review nor a worked
 * solution with wide matrices and formulas makes the page scroll sideways (they scroll in their
 * own boxes); home's start button leads an instructor to their courses and a learner to reviews.
 */

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// No matrix key of the catalogue is 6×6 (they run from 1×1 to 5×5), so this gets a format error naming the key's size.
const PROBE = Array.from({ length: 6 }, () => "0 0 0 0 0 0").join("\n");

/** The page is no wider than the window: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { page: width, window: viewport } = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(width, `${what}: the page is ${width} px wide in a ${viewport} px window`).toBeLessThanOrEqual(viewport);
}

/** The demo course's join code, read off the demo instructor's course list. */
async function demoJoinCode(browser: Browser, baseURL: string): Promise<string> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, INSTRUCTOR);
  await page.goto("/teach");
  const code = (await page.getByTestId("course").filter({ hasText: "CNN basics (demo)" }).getByTestId("course-join-code").textContent())!.trim();
  await context.close();
  return code;
}

/** Switches the signed-in account's language in the header, as a learner would at 1280 px. */
async function chooseLanguage(page: Page, locale: "en" | "zh-CN") {
  const viewport = page.viewportSize()!;
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await page.getByTestId("language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await page.setViewportSize(viewport);
}

/** Answers the open problem with a matrix of its key's size (found from the format error a 6×6 gets). */
async function answerMatrix(page: Page): Promise<number> {
  const answer = page.locator("#answer");
  await answer.fill(PROBE);
  await page.getByRole("button", { name: /^(Check answer|检查答案)$/ }).click();
  const formatError = page.getByTestId("format-error");
  await expect(formatError).toBeVisible();
  const [rows, cols] = (/(\d+)×(\d+)/.exec((await formatError.textContent()) ?? "") ?? []).slice(1).map(Number) as [number, number];
  expect(rows, "the format error names the key's size").toBeGreaterThan(0);
  await answer.fill(Array.from({ length: rows }, () => Array.from({ length: cols }, () => "0").join(" ")).join("\n"));
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("result")).toBeVisible();
  return rows;
}

/** How many lines the key's box shows: one a matrix row, however narrow the screen. */
async function keyLines(page: Page): Promise<number> {
  return page.getByTestId("expected-lines").evaluate((box) => {
    const style = getComputedStyle(box);
    return Math.round((box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight));
  });
}

test("a learner who joined the demo course sees its name on the course's question on /review, in both languages, and the phone page never scrolls sideways", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const code = await demoJoinCode(browser, baseURL!);
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/");
  await signUpFreshLearner(page);
  await page.goto(`/join/${code}`);
  await page.getByTestId("join-course").click();
  await expect(page.getByTestId("joined")).toContainText("You joined CNN basics (demo).");

  // A new learner's queue starts with the course's questions, labelled with the course.
  await page.goto("/review");
  await expect(page.getByTestId("course-label")).toHaveText("Course: CNN basics (demo)");
  await expect(page.getByTestId("course-label")).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page, "/review at 390 px in English");
  await snap(page, "trust-review-course-phone-en");

  await chooseLanguage(page, "zh-CN");
  await page.goto("/review");
  await expect(page.getByTestId("course-label")).toHaveText("课程：CNN basics (demo)");
  await expectNoSidewaysScroll(page, "/review at 390 px in Chinese");
  await snap(page, "trust-review-course-phone-zh");

  // A wrong shape: the worked solution, with the learner's numbers, still fits the phone.
  await page.locator("#answer").fill("1x1x1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("solution")).toBeVisible();
  await expect(page.getByTestId("course-label")).toHaveText("课程：CNN basics (demo)");
  await expectNoSidewaysScroll(page, "a course question's worked solution at 390 px in Chinese");
  await snap(page, "trust-review-solution-phone-zh");
  await context.close();
});

// The catalogue's widest answers and solutions: matrices up to 5×5 in the keys, long sums over
// every window, batch-norm statistics per channel, transposed convolution's scattered sums.
const WIDE_TEMPLATES = ["xcorr.values", "tconv.values", "bn.train-values", "channels.multi-in-values", "pooling.avg-values"];

test("on a phone, wide matrices and formulas in problems and worked solutions scroll inside their own boxes, never the page", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await signUpFreshLearner(page);
  for (const template of WIDE_TEMPLATES) {
    await page.goto(`/practice?template=${template}`);
    // Hard variants are the widest.
    await page.getByRole("button", { name: "Choose topics" }).click();
    await page.getByText("Hard", { exact: true }).click();
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("difficulty")).toHaveText("Hard");
    await expectNoSidewaysScroll(page, `${template}'s problem at 390 px`);
    const rows = await answerMatrix(page);
    await expect(page.getByTestId("solution")).toBeVisible();
    // The key reads as its matrix: a row a line, scrolling sideways in its box if it must.
    expect(await keyLines(page), `${template}'s key of ${rows} rows`).toBe(rows);
    // Folded parts of the solution open as a learner would open them.
    for (const fold of await page.getByTestId("solution").locator("details").all()) await fold.locator("summary").click();
    await expectNoSidewaysScroll(page, `${template}'s worked solution at 390 px`);
    await snap(page, `trust-wide-${template}-phone`);
  }
});

test("home's start button takes an instructor to their courses and a learner to their reviews, in both languages", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const instructor = await browser.newContext({ baseURL, viewport: DESKTOP });
  const teacher = await instructor.newPage();
  await signIn(teacher, INSTRUCTOR);
  await teacher.goto("/");
  await expect(teacher.getByRole("link", { name: "Go to your courses" })).toHaveAttribute("href", "/teach");
  await expect(teacher.getByRole("link", { name: "Start reviewing" })).toHaveCount(0);
  await teacher.setViewportSize(PHONE);
  await snap(teacher, "trust-home-instructor-phone-en");
  await chooseLanguage(teacher, "zh-CN");
  await snap(teacher, "trust-home-instructor-phone-zh");
  await teacher.getByRole("link", { name: "进入我的课程" }).click();
  await expect(teacher).toHaveURL(/\/teach$/);
  await chooseLanguage(teacher, "en");
  await instructor.close();

  const learner = await browser.newContext({ baseURL, viewport: DESKTOP });
  const page = await learner.newPage();
  await page.goto("/");
  await signUpFreshLearner(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Start reviewing" })).toHaveAttribute("href", "/review");
  await chooseLanguage(page, "zh-CN");
  await expect(page.getByRole("link", { name: "开始复习" })).toHaveAttribute("href", "/review");
  await learner.close();
});

test("an address that matches no page is Stride's own 404, in the reader's language, inside the site", async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const [locale, title, home] of [["en", "Page not found", "Go to the home page"], ["zh-CN", "找不到这个页面", "返回首页"]] as const) {
    await chooseLanguage(page, locale);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("menu-button")).toBeVisible();
    await expectNoSidewaysScroll(page, `the 404 page at 390 px in ${locale}`);
    await snap(page, `trust-not-found-phone-${locale}`);
    await page.getByRole("link", { name: home }).click();
    await expect(page).toHaveURL(/\/$/);
  }
});
