import { expect, type Locator, type Page, test } from "@playwright/test";
import { mutate, seriousViolations, signIn, snap } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/** The variables a preview column shows, by name. */
async function previewVariables(column: Locator): Promise<Record<string, number>> {
  const entries = await column.locator("[data-variable]").evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("data-variable"), Number(node.getAttribute("data-value"))] as const));
  return Object.fromEntries(entries);
}

/**
 * A conv layer's trainable parameters: c_o kernels of c_i × k × k weights, plus one bias per
 * output channel (d2l 2nd ed. en 7.4 / zh 6.4, "Multiple Input and Multiple Output Channels").
 */
const convParams = ({ c, f, k }: Record<string, number>) => k! * k! * c! * f! + f!;

async function expectPreviewKeyed(page: Page, seed: number) {
  for (const lang of ["en", "zh-CN"] as const) {
    const column = page.getByTestId(`preview-${lang}`);
    await expect(column).toHaveAttribute("data-seed", String(seed));
    await expect(column).toHaveAttribute("aria-busy", "false");
    await expect(column.getByTestId(`preview-key-${lang}`)).toBeVisible();
    const variables = await previewVariables(column);
    expect(Object.keys(variables).sort()).toEqual(["c", "f", "k"]);
    expect([1, 3]).toContain(variables.c);
    expect([8, 16]).toContain(variables.f);
    expect([3, 4, 5]).toContain(variables.k);
    const key = Number((await column.getByTestId(`preview-key-${lang}`).innerText()).replace(/\D/g, ""));
    expect(key, `${lang} with ${JSON.stringify(variables)}`).toBe(convParams(variables));
  }
}

