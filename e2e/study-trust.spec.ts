import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean, signIn, snap } from "./support";

/**
 * Issue 12, the study and calculator pages: a format error leaves once the answer it describes is
 * edited; course questions say which course they come from, and practice can draw from one
 * course; every graded problem with an engine check opens in the calculator with its spec or op;
 * the network calculator's table uses the window and clears under an invalid spec.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// No matrix key of the catalogue is 6×6 (they run from 1×1 to 5×5), so this always gets a format error naming the key's size.
const PROBE = Array.from({ length: 6 }, () => "0 0 0 0 0 0").join("\n");

/**
 * Practises one catalog skill and answers it with a matrix of the key's size, found from the
 * format error a wrong size gets. Variants are drawn at random: one whose key `wanted` refuses
 * (too few windows to fold, say) is passed over for the next problem.
 */
async function answerMatrixSkill(page: Page, template: string, difficulty?: "Hard" | "困难", wanted: (rows: number, cols: number) => boolean = () => true) {
  await page.goto(`/practice?template=${template}`);
  if (difficulty) {
    await page.getByRole("button", { name: /^(Choose topics|选择主题)$/ }).click();
    await page.getByText(difficulty, { exact: true }).click();
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("difficulty")).toHaveText(difficulty);
  }
  for (let draw = 1; ; draw += 1) {
    const answer = page.locator("#answer");
    await answer.fill(PROBE);
    await page.getByRole("button", { name: /^(Check answer|检查答案)$/ }).click();
    const formatError = page.getByTestId("format-error");
    await expect(formatError).toBeVisible();
    const [rows, cols] = (/(\d+)×(\d+)/.exec((await formatError.textContent()) ?? "") ?? []).slice(1).map(Number) as [number, number];
    expect(rows).toBeGreaterThan(0);
    // The corrected answer is no longer the one the error was about: the error leaves at once.
    await answer.fill(Array.from({ length: rows }, () => Array.from({ length: cols }, () => "0").join(" ")).join("\n"));
    await expect(formatError).toHaveCount(0);
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("result")).toBeVisible();
    if (wanted(rows, cols)) return;
    expect(draw, "no variant of the size wanted in 12 draws").toBeLessThan(12);
    await page.getByTestId("next").click();
    await expect(page.getByTestId("result")).toHaveCount(0);
  }
}

/** Opens the graded problem's calculator link (a new tab) and returns that tab. */
async function openInCalculator(page: Page): Promise<Page> {
  const link = page.getByTestId("open-in-calculator");
  await expect(link).toHaveAttribute("target", "_blank");
  const [calc] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await calc.waitForLoadState();
  return calc;
}

/** The demo course's id and its first bank, as the signed-in learner's practice lists them. */
async function demoBank(page: Page): Promise<{ course: string; bank: { id: string; title: string } }> {
  const body = await page.evaluate(() => fetch("/api/trpc/review.practiceCourses").then((response) => response.json()));
  const courses = (body.result.data.json ?? body.result.data) as { id: string; title: string; banks: { id: string; title: string }[] }[];
  const demo = courses.find((entry) => entry.title === "CNN basics (demo)")!;
  return { course: demo.id, bank: demo.banks[0]! };
}

