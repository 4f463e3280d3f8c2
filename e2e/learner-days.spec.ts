import { expect, type Page, test } from "@playwright/test";
import { expectAxeClean, signIn, snap, solveConvOutputSize } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function snapBoth(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await snap(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await snap(page, `${name}-desktop`);
}

// A browser in Kiritimati (UTC+14): the first time zone of the world's day.
test.use({ timezoneId: "Pacific/Kiritimati", viewport: DESKTOP });

/**
 * Days are the learner's (issue 12): the browser's zone is taken on sign-up, the review page says
 * what is left today and keeps today's count across pages, Settings changes the zone with a
 * searchable list, and /progress says which zone its days start in; in English and in Chinese.
 */
test("a learner's days follow their time zone, from sign-up to Settings, in both languages", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/sign-up");
  await page.getByLabel(/your name/i).fill("Kiritimati Learner");
  await page.getByLabel(/email/i).fill(`kiritimati-${Date.now()}@example.com`);
  await page.getByLabel(/^password/i).fill("a-long-password");
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await page.getByRole("button", { name: /create account/i }).click();
    const limited = page.getByRole("alert").filter({ hasText: /too many/i });
    await expect(page.getByTestId("problem").or(limited).first()).toBeVisible({ timeout: 30_000 });
    if (!(await limited.isVisible())) break;
    await page.waitForTimeout(5_000);
  }
  await page.goto("/review");

  // A new learner: nothing reviewed today; ten new skills, nothing due.
  await expect(page.getByTestId("session-count")).toHaveText("No reviews yet today");
  await expect(page.getByTestId("left-today")).toHaveText("Left today: 0 due, 10 new");
  const [c, h, w] = await solveConvOutputSize(page);
  await page.getByLabel(/your answer/i).fill(`${c}x${h}x${w}`);
  await page.getByRole("button", { name: /check answer/i }).click();
  await expect(page.getByTestId("result")).toHaveAttribute("data-verdict", "correct");
  await expect(page.getByTestId("session-count")).toHaveText("1 review today");
  await expect(page.getByTestId("left-today")).toHaveText("Left today: 0 due, 9 new");

  // Another page and back: the count is the server's, not the page's.
  await page.goto("/progress");
  await expect(page.getByTestId("day-zone")).toContainText("Pacific/Kiritimati");
  await page.goto("/review");
  await expect(page.getByTestId("problem")).toBeVisible();
  await expect(page.getByTestId("session-count")).toHaveText("1 review today");
  await snapBoth(page, "days-review-left-today");
  await expectAxeClean(page);

  // Settings: the zone the browser reported on sign-up; an unknown name is refused in words.
  await page.goto("/settings");
  const zone = page.getByLabel(/^time zone$/i);
  await expect(zone).toHaveValue("Pacific/Kiritimati");
  await expect(page.locator("#time-zone-help")).toContainText(/It is .* there now/);
  await zone.fill("Mars/Olympus_Mons");
  await page.getByTestId("save-settings").click();
  await expect(page.getByRole("alert").filter({ hasText: /choose a time zone from the list/i })).toBeVisible();
  await zone.fill("Asia/Shanghai");
  await page.getByTestId("save-settings").click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/^time zone$/i)).toHaveValue("Asia/Shanghai");
  // The browser is elsewhere: Settings offers its zone, one click away.
  await expect(page.getByTestId("time-zone-browser")).toHaveText("Use this device's time zone (Pacific/Kiritimati)");
  await snapBoth(page, "days-settings-time-zone");
  await expectAxeClean(page);
  await page.goto("/progress");
  await expect(page.getByTestId("day-zone")).toContainText("Your days start at midnight in Asia/Shanghai");

  // 中文
  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("day-zone")).toContainText("你的每一天从 Asia/Shanghai 的零点开始");
  await page.goto("/settings");
  await expect(page.getByLabel(/^时区$/)).toHaveValue("Asia/Shanghai");
  await expect(page.locator("#time-zone-help")).toContainText("那里现在是");
  await snapBoth(page, "days-settings-time-zone-zh");
  await expectAxeClean(page);
  await page.goto("/review");
  await expect(page.getByTestId("session-count")).toHaveText("今天已复习 1 题");
  await expect(page.getByTestId("left-today")).toHaveText("今天还剩：到期复习 0 题，新技能 9 个");
  await snapBoth(page, "days-review-left-today-zh");
  await expectAxeClean(page);
});

test("an instructor gives a course the time zone of its deadlines, and the course page shows it", async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await page.goto("/teach");
  await page.getByTestId("course").first().getByRole("link").click();
  await expect(page.getByTestId("course-time-zone")).toHaveText("Deadlines in UTC time");
  const zone = page.getByLabel(/time zone of deadlines/i);
  await zone.fill("Asia/Shanghai");
  await page.getByTestId("course-settings").getByRole("button", { name: /^save$/i }).click();
  await expect(page.getByTestId("course-time-zone")).toHaveText("Deadlines in Asia/Shanghai time");
  await page.reload();
  await expect(page.getByLabel(/time zone of deadlines/i)).toHaveValue("Asia/Shanghai");
  await page.getByTestId("course-settings").scrollIntoViewIfNeeded();
  await snapBoth(page, "days-course-time-zone");
  await expectAxeClean(page);
});
