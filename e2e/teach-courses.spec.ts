import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn, signUpFreshLearner, snap } from "./support";

/** axe's findings once the page's requests have settled (a course page loads its banks' figures after it shows). */
async function settledViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  return seriousViolations(page);
}

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
/** lib/server/courses/join-code.ts: 8 characters from the alphabet without look-alikes. */
const JOIN_CODE = /^[ACDEFGHJKMNPQRTUVWXY3467]{8}$/;

test("an instructor creates a course and a bank, and a new learner joins it with the code", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, INSTRUCTOR);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teach" }).click();
  await expect(page).toHaveURL(/\/teach$/);
  // The demo instructor starts with the demo course (issue 7), listed with its code.
  await expect(page.getByTestId("course").first().getByTestId("course-join-code")).toHaveText(JOIN_CODE);
  expect(await settledViolations(page), "/teach").toEqual([]);
  await snap(page, "teach-courses");

  const title = `Convolutions ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Language of the course").selectOption("zh-CN");
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page).toHaveURL(/\/teach\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const courseUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("course-title")).toHaveText(title);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(JOIN_CODE);
  await expect(page.getByTestId("join-link-url")).toHaveValue(new RegExp(`^http://[^/]+/join/${code}$`));
  await expect(page.getByTestId("no-banks")).toBeVisible();

  await page.getByLabel("Title of the new bank").fill("Padding and stride");
  await page.getByRole("button", { name: "Create bank" }).click();
  const bank = page.getByTestId("bank");
  await expect(bank.getByTestId("bank-title")).toHaveText("Padding and stride");
  await bank.getByTestId("rename-bank").click();
  await page.getByLabel("New title of Padding and stride").fill("Padding, stride and pooling");
  await page.getByTestId("save-bank-title").click();
  await expect(bank.getByTestId("bank-title")).toHaveText("Padding, stride and pooling");
  await expect(bank.getByTestId("bank-title")).toHaveAttribute("href", new RegExp(`^${courseUrl}/banks/[0-9a-f-]{36}$`));
  // The course is in Chinese, so its files are offered in Chinese first.
  await expect(bank.getByRole("link", { name: "Download Padding, stride and pooling as Moodle XML" })).toHaveAttribute("href", /what=moodle&bank=[0-9a-f-]{36}&lang=zh-CN$/);
  expect(await settledViolations(page), courseUrl).toEqual([]);
  await snap(page, "teach-course");

  await page.getByTestId("stats-link").click();
  await expect(page).toHaveURL(`${courseUrl}/stats`);
  await expect(page.getByTestId("no-items")).toBeVisible();
  await expect(page.getByTestId("no-learners")).toBeVisible();
  await expect(page.getByTestId("grades-csv")).toHaveAttribute("href", `/api/courses/${courseUrl.split("/")[2]}/export?what=grades`);
  expect(await settledViolations(page), `${courseUrl}/stats`).toEqual([]);
  await snap(page, "teach-stats-empty");

  // A second browser: a learner who follows the link signed out is asked to sign in first.
  const learnerContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const learner = await learnerContext.newPage();
  await learner.goto(`/join/${code}`);
  await expect(learner).toHaveURL(new RegExp(`/sign-in\\?next=%2Fjoin%2F${code}$`));
  const email = await signUpFreshLearner(learner);

  // They type the code as read off a projector: lower case, with a dash.
  await learner.goto("/join");
  expect(await seriousViolations(learner), "/join").toEqual([]);
  await learner.getByLabel("Join code").fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await learner.getByRole("button", { name: "Continue" }).click();
  await expect(learner).toHaveURL(`/join/${code}`);
  await expect(learner.getByTestId("join-course-title")).toHaveText(title);
  expect(await seriousViolations(learner), `/join/${code}`).toEqual([]);
  await snap(learner, "teach-join");
  await learner.getByTestId("join-course").click();
  await expect(learner.getByTestId("joined")).toContainText(`You joined ${title}.`);
  await expect(learner.getByRole("link", { name: "Go to your reviews" })).toHaveAttribute("href", "/review");
  await snap(learner, "teach-joined");

  // A learner has no instructor pages: /teach explains rather than fails.
  await learner.goto("/teach");
  await expect(learner.getByTestId("not-instructor")).toBeVisible();
  expect(await seriousViolations(learner), "/teach as a learner").toEqual([]);
  await learnerContext.close();

  await page.goto(courseUrl);
  await expect(page.getByTestId("members")).toContainText(email);

  // A new code replaces the old one, after a confirmation.
  await page.getByTestId("new-code").click();
  await page.getByTestId("confirm-new-code").click();
  await expect(page.getByTestId("join-code")).not.toHaveText(code);
  await expect(page.getByTestId("join-code")).toHaveText(JOIN_CODE);
});

test("the demo course's statistics show its class's answers", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, INSTRUCTOR);
  await page.goto("/teach");
  await page.getByTestId("course").first().getByRole("link").click();
  await page.getByTestId("stats-link").click();
  // A dev server compiles the page on its first visit, which can take longer than a click.
  await expect(page).toHaveURL(/\/stats$/, { timeout: 60_000 });
  // The demo class answered every demo question (lib/server/demo: ten days of reviews).
  const items = page.getByTestId("item");
  await expect(items.first()).toBeVisible();
  await expect(page.getByTestId("learners").locator("tbody tr").first()).toBeVisible();
  expect(await settledViolations(page), "demo statistics").toEqual([]);
  await snap(page, "teach-stats");

  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计");
  await expect(page.getByRole("link", { name: "成绩（CSV）" })).toBeVisible();
  expect(await settledViolations(page), "demo statistics in Chinese").toEqual([]);
  await snap(page, "teach-stats-zh");
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