test.describe("study pages", () => {
  test.use({ viewport: DESKTOP });

  // review.next's label is the same panel's, tested on both databases in course-label-practice.test.ts.
  test("practice can pick a course, and its questions carry the course's name", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await page.goto("/practice");
    const source = page.getByTestId("practice-source");
    await expect(source.getByText("Stride's catalog")).toBeVisible();
    await source.getByText(/CNN basics \(demo\) \(\d+ questions\)/).click();
    // A course's questions are practised together: the catalog's topic and difficulty choices go.
    await expect(page.getByText("Topics", { exact: true })).toHaveCount(0);
    await expect(page.getByText(/published questions, each at the difficulties/)).toBeVisible();
    await expectAxeClean(page);
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("course-label")).toHaveText("Course: CNN basics (demo)");
    await snap(page, "study-practice-course");

    // The button says what it does: with a course chosen, it changes the course.
    await expect(page.getByTestId("change-practice")).toHaveText("Change course");
    await page.getByRole("button", { name: "Change course" }).click();
    await source.getByText("Stride's catalog").click();
    await page.locator('[data-topic="pooling"]').check();
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("problem")).toBeVisible();
    await expect(page.getByTestId("course-label")).toHaveCount(0);
    // With the catalog's topics, it changes the topics.
    await expect(page.getByTestId("change-practice")).toHaveText("Change topics");

    // One bank of the course (where an LMS placement of the bank's practice lands): named with its
    // course, its problems labelled with the course, and widened to the whole course on request.
    const { course, bank } = await demoBank(page);
    await page.goto(`/practice?course=${course}&bank=${bank.id}`);
    await expect(page.getByTestId("practice-title")).toHaveText(`Practice: ${bank.title} (CNN basics (demo))`);
    await expect(page.getByTestId("practice-bank")).toContainText(`Practising one bank: “${bank.title}” of the course “CNN basics (demo)”`);
    await expect(page.getByText(/this bank's published questions/)).toBeVisible();
    await snap(page, "study-practice-bank-form");
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("course-label")).toHaveText("Course: CNN basics (demo)");
    await snap(page, "study-practice-bank");
    await page.getByTestId("change-practice").click();
    await page.getByTestId("practice-whole-course").click();
    await expect(page.getByTestId("practice-bank")).toHaveCount(0);
    await expect(page.getByTestId("practice-title")).toHaveText("Practice");
  });

  test("the format error leaves when the answer changes; an op problem opens in the sandbox with its numbers", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page);
    await answerMatrixSkill(page, "xcorr.values");
    await snap(page, "study-result-open-in-calculator");
    const calc = await openInCalculator(page);
    await expect(calc).toHaveURL(/\/calc\?tab=sandbox#op=/);
    await expect(calc.getByRole("tab", { name: "Matrix sandbox" })).toHaveAttribute("aria-selected", "true");
    await expect(calc.getByTestId("sandbox-from-problem")).toBeVisible();
    await expect(calc.getByLabel("Operation")).toHaveValue("corr2d");
    await expect(calc.getByTestId("sandbox-result")).toBeVisible({ timeout: 60_000 });
    await calc.close();

    // Several input channels: more than the form holds, so the op opens as JSON with the engine's answer.
    await answerMatrixSkill(page, "channels.multi-in-values");
    const json = await openInCalculator(page);
    await expect(json.getByTestId("op-json-editor")).toHaveValue(/"op": "corr2d"/);
    await expect(json.getByTestId("op-json-answer")).toContainText('"output"', { timeout: 60_000 });
    await json.getByTestId("op-json-editor").fill('{"op": "corr2d", "input": [[1, 2]], "kernel": [[1, 2, 3]]}');
    await expect(json.getByTestId("op-json-error")).toContainText("The engine refused this");
    await expect(json.getByTestId("op-json-answer")).toHaveCount(0);
    await expectAxeClean(json);
    await snap(json, "study-calc-op-json");
  });

  test("a shape problem opens its network in the calculator", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await page.goto("/practice?template=conv.output-size");
    await page.locator("#answer").fill("1x1x1");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("result")).toBeVisible();
    const calc = await openInCalculator(page);
    await expect(calc.getByTestId("network-from-problem")).toBeVisible();
    await expect(calc.getByTestId("spec-editor")).toHaveValue(/"conv2d"/);
    const expected = ((await page.getByTestId("expected").textContent()) ?? "").trim();
    expect(expected).toMatch(/^\d+ × \d+ × \d+$/);
    await expect(calc.getByTestId("total-output")).toHaveText(expected);
  });
});

