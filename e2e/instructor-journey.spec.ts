import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, signUpFreshLearner, snap } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/**
 * Issue 7's journey end to end: the demo instructor creates a course and a bank, writes a custom
 * question keyed by an engine spec, previews it in both languages, validates and publishes it; a
 * learner joins with the code and reviews it; the instructor sees the attempt in the statistics
 * and downloads the grades as CSV.
 */
test("an instructor publishes an engine-keyed question, a learner joins and reviews it, the attempt shows in the statistics and the CSV", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, INSTRUCTOR);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teach" }).click();
  const title = `Convolutions ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByTestId("course-title")).toHaveText(title);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  const courseUrl = new URL(page.url()).pathname;

  await page.getByLabel("Title of the new bank").fill("Week 1");
  await page.getByRole("button", { name: "Create bank" }).click();
  await page.getByTestId("bank").getByTestId("bank-title").click();
  await expect(page).toHaveURL(new RegExp(`${courseUrl}/banks/[0-9a-f-]{36}$`));
  await snap(page, "journey-teach-01-bank");

  // A custom question whose key the engine computes: a conv layer's parameter count.
  await page.getByTestId("new-custom").click();
  await page.getByTestId("title-en").fill("Parameters of a conv layer");
  await page.getByTestId("title-zh").fill("卷积层的参数个数");
  await page.getByTestId("variable-0-name").fill("c");
  await page.getByTestId("variable-0-values").fill("1, 3");
  await page.getByTestId("variable-1-name").fill("f");
  await page.getByTestId("variable-1-values").fill("8, 16");
  await page.getByTestId("variable-2-name").fill("k");
  await page.getByTestId("variable-2-min").fill("3");
  await page.getByTestId("variable-2-max").fill("5");
  await page.getByTestId("engine-json").fill('{"input":[{{c}},32,32],"layers":[{"type":"conv2d","filters":{{f}},"kernel":{{k}}}]}');
  await page.getByTestId("engine-select").fill("totalParams");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("v1 draft");

  // Preview in both languages: k·k·c·f + f (d2l zh 6.4 / en 7.4) of the variables shown.
  for (const lang of ["en", "zh-CN"] as const) {
    const column = page.getByTestId(`preview-${lang}`);
    await expect(column).toHaveAttribute("aria-busy", "false");
    const variables = Object.fromEntries(
      await column.locator("[data-variable]").evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("data-variable"), Number(node.getAttribute("data-value"))])),
    ) as Record<string, number>;
    const key = Number((await column.getByTestId(`preview-key-${lang}`).innerText()).replace(/\D/g, ""));
    expect(key).toBe(variables.k! * variables.k! * variables.c! * variables.f! + variables.f!);
  }
  await expect(page.getByTestId("preview-zh-CN")).toContainText("通道");
  await snap(page, "journey-teach-02-preview");

  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByTestId("validation")).toHaveAttribute("data-ok", "true");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("published v1");
  await snap(page, "journey-teach-03-published");

  // A learner joins with the code and meets the question first in their reviews.
  const learnerContext = await browser.newContext({ baseURL });
  const learner = await learnerContext.newPage();
  await learner.goto("/");
  await signUpFreshLearner(learner);
  await learner.goto(`/join/${code}`);
  await learner.getByTestId("join-course").click();
  await expect(learner.getByTestId("joined")).toContainText(title);
  await learner.getByRole("link", { name: "Go to your reviews" }).click();
  await expect(learner.getByTestId("problem")).toContainText("trainable parameters");
  await learner.getByLabel(/your answer/i).fill("1");
  await learner.getByRole("button", { name: /check answer/i }).click();
  await expect(learner.getByTestId("result")).toHaveAttribute("data-verdict", "incorrect");
  await expect(learner.getByTestId("verification")).toHaveAttribute("data-status", "verified", { timeout: 60_000 });
  await snap(learner, "journey-teach-04-learner-review");
  await learnerContext.close();

  // The instructor sees the attempt and downloads the grades.
  await page.goto(`${courseUrl}/stats`);
  const item = page.getByTestId("item").filter({ hasText: "Parameters of a conv layer" });
  await expect(item).toContainText("1");
  await expect(item).toContainText(/wrong answers/i);
  await snap(page, "journey-teach-05-stats");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("grades-csv").click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split(/\r?\n/)[0]).toContain("Parameters of a conv layer");
  expect(csv.split(/\r?\n/).filter((line) => line.trim()).length).toBeGreaterThanOrEqual(2);
});
