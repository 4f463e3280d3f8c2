import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean, signUpFreshLearner, snap } from "./support";

/**
 * Issue 13, design problems graded by the engine: a learner answers `design.downsample` (shrink a
 * feature map with 3×3 convolutions and pooling within a parameter budget) in the review page's
 * layer form with a right network, scored correct, then the next variant in JSON with a network
 * that breaks one constraint (no padding, so the output is too small), which the feedback names.
 */

/** The input and output shapes the prompt states, read from KaTeX's TeX annotations (`[3, 32, 32]`). */
async function shapesOf(page: Page): Promise<{ input: number[]; output: number[] }> {
  const tex = await page.getByTestId("problem").locator("annotation").allTextContents();
  const shapes = tex.filter((text) => /^\[\d+, \d+, \d+\]$/.test(text.trim())).map((text) => JSON.parse(text) as number[]);
  const [input, output] = shapes;
  if (!input || !output) throw new Error(`no shapes in the prompt: ${tex.join(" | ")}`);
  return { input, output };
}

test("a learner designs a network in the layer form (right) and in JSON (one constraint broken, named)", async ({ page }) => {
  await page.goto("/");
  await signUpFreshLearner(page, "en");
  await page.goto("/practice?template=design.downsample");
  await expect(page.getByTestId("spec-input")).toBeVisible();
  const { input, output } = await shapesOf(page);
  const halvings = Math.log2((input[1] as number) / (output[1] as number));

  // One same-size 3×3 convolution to the asked channels, then one 2×2 pooling a halving: (9·C + 1)·F parameters, within every budget.
  const row = (index: number) => page.getByTestId("spec-row").nth(index);
  await row(0).getByLabel("Type of layer 0").selectOption("conv2d");
  await row(0).getByLabel("Channels of layer 0").fill(String(output[0]));
  await row(0).getByLabel("Kernel of layer 0").fill("3");
  await row(0).getByLabel("Padding of layer 0").fill("1");
  for (let index = 1; index <= halvings; index += 1) {
    await page.getByTestId("spec-add").click();
    await row(index).getByLabel(`Type of layer ${index}`).selectOption("maxpool2d");
    await row(index).getByLabel(`Kernel of layer ${index}`).fill("2");
  }
  // The keyboard reaches every control: Tab from the last kernel box lands on the next field.
  await row(halvings).getByLabel(`Kernel of layer ${halvings}`).focus();
  await page.keyboard.press("Tab");
  await expect(row(halvings).getByLabel(`Stride of layer ${halvings}`)).toBeFocused();
  await expectAxeClean(page);
  await snap(page, "design-form-en");

  // The JSON mode shows what the form wrote.
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await expect(page.getByTestId("spec-json")).toHaveValue(new RegExp(`"filters":${output[0]},"kernel":3,"padding":1`));
  await page.getByRole("button", { name: "Layers", exact: true }).click();
  await expect(page.getByTestId("spec-row")).toHaveCount(halvings + 1);

  await page.getByRole("button", { name: "Check answer" }).click();
  const result = page.getByTestId("result");
  await expect(result).toHaveAttribute("data-verdict", "correct");
  await expect(page.getByTestId("feedback")).toContainText("Correct: your network meets all 5 constraints.");
  await expect(page.getByTestId("feedback")).toContainText("✓ met: Parameters");
  await expect(page.getByTestId("solution")).toContainText("One network that meets every constraint");
  await snap(page, "design-correct-en");

  // The next variant, answered in JSON with the 3×3 convolution unpadded: only the output shape breaks.
  await page.getByTestId("next").click();
  await expect(page.getByTestId("spec-input")).toBeVisible();
  const next = await shapesOf(page);
  const steps = Math.log2((next.input[1] as number) / (next.output[1] as number));
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  const layers = [{ type: "conv2d", filters: next.output[0], kernel: 3 }, ...Array.from({ length: steps }, () => ({ type: "maxpool2d", kernel: 2 }))];
  await page.getByTestId("spec-json").fill(JSON.stringify({ layers }));
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(result).toHaveAttribute("data-verdict", "partial");
  await expect(page.getByTestId("feedback")).toContainText("Not quite: your network meets 4 of the 5 constraints.");
  await expect(page.getByTestId("feedback")).toContainText("✗ not met: Output shape");
  await expect(page.getByTestId("feedback").locator("li").filter({ hasText: "✗" })).toHaveCount(1);
  await expect(result).toHaveAttribute("data-mistake", "design-shape-off");
  await expectAxeClean(page);
  await snap(page, "design-one-constraint-broken-en");
});

test("Chinese and the dark theme: the form, a format error naming the layer, and the feedback in Chinese", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await signUpFreshLearner(page, "zh-CN");
  await page.goto("/practice?template=design.receptive-field");
  await expect(page.getByTestId("spec-input")).toBeVisible();
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await page.getByTestId("spec-json").fill('{"layers": [{"type": "conv2d", "filters": 4, "kernel": 3}, {"kernel": 3}]}');
  await page.getByRole("button", { name: /检查|提交/ }).click();
  await expect(page.getByTestId("format-error")).toContainText("第 `1` 层没有 “type”".replace(/`/g, ""));
  await page.getByRole("button", { name: "逐层表单" }).click();
  await expect(page.getByRole("status")).toContainText("无法显示为表单");
  await page.getByTestId("spec-json").fill('{"layers": [{"type": "conv2d", "filters": 4, "kernel": 3}]}');
  await page.getByRole("button", { name: "逐层表单" }).click();
  await expect(page.getByTestId("spec-row")).toHaveCount(1);
  await expectAxeClean(page);
  await snap(page, "design-form-zh-dark");
  await page.getByRole("button", { name: /检查|提交/ }).click();
  await expect(page.getByTestId("feedback")).toContainText("✗ 未满足：感受野");
  await snap(page, "design-feedback-zh-dark");
});
