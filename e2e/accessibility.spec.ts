import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn, signUpFreshLearner } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

async function checkPages(page: Page, paths: readonly string[], locale: string) {
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    // Soft: one run lists every page's findings, not only the first page's.
    expect.soft(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
  }
}

/** Signs in as the demo instructor, checks their pages in one language, and signs out again. */
async function checkInstructorPages(page: Page, locale: "en" | "zh-CN"): Promise<string> {
  await signIn(page, INSTRUCTOR);
  await switchLanguage(page, locale);
  const { paths, joinPath } = await instructorPages(page);
  await checkPages(page, paths, locale);
  // The switcher saves the choice to the account: later journeys expect the demo instructor in English.
  if (locale !== "en") await switchLanguage(page, "en");
  await page.context().clearCookies({ name: /^(?!stride-theme$)/ });
  return joinPath;
}

async function switchLanguage(page: Page, locale: "en" | "zh-CN") {
  await page.goto("/");
  await page.getByTestId("language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

// Every page a person reaches. A reset link lands on /reset-password with a token (the form) or
// with better-auth's error (the spent-link notice); an address that matches nothing is the 404.
const PUBLIC_PAGES = [
  "/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=not-checked-until-submitted", "/reset-password?error=INVALID_TOKEN",
  "/calc", "/glossary", "/engine", "/offline", "/practice/offline", "/join", "/no-such-page",
];
// A learner who opens /teach is told it is for instructors.
const LEARNER_PAGES = ["/review", "/practice", "/progress", "/settings", "/join", "/teach"];

/**
 * The demo instructor's pages, found by following their links as the instructor would: the
 * course list, the demo course (join code, banks, import, settings, members), its statistics, the
 * bank, each of the bank's questions in the editor (one of each kind) and a new question of each
 * kind. Also the demo course's join page, which a learner opens from the code.
 */
async function instructorPages(page: Page): Promise<{ paths: string[]; joinPath: string }> {
  await page.goto("/teach");
  const course = page.getByTestId("course").filter({ hasText: "CNN basics (demo)" });
  const coursePath = (await course.getByRole("link").first().getAttribute("href"))!;
  const code = (await course.getByTestId("course-join-code").textContent())!.trim();
  await page.goto(coursePath);
  const bankPath = (await page.getByTestId("bank").first().getByTestId("bank-title").getAttribute("href"))!;
  await page.goto(bankPath);
  const questionLinks = page.getByTestId("question-row").locator("a[href*='/questions/']");
  await expect(questionLinks.first()).toBeVisible();
  const questionPaths = await questionLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(questionPaths.length, "the demo bank holds one question of each kind").toBeGreaterThanOrEqual(3);
  const newPaths = ["builtin", "custom", "fixed"].map((kind) => `${bankPath}/questions/new?kind=${kind}`);
  return { paths: ["/teach", coursePath, `${coursePath}/stats`, bankPath, ...questionPaths, ...newPaths], joinPath: `/join/${code}` };
}

/** Every page a person reaches (public, the instructor's, a new learner's) in one language. */
async function checkEveryPage(page: Page, locale: "en" | "zh-CN") {
  await switchLanguage(page, locale);
  await checkPages(page, PUBLIC_PAGES, locale);
  const joinPath = await checkInstructorPages(page, locale);
  await signUpFreshLearner(page);
  await switchLanguage(page, locale);
  await checkPages(page, [...LEARNER_PAGES, joinPath], locale);
}

// Every page is checked in both languages and in both themes, in pairs rather than all four
// combinations: the dark theme (app/theme.css) is a second set of colours, which is what contrast
// findings depend on, and a language changes the text and its `lang`, not the colours. The four
// combinations took five minutes of the journeys' run for no finding the two pairs miss.
test("axe finds no serious or critical violation on any page, light theme in English", async ({ page }) => {
  test.setTimeout(300_000);
  await checkEveryPage(page, "en");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
});

test("axe finds no serious or critical violation on any page, dark theme in Chinese", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.context().addCookies([{ name: "stride-theme", value: "dark", url: baseURL! }]);
  await checkEveryPage(page, "zh-CN");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});
