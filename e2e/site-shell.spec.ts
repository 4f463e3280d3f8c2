import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, signIn, signUpFreshLearner, snap } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const NAV = {
  en: { label: "Main", menu: "Menu", links: ["Review", "Practice", "Progress", "Calculators", "Glossary", "Settings"], teach: "Teach", glossary: "Glossary", signOut: "Sign out" },
  "zh-CN": { label: "主导航", menu: "菜单", links: ["复习", "练习", "学习进度", "计算器", "术语表", "设置"], teach: "教学", glossary: "术语表", signOut: "退出登录" },
} as const;
type Locale = keyof typeof NAV;

/** A click before React hydrates the header is lost, on a slow machine as for a person. */
async function waitForHeader(page: Page) {
  await expect(page.getByTestId("menu-button")).toHaveAttribute("data-hydrated", "true");
}

async function chooseLanguage(page: Page, locale: Locale) {
  const button = page.getByTestId("menu-button");
  await waitForHeader(page);
  // Below 1280 px the switcher is inside the menu.
  if (await button.isVisible()) {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  }
  await page.getByTestId("language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  if (await button.isVisible()) await page.keyboard.press("Escape");
}

/** The header's controls all on one line: their vertical centres within a few pixels. */
async function headerRows(page: Page): Promise<number> {
  const centres = await page
    .locator("header")
    .locator("a, button:visible, select")
    .evaluateAll((nodes) =>
      nodes
        .map((node) => node.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => Math.round((box.top + box.bottom) / 2)),
    );
  const rows: number[] = [];
  for (const centre of centres.sort((a, b) => a - b)) if (!rows.some((row) => Math.abs(row - centre) <= 6)) rows.push(centre);
  return rows.length;
}

/** Lightness (0 dark … 1 light) of the page's background as the browser computed it. */
async function backgroundLightness(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const numbers = colour.match(/[\d.]+%?/g)?.map((part) => (part.endsWith("%") ? Number(part.slice(0, -1)) / 100 : Number(part))) ?? [];
  if (colour.startsWith("oklch") || colour.startsWith("oklab")) return numbers[0]!;
  if (colour.startsWith("lab")) return numbers[0]! / 100;
  if (colour.startsWith("color(")) return (numbers[0]! + numbers[1]! + numbers[2]!) / 3;
  const [r = 0, g = 0, b = 0] = numbers;
  return (r + g + b) / (3 * 255);
}

/**
 * Issue 12, the site shell: on a phone every section is in a menu behind one button (nothing cut
 * off, Escape and a followed link close it); at 1280 px the header is one row; both in English and
 * Chinese, for a learner and for an instructor, with screenshots of each.
 */
test("the header fits a phone in a disclosure menu and a 1280 px screen in one row, in both languages, for a learner and an instructor", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  for (const who of ["learner", "instructor"] as const) {
    const context = await browser.newContext({ baseURL, viewport: DESKTOP });
    const page = await context.newPage();
    if (who === "instructor") {
      await signIn(page, INSTRUCTOR);
      // An instructor's work starts at their courses.
      await expect(page).toHaveURL(/\/teach$/);
    } else {
      await page.goto("/");
      await signUpFreshLearner(page);
    }
    const home = who === "instructor" ? "/teach" : "/review";
    for (const locale of ["en", "zh-CN"] as const) {
      const nav = NAV[locale];
      const links = who === "instructor" ? [...nav.links, nav.teach] : [...nav.links];

      await page.setViewportSize(DESKTOP);
      await page.goto(home);
      await chooseLanguage(page, locale);
      await expect(page.getByTestId("menu-button")).toBeHidden();
      for (const name of links) await expect(page.getByRole("navigation", { name: nav.label }).getByRole("link", { name, exact: true })).toBeVisible();
      expect(await headerRows(page), `${who} ${locale} header rows at 1280 px`).toBe(1);
      await snap(page, `shell-desktop-${who}-${locale}`);

      await page.setViewportSize(PHONE);
      const button = page.getByRole("button", { name: nav.menu });
      await expect(button).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("navigation", { name: nav.label })).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(PHONE.width);
      await snap(page, `shell-phone-${who}-${locale}`);

      await waitForHeader(page);
      await button.click();
      await expect(button).toHaveAttribute("aria-expanded", "true");
      for (const name of links) {
        const link = page.getByRole("navigation", { name: nav.label }).getByRole("link", { name, exact: true });
        await expect(link).toBeInViewport({ ratio: 1 });
      }
      await expect(page.getByTestId("theme-switcher")).toBeInViewport({ ratio: 1 });
      expect(await seriousViolations(page), `${who} ${locale} open menu`).toEqual([]);
      await snap(page, `shell-phone-${who}-${locale}-menu`);

      await page.keyboard.press("Escape");
      await expect(button).toHaveAttribute("aria-expanded", "false");
      await expect(button).toBeFocused();
      await expect(page.getByRole("navigation", { name: nav.label })).toBeHidden();

      // Tabbing past the menu's last control closes it rather than leaving it over the page.
      await button.click();
      await page.getByRole("button", { name: nav.signOut }).focus();
      await page.keyboard.press("Tab");
      await expect(button).toHaveAttribute("aria-expanded", "false");

      await button.click();
      await page.getByRole("navigation", { name: nav.label }).getByRole("link", { name: nav.glossary, exact: true }).click();
      await expect(page).toHaveURL(/\/glossary$/);
      await expect(button).toHaveAttribute("aria-expanded", "false");
    }
    // Other journeys expect the demo accounts in English.
    await page.setViewportSize(DESKTOP);
    await chooseLanguage(page, "en");
    await context.close();
  }
});

