import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUpFreshLearner } from "./support";

/** axe's serious and critical findings on the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(" ")} ${node.html.slice(0, 160)}`).join(", ")}`);
}

async function checkPages(page: Page, paths: readonly string[], locale: string) {
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
  }
}

async function switchLanguage(page: Page, locale: "en" | "zh-CN") {
  await page.goto("/");
  await page.getByTestId("language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

const PUBLIC_PAGES = ["/", "/sign-in", "/sign-up", "/calc", "/glossary", "/engine", "/offline", "/practice/offline"];
const LEARNER_PAGES = ["/review", "/practice", "/progress", "/settings"];

test("axe finds no serious or critical violation on any page, in English and in Chinese", async ({ page }) => {
  test.setTimeout(300_000);
  await checkPages(page, PUBLIC_PAGES, "en");
  await switchLanguage(page, "zh-CN");
  await checkPages(page, PUBLIC_PAGES, "zh-CN");

  await switchLanguage(page, "en");
  await signUpFreshLearner(page);
  await checkPages(page, LEARNER_PAGES, "en");
  await switchLanguage(page, "zh-CN");
  await checkPages(page, LEARNER_PAGES, "zh-CN");
});

// The dark theme (app/theme.css) is a second set of colours: every page is checked again in it,
// contrast above all, in both languages.
test("axe finds no serious or critical violation on any page in the dark theme, in English and in Chinese", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.context().addCookies([{ name: "stride-theme", value: "dark", url: baseURL! }]);
  await checkPages(page, PUBLIC_PAGES, "en");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await switchLanguage(page, "zh-CN");
  await checkPages(page, PUBLIC_PAGES, "zh-CN");

  await switchLanguage(page, "en");
  await signUpFreshLearner(page);
  await checkPages(page, LEARNER_PAGES, "en");
  await switchLanguage(page, "zh-CN");
  await checkPages(page, LEARNER_PAGES, "zh-CN");
});
