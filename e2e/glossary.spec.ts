import { expect, test } from "@playwright/test";
import { snap } from "./support";

/**
 * The glossary page lists the books' terms in both languages (d2l zh 2nd ed. 6.3 步幅, 6.5 汇聚层,
 * 7.5 批量规范化; NNDL 5.5.2 膨胀率), filters them as one types, and switches its own texts with
 * the interface language. No sign-in is needed.
 */
test("the glossary shows the books' terms, filters them, and reads in both languages", async ({ page }) => {
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { level: 1, name: /^(glossary|术语表)$/i })).toBeVisible();
  // Start in English whatever the browser's language.
  const switcher = page.getByTestId("language-switcher");
  if ((await switcher.inputValue()) !== "en") {
    await switcher.selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  }

  const rows = page.getByTestId("glossary-row");
  await expect(rows.filter({ hasText: "stride" }).first()).toContainText("步幅");
  await expect(rows.filter({ hasText: "pooling layer" }).first()).toContainText("汇聚层");
  await expect(rows.filter({ hasText: "pooling layer" }).first()).toContainText("also known as 池化层");
  await expect(rows.filter({ hasText: "batch normalization" }).first()).toContainText("批量规范化");
  await expect(page.getByRole("columnheader", { name: "English" }).first()).toBeVisible();
  await snap(page, "glossary-en");

  const filter = page.getByLabel("Filter terms");
  await filter.fill("dilation");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("膨胀率");
  await filter.fill("no such term");
  await expect(page.getByText(/No term matches/)).toBeVisible();
  await filter.fill("");

  await switcher.selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "术语表" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "填充和步幅" })).toBeVisible();
  await expect(rows.filter({ hasText: "receptive field" }).first()).toContainText("感受野");
  await expect(rows.filter({ hasText: "pooling layer" }).first()).toContainText("又称 池化层");
  const zhFilter = page.getByLabel("筛选术语");
  await zhFilter.fill("稠密");
  await expect(rows.filter({ hasText: "dense block" })).toHaveCount(1);
  await zhFilter.fill("");
  await snap(page, "glossary-zh-CN");

  // Leave the browser in English for the journeys that follow.
  await switcher.selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
});
