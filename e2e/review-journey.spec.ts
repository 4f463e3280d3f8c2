import { expect, test } from "@playwright/test";
import { expectAxeClean, signUpFreshLearner, snap, solveConvOutputSize } from "./support";

/**
 * Daily reviews as a new learner meets them: the first skill (conv.output-size) with a format
 * error and then the right answer, the key re-checked in the browser, the suggested rating
 * overridden; a wrong answer; an undo; a review done with the keyboard alone.
 */
test("a new learner reviews: format error, right, rating override, wrong, undo, keyboard only", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  // A new learner creates an account from the sign-in page.
  await page.goto("/review");
  await page.getByRole("link", { name: /create an account/i }).click();
  await page.getByLabel(/your name/i).fill("New Learner");
  await page.getByLabel(/email/i).fill(`new-${Date.now()}@example.com`);
  await page.getByLabel(/^password/i).fill("short");
  await expect(page.getByRole("button", { name: /create account/i })).toBeDisabled();
  await page.getByLabel(/^password/i).fill("a-long-password");
  await snap(page, "sign-up");
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/review/);
  await expect(page.getByTestId("card-badge")).toHaveText(/new skill/i);

  // 1. conv.output-size: a 2-D answer to a 3-D question costs nothing; the live preview shows how
  //    the answer is read.
  const answer = page.getByLabel(/your answer/i);
  const check = page.getByRole("button", { name: /check answer/i });
  const [c, h, w] = await solveConvOutputSize(page);
  await answer.fill(`${c}x${h}`);
  await check.click();
  await expect(page.getByTestId("format-error")).toContainText(/3|three/i);
  await answer.fill(`(${c}, ${h}, ${w})`);
  await expect(page.getByTestId("answer-preview")).toContainText(`${c} × ${h} × ${w}`);
  await snap(page, "review-01-preview");
  await check.click();
  const result = page.getByTestId("result");
  await expect(result).toHaveAttribute("data-verdict", "correct");
  await expect(page.getByTestId("verification")).toHaveAttribute("data-status", "verified", { timeout: 60_000 });
  await expect(page.getByTestId("verification")).toContainText(/verified in your browser \((webgl|webgpu)\)/i);

  // The rating is suggested; the learner changes it (key 2 = Hard) and the next due date follows.
  const rating = page.getByTestId("rating");
  const suggested = rating.locator("[aria-pressed=true]");
  await expect(suggested).toHaveCount(1);
  const dueBefore = await page.getByTestId("next-due").textContent();
  await page.keyboard.press("2");
  await expect(rating.locator("[data-rating='2']")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("next-due")).not.toHaveText(dueBefore ?? "");
  await snap(page, "review-02-right-and-rating");
  await expectAxeClean(page);
  await page.keyboard.press(" ");

  // 2. The second skill (params.dense-vs-conv, an integer): a wrong answer gets the key and Again.
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("problem")).toBeVisible();
  await answer.fill("1");
  await check.click();
  await expect(result).toHaveAttribute("data-verdict", "incorrect");
  await expect(rating.locator("[data-rating='1']")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("expected")).not.toBeEmpty();
  await snap(page, "review-03-wrong");

  // 3. Undo it: the skill comes back with a fresh problem.
  await page.getByTestId("undo").click();
  await expect(page.getByRole("status").filter({ hasText: /undone/i })).toBeVisible();
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("session-count")).toContainText("1 review");
  await snap(page, "review-04-undone");

  // 4. Keyboard only: type, Enter to submit, 3 for Good, Space for the next problem.
  await answer.focus();
  await page.keyboard.type("12345");
  await page.keyboard.press("Enter");
  await expect(result).toBeVisible();
  await page.keyboard.press("3");
  await expect(rating.locator("[data-rating='3']")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press(" ");
  await expect(page.getByTestId("problem")).toBeVisible();
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByTestId("session-count")).toContainText("2 reviews");
  await snap(page, "review-05-keyboard");
  expect(baseURL).toBeTruthy();
});

test("practice draws the chosen topic and difficulty and leaves the schedule alone", async ({ page }) => {
  await page.goto("/");
  await signUpFreshLearner(page);
  await page.goto("/practice");
  await page.getByLabel(/pooling/i).check();
  await page.getByText(/^hard$/i).click();
  await snap(page, "practice-01-filter");
  await page.getByTestId("start-practice").click();
  await expect(page.getByTestId("difficulty")).toHaveText(/hard/i);
  await expect(page.getByTestId("card-badge")).toHaveText(/practice/i);
  await page.getByLabel(/your answer/i).fill("1x1x1");
  await page.getByRole("button", { name: /check answer/i }).click();
  await expect(page.getByTestId("result").or(page.getByTestId("format-error"))).toBeVisible();
  await snap(page, "practice-02-result");
});

test("settings keep the desired retention and daily new skills", async ({ page }) => {
  await page.goto("/");
  await signUpFreshLearner(page);
  await page.goto("/settings");
  const slider = page.getByLabel(/desired retention/i);
  await slider.fill("0.85");
  await expect(page.getByTestId("retention-value")).toHaveText("85 %");
  await page.getByLabel(/new skills per day/i).fill("5");
  await page.getByTestId("save-settings").click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("retention-value")).toHaveText("85 %");
  await expect(page.getByLabel(/new skills per day/i)).toHaveValue("5");
  await expect(page.getByTestId("optimizer-reviews")).toContainText(/0 reviews.*400/);
  await expect(page.getByTestId("optimize")).toBeDisabled();
  await snap(page, "settings");
  await expectAxeClean(page);
});

test("the first problem comes with the page: in the HTML the server sends, with no request from the browser, the same after a reload", async ({ page }) => {
  await page.goto("/");
  await signUpFreshLearner(page);
  // The HTML alone, before any script runs, holds the problem and its answer form.
  const html = await (await page.request.get("/review")).text();
  expect(html).toContain('data-testid="problem"');
  expect(html).toContain('data-testid="card-badge"');
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("review.next")) asked.push(request.url());
  });
  await page.goto("/review");
  await expect(page.getByTestId("card-badge")).toHaveText(/new skill/i);
  // What the page carries for the browser (React's payload of the problem) gives neither its key nor its seed away.
  const key = await solveConvOutputSize(page);
  expect(html).not.toContain(key.join(","));
  expect(html).not.toMatch(/\\?"seed\\?":\s*\d/);
  const prompt = await page.getByTestId("problem").locator(".prose-stride").first().textContent();
  await page.reload();
  await expect(page.getByTestId("problem").locator(".prose-stride").first()).toHaveText(prompt ?? "");
  expect(asked).toEqual([]);
  // The next problem, after an answer, is asked for from the browser.
  await page.getByLabel(/your answer/i).fill(`${key[0] + 1}x${key[1] + 1}x${key[2] + 1}`);
  await page.getByRole("button", { name: /check answer/i }).click();
  await expect(page.getByTestId("result")).toHaveAttribute("data-verdict", "incorrect");
  await page.getByTestId("next").click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(page.getByTestId("result")).toHaveCount(0);
  await expect(page.getByLabel(/your answer/i)).toHaveValue("");
});