test("an instructor writes a custom question keyed by the engine, previews it in both languages, validates and publishes it; a bad range fails validation", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, INSTRUCTOR);
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Editor course ${Date.now()}`, lang: "en" });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Convolution basics" });
  const bankPath = `/teach/${course.id}/banks/${bank.id}`;

  // The empty bank: the three kinds, each explained.
  await page.goto(bankPath);
  await expect(page.getByRole("heading", { name: "Convolution basics" })).toBeVisible();
  await expect(page.getByText(/no questions yet/i)).toBeVisible();
  await expect(page.getByTestId("new-builtin")).toBeVisible();
  await expect(page.getByTestId("new-fixed")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), "bank page").toEqual([]);
  await snap(page, "editor-bank-empty");

  // A custom question: the conv layer whose parameter count the engine computes.
  await page.getByTestId("new-custom").click();
  await expect(page).toHaveURL(/questions\/new\?kind=custom/);
  await page.getByTestId("title-en").fill("Parameters of a conv layer (e2e)");
  await page.getByTestId("title-zh").fill("卷积层的参数个数（e2e）");
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
  await expect(page).toHaveURL(/questions\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("version-state")).toHaveText("v1 draft");

  // Preview: both languages side by side, the key as k·k·c·f + f of the variables shown.
  await expectPreviewKeyed(page, 1);
  await expect(page.getByTestId("preview-zh-CN")).toContainText("个输入通道");
  await expect(page.getByTestId("preview-en")).toContainText("How many trainable parameters");
  await page.getByTestId("preview-seed").fill("7");
  await expectPreviewKeyed(page, 7);
  await expect(page.getByTestId("preview-en").locator(".katex").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), "editor").toEqual([]);
  await snap(page, "editor-custom-preview");

  // Validation over the whole space: 2 · 2 · 3 = 12 variants, all keyed; then publishing.
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await page.getByRole("button", { name: "Validate" }).click();
  const validation = page.getByTestId("validation");
  await expect(validation).toHaveAttribute("data-ok", "true");
  await expect(validation).toContainText("12 variants checked: the whole variable space");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("published v1");
  await snap(page, "editor-custom-published");

  await page.goto(bankPath);
  const row = page.getByTestId("question-row").filter({ hasText: "Parameters of a conv layer (e2e)" });
  await expect(row.getByTestId("question-state")).toHaveText("published v1");
  await expect(row.getByTestId("question-validation")).toHaveText("last validation ok");

  // A planted bad range: kernels up to 40 on a 32 × 32 input. For k ≥ 33 the output would be
  // 32 − k + 1 < 1 (d2l 7.3 / zh 6.3, no padding, stride 1): k = 33 … 40 with 2 · 2 choices of
  // c and f is 8 · 4 = 32 variants the engine refuses.
  await row.getByRole("link").click();
  await expect(page.getByTestId("version-state")).toHaveText("published v1");
  await page.getByTestId("variable-2-max").fill("40");
  await expect(page.getByTestId("save-status")).toContainText("saving makes version 2");
  // Save, then Validate at once: the edit goes to the server once (Validate re-sent it while the
  // save was away, and two saves of a published question both made version 2: a CI failure).
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("questions.update")) saves.push(request.url());
  });
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(validation).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("version-state")).toContainText("v2 draft (v1 is published)");
  expect(saves).toHaveLength(1);

  // A field error from the server stands beside its field (drafts save as the instructor types).
  await page.getByTestId("variable-2-min").fill("50");
  await expect(page.getByTestId("variable-2").getByTestId("field-error")).toContainText("max is smaller than min");
  await page.getByTestId("variable-2-min").fill("3");
  await expect(page.getByTestId("variable-2").getByTestId("field-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Validate" }).click();
  await expect(validation).toHaveAttribute("data-ok", "false");
  await expect(validation).toContainText("32 variants could not be built");
  await expect(validation.getByTestId("validation-failure").first()).toContainText("k = 33");
  await expect(validation.getByTestId("validation-failure").first()).toContainText("the engine cannot compute the key");
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await snap(page, "editor-custom-bad-range");

  await page.goto(bankPath);
  await expect(row.getByTestId("question-state")).toHaveText("published v1, draft v2 pending");
  await expect(row.getByTestId("question-validation")).toHaveText("last validation failed");
  await snap(page, "editor-bank");
});

test("a built-in template narrowed to stride 2 and a fixed multiple-choice question, reordered and archived; the editor reads well in Chinese", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, INSTRUCTOR);
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Editor kinds ${Date.now()}`, lang: "en" });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Kinds" });
  const bankPath = `/teach/${course.id}/banks/${bank.id}`;

  // Built-in: the picker fills the title; the check's numbers are offered once it is saved.
  await page.goto(`${bankPath}/questions/new?kind=builtin`);
  await page.getByTestId("template-picker").selectOption("conv.output-size");
  await expect(page.getByTestId("title-en")).not.toHaveValue("");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(/questions\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("check-paths")).toContainText("spec.layers.0.kernel");
  await page.getByRole("button", { name: "Add a constraint" }).click();
  await page.getByTestId("constraint-0-path").fill("spec.layers.0.stride");
  const saved = page.waitForResponse((response) => response.url().includes("questions.update") && response.ok());
  await page.getByTestId("constraint-0-values").fill("2");
  await saved;
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await page.getByTestId("preview-seed").fill("11");
  const english = page.getByTestId("preview-en");
  await expect(english).toHaveAttribute("data-seed", "11");
  await expect(english).toHaveAttribute("aria-busy", "false");
  const strides = Object.entries(await previewVariables(english)).filter(([path]) => path.startsWith("spec.layers.0.stride"));
  expect(strides.length).toBeGreaterThan(0);
  for (const [, value] of strides) expect(value).toBe(2);
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByTestId("validation")).toHaveAttribute("data-ok", "true");
  await snap(page, "editor-builtin");

  // Fixed: a multiple-choice question with its key and explanation.
  await page.goto(`${bankPath}/questions/new?kind=fixed`);
  await page.getByTestId("title-en").fill("Padding that keeps the size");
  await page.getByTestId("title-zh").fill("保持尺寸的填充");
  await page.getByTestId("prompt-en").fill("A $3 \\times 3$ kernel with stride 1: which padding keeps the height and width?");
  await page.getByTestId("prompt-zh").fill("$3 \\times 3$ 的卷积核、步幅为 1：多大的填充能保持高和宽不变？");
  await page.getByTestId("option-0-en").fill("1");
  await page.getByTestId("option-1-en").fill("0");
  await page.getByTestId("explanation-en").fill("Padding $(k - 1)/2 = 1$ on each side keeps the size (d2l 7.3.1).");
  await page.getByTestId("explanation-zh").fill("每侧填充 $(k - 1)/2 = 1$ 行（列）可保持尺寸（《动手学深度学习》6.3.1 节）。");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(/questions\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("preview-key-en")).toHaveText("A. 1");
  await expect(page.getByTestId("preview-zh-CN")).toContainText("保持高和宽不变");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByTestId("validation")).toHaveAttribute("data-ok", "true");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("published v1");
  // The same definition as JSON, for those who prefer it, and back.
  await page.getByRole("button", { name: "Edit as JSON (advanced)" }).click();
  await expect(page.getByTestId("definition-json")).toHaveValue(/"format": "choice"/);
  await page.getByRole("button", { name: "Back to the form" }).click();
  await expect(page.getByTestId("option-0-en")).toHaveValue("1");

  // The bank: in order of creation; the fixed question moved up; the built-in one archived.
  await page.goto(bankPath);
  const titles = page.getByTestId("question-row").getByRole("link");
  await expect(titles).toHaveCount(2);
  await expect(titles.nth(1)).toHaveText("Padding that keeps the size");
  await page.getByRole("button", { name: "Move “Padding that keeps the size” up" }).click();
  await expect(titles.nth(0)).toHaveText("Padding that keeps the size");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("question-row").nth(1).getByRole("button", { name: "Archive" }).click();
  await expect(titles).toHaveCount(1);

  // The editor in Chinese: every label from the catalogue, and still accessible.
  await page.getByTestId("language-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await titles.first().click();
  await expect(page.getByTestId("version-state")).toHaveText("已发布 v1");
  await expect(page.getByTestId("preview-key-zh-CN")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), "editor in Chinese").toEqual([]);
  await snap(page, "editor-fixed-zh");
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