test("a long Inception prompt shows its block's diagram before answering, in both languages", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await page.goto("/practice?template=inception.params");
  const figure = page.getByTestId("problem").getByTestId("figure");
  await expect(figure.locator("img")).toHaveAttribute("alt", /Inception/);
  await expect(page.getByTestId("result")).toHaveCount(0);
  await snap(page, "study-inception-prompt-figure-phone");
  await page.setViewportSize(DESKTOP);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.setViewportSize(PHONE);
  await page.goto("/practice?template=residual.shortcut-params");
  await expect(page.getByTestId("problem").getByTestId("figure").locator("img")).toHaveAttribute("alt", /残差块/);
  await snap(page, "study-residual-prompt-figure-phone-zh");
  // The demo learner's account keeps its language: back to English for the journeys after this one.
  await page.setViewportSize(DESKTOP);
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("network calculator layout", () => {
  test("ResNet-50's table fits 1280 px, fills the window's height with its totals in view, and clears under an invalid spec", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/calc");
    await page.getByLabel("Start from a zoo model").selectOption("resnet50");
    const table = page.getByTestId("layer-table");
    await expect(page.getByTestId("total-params")).toHaveText("25,557,032");
    const region = page.getByRole("region", { name: /Layers of/ });
    await region.scrollIntoViewIfNeeded();
    const box = (await region.boundingBox())!;
    // The receptive-field column is inside the window, and the box is most of its height.
    const rfHeader = table.getByRole("columnheader", { name: "Receptive field" });
    const rf = (await rfHeader.boundingBox())!;
    expect(rf.x + rf.width).toBeLessThanOrEqual(DESKTOP.width);
    expect(box.x + box.width).toBeLessThanOrEqual(DESKTOP.width);
    expect(box.height).toBeGreaterThan(DESKTOP.height * 0.75);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    // Scrolled to the middle of 163 layers, the totals row is still on screen.
    await region.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
    await expect(table.locator("tfoot")).toBeInViewport();
    await expect(table.locator("thead")).toBeInViewport();
    await snap(page, "study-calc-resnet50-desktop");

    await page.getByTestId("spec-editor").fill('{"input": [3, 224, 224], "layers": [{"type": "conv2d", "filters": 8, "kernel": 300}]}');
    await expect(page.getByTestId("spec-error")).toContainText("Layer 0:");
    await expect(table).toHaveCount(0);
    await expect(page.getByTestId("network-totals")).toHaveCount(0);
  });

  test("a damaged calculator link says why, in the learner's language", async ({ page, context, baseURL }) => {
    await page.goto("/calc#spec=%7B%22input%22");
    await expect(page.getByTestId("link-error")).toContainText("This calculator link is damaged");
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    // A new document (a fragment alone changing would not reload the page in the new language).
    await page.goto("/glossary");
    await page.goto("/calc#op=%7B%22input%22%3A1%7D");
    await expect(page.getByTestId("link-error")).toContainText("缺少 \"op\" 字段");
  });

  test("phone: a hard cross-correlation's solution shows the first window and folds the rest", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(PHONE);
    await signIn(page);
    // A key of 2×2 or less has too few windows to fold (the solution shows them all).
    await answerMatrixSkill(page, "xcorr.values", "Hard", (rows, cols) => rows * cols > 4);
    const solution = page.getByTestId("solution");
    const fold = solution.locator("details");
    await expect(fold).toHaveCount(1);
    await expect(fold.locator("summary")).toHaveText(/^All (9|16|25) windows, step by step$/);
    await expect(fold.locator("li").first()).toBeHidden();
    await expect(solution.getByText("The first window, at the top left:")).toBeVisible();
    // Folded, the solution is a screen or so, not 5,000 px of sums.
    expect((await solution.boundingBox())!.height).toBeLessThan(1400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await snap(page, "study-hard-xcorr-folded-phone");
    await fold.locator("summary").click();
    await expect(fold.locator("li").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAxeClean(page);
  });

  test("phone: the calculator and a course's practice read well in both languages", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(PHONE);
    await page.goto("/calc");
    await page.getByLabel("Start from a zoo model").selectOption("resnet50");
    await expect(page.getByTestId("total-params")).toHaveText("25,557,032");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await snap(page, "study-calc-resnet50-phone");

    // A signed-in learner reads their account's language: switched as a learner would (desktop header).
    await page.setViewportSize(DESKTOP);
    await signIn(page);
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.setViewportSize(PHONE);
    await page.goto("/practice");
    await page.getByTestId("practice-source").getByText(/CNN basics \(demo\)（\d+ 道题）/).click();
    await page.getByTestId("start-practice").click();
    await expect(page.getByTestId("course-label")).toHaveText("课程：CNN basics (demo)");
    await expect(page.getByTestId("change-practice")).toHaveText("更换课程");
    await snap(page, "study-practice-course-phone-zh");
    const { course, bank } = await demoBank(page);
    await page.goto(`/practice?course=${course}&bank=${bank.id}`);
    await expect(page.getByTestId("practice-bank")).toContainText(`只练习一个题库：课程“CNN basics (demo)”的题库“${bank.title}”`);
    await expect(page.getByTestId("practice-whole-course")).toHaveText("改为练习整门课程");
    await snap(page, "study-practice-bank-phone-zh");
    await page.goto("/practice?template=xcorr.values");
    await expect(page.getByTestId("problem")).toBeVisible();
    await snap(page, "study-practice-xcorr-phone-zh");
  });
});
