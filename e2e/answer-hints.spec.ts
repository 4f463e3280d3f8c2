import { expect, test } from "@playwright/test";
import { expectAxeClean, signUpFreshLearner, snap } from "./support";

/**
 * Issue 12: the hint under the answer field and the format error show how to write an answer with
 * numbers no template has as its key (the old whole-number example, 196,609,000, was the key of
 * params.dense-vs-conv for 32 seeds in 1,000), in English and in Chinese.
 */

const PHONE = { width: 390, height: 844 };

test("English: the hints and the format error show example answers that are no template's key", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await signUpFreshLearner(page, "en");

  await page.goto("/practice?template=params.dense-vs-conv");
  const hint = page.locator("#answer-hint");
  await expect(hint).toHaveText("A whole number. 1,234,567, 7.5e6 and arithmetic such as 12*34*56 + 789 are all fine.");
  await page.locator("#answer").fill("about a million");
  await page.getByRole("button", { name: "Check answer" }).click();
  const formatError = page.getByTestId("format-error");
  await expect(formatError).toContainText("Enter a whole number, for example 1,234,567, 7.5e6, 12*34*56 + 789.");
  await expect(formatError).not.toContainText("196");
  await expectAxeClean(page);
  await snap(page, "answer-hint-integer-en-phone");

  await page.goto("/practice?template=conv.output-size");
  await expect(hint).toHaveText("Write a shape as C×H×W, for example 5x17x31 or (5, 17, 31).");

  await page.goto("/practice?template=xcorr.values");
  await expect(hint).toContainText("[[1.1, 1.2], [2.1, 2.2]] works too.");
});

test("Chinese: the hints read naturally and use the same safe examples", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await signUpFreshLearner(page, "zh-CN");

  await page.goto("/practice?template=params.dense-vs-conv");
  const hint = page.locator("#answer-hint");
  await expect(hint).toHaveText("填一个整数。1,234,567、7.5e6 以及 12*34*56 + 789 这样的算式都可以。");
  await expectAxeClean(page);
  await snap(page, "answer-hint-integer-zh-phone");

  await page.goto("/practice?template=xcorr.values");
  await expect(hint).toHaveText("矩阵的每一行单独写一行（也可以用分号 ; 分隔各行），同一行的数用空格或逗号分隔。也可以写成 [[1.1, 1.2], [2.1, 2.2]]。");
  await snap(page, "answer-hint-matrix-zh-phone");
});