test("a visitor's phone header keeps Sign in beside the menu button", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/glossary");
  const signInLink = page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true });
  const button = page.getByRole("button", { name: "Menu" });
  await expect(signInLink).toBeInViewport({ ratio: 1 });
  await expect(button).toBeInViewport({ ratio: 1 });
  const [link, menu] = [await signInLink.boundingBox(), await button.boundingBox()];
  expect(menu!.x - (link!.x + link!.width), "gap between Sign in and Menu").toBeLessThan(24);
  await snap(page, "shell-phone-visitor-en");
});

test("the theme follows the system, a choice of dark applies at once and is in the next page's first HTML, so nothing flashes", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/glossary");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeLessThan(0.3);

  await page.emulateMedia({ colorScheme: "light" });
  await page.getByTestId("theme-switcher").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLightness(page)).toBeLessThan(0.3);
  await snap(page, "shell-dark-glossary");
  // The server writes the remembered theme into the HTML itself: dark before any script runs.
  const html = await (await page.request.get("/calc")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.goto("/calc");
  await expect(page.getByTestId("theme-switcher")).toHaveValue("dark");
  expect(await backgroundLightness(page)).toBeLessThan(0.3);

  await page.getByTestId("theme-switcher").selectOption("light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
});

test("keys pick choice options before checking, ? lists the shortcuts, in English and Chinese", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await signUpFreshLearner(page);
  await page.goto("/practice?template=concepts.convolution-multi-select");
  const options = page.getByTestId("answer-options");
  await expect(options).toBeVisible();
  const checked = () => options.locator("input:checked").evaluateAll((nodes) => nodes.map((node) => (node as HTMLInputElement).value));

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Pick the option with that letter");
  // While the list is open, keys do not reach the problem behind it.
  await page.keyboard.press("2");
  expect(await checked()).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("2");
  await page.keyboard.press("c");
  expect(await checked()).toEqual(["B", "C"]);
  await page.keyboard.press("C");
  expect(await checked()).toEqual(["B"]);
  await page.keyboard.press("4");
  expect(await checked()).toEqual(["B", "D"]);
  await expect(options.locator('input[value="D"]')).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("result")).toBeVisible();
  // Once checked, the options are the learner's record: keys no longer change them.
  await page.keyboard.press("1");
  expect(await checked()).toEqual(["B", "D"]);

  await chooseLanguage(page, "zh-CN");
  await page.getByTestId("shortcuts-button").click();
  const helpZh = page.getByRole("dialog", { name: "键盘快捷键" });
  await expect(helpZh).toContainText("选择该字母对应的选项");
  expect(await seriousViolations(page), "shortcut list").toEqual([]);
  await snap(page, "shell-shortcuts-zh");
  await helpZh.getByRole("button", { name: "关闭" }).click();
  await expect(helpZh).toBeHidden();
  await expect(page.getByTestId("shortcuts-button")).toBeFocused();
  await chooseLanguage(page, "en");
});

test("the join page names the course, its instructor and its question count before joining", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, INSTRUCTOR);
  const demo = page.getByTestId("course").filter({ hasText: "CNN basics (demo)" });
  const code = ((await demo.getByTestId("course-join-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);

  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const learner = await context.newPage();
  await learner.goto("/");
  await signUpFreshLearner(learner);
  await learner.goto(`/join/${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await expect(learner.getByTestId("join-course-title")).toHaveText("CNN basics (demo)");
  await expect(learner.getByTestId("join-course-owners")).toHaveText("Demo Instructor");
  await expect(learner.getByTestId("join-course-questions")).toHaveText(/^[1-9]\d* questions?$/);
  await snap(learner, "shell-join-en");
  await chooseLanguage(learner, "zh-CN");
  await expect(learner.getByTestId("join-course-facts")).toContainText("授课教师");
  await expect(learner.getByTestId("join-course-questions")).toHaveText(/^共 [1-9]\d* 道题$/);
  await snap(learner, "shell-join-zh");
  await learner.getByTestId("join-course").click();
  await expect(learner.getByTestId("joined")).toBeVisible();

  await learner.goto("/join/AAAAAAAA");
  await expect(learner.getByTestId("no-course")).toBeVisible();
  await context.close();
});
