import { expect, test } from "@playwright/test";
import { signIn, signUpFreshLearner, snap } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/**
 * Issue 11 as a class meets it: a bundle someone else wrote is imported. Its published question
 * that cannot be built stays a draft (the form says why), and its hostile Markdown — script links,
 * an image with a script source, raw HTML with an onerror handler — reaches the learner as text,
 * never as a live URL or handler.
 */
const hostilePrompt =
  "Read [the notes](javascript:alert(1)) and [these too](JAVASCRIPT:alert(2)) first. " +
  '![diagram](javascript:alert(3)) <img src="x" onerror="alert(4)"> ' +
  "How many trainable parameters does a $2 \\times 2$ max-pooling layer have?";

const bundle = {
  format: "stride-bank",
  version: 1,
  bank: {
    title: "Shared by a colleague",
    questions: [
      {
        key: "broken",
        versions: [
          {
            version: 1,
            published: true,
            definition: {
              kind: "custom",
              title: { en: "Divide by nothing" },
              topic: "conv-arithmetic",
              difficulty: "easy",
              prompt: { en: "What is {{a}} / ({{a}} - {{a}})?" },
              variables: [{ name: "a", values: [1, 2] }],
              answer: { kind: "integer", formula: "a/(a-a)" },
            },
          },
        ],
      },
      {
        key: "hostile",
        versions: [
          {
            version: 1,
            published: true,
            definition: {
              kind: "fixed",
              title: { en: "Pooling parameters, with links" },
              topic: "pooling",
              difficulty: "easy",
              prompt: { en: hostilePrompt },
              answer: {
                format: "choice",
                options: [
                  { text: { en: "[four](javascript:alert(5))" }, correct: false },
                  { text: { en: "zero" }, correct: true },
                ],
              },
              explanation: { en: "A pooling layer has no kernel to learn; see [this page](data:text/html,<script>alert(6)</script>)." },
            },
          },
        ],
      },
    ],
  },
};

test("a hostile bundle: the broken question stays a draft, and its links reach the learner dead", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn(page, INSTRUCTOR);
  await page.goto("/teach");
  const title = `Imported ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page).toHaveURL(/\/teach\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";

  await page.getByLabel("Bundle file").setInputFiles({ name: "colleague.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported Shared by a colleague: 2 questions." })).toBeVisible({ timeout: 60_000 });
  const drafts = page.getByTestId("import-drafts");
  await expect(drafts).toContainText("1 question stayed a draft");
  await expect(drafts).toContainText("Divide by nothing (version 1): 2 of 2 variants could not be built.");
  await expect(drafts).not.toContainText("Pooling parameters");
  await snap(page, "class-safety-01-import-drafts");

  // A learner joins: the course's published question comes before the built-in bank.
  const learnerContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const learner = await learnerContext.newPage();
  learner.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await learner.goto("/sign-in");
  await signUpFreshLearner(learner);
  await learner.goto(`/join/${code}`);
  await learner.getByTestId("join-course").click();
  await expect(learner.getByTestId("joined")).toBeVisible();
  await learner.goto("/review");

  const problem = learner.getByTestId("problem");
  await expect(problem).toContainText("How many trainable parameters");
  await expect(problem.getByText("the notes")).toBeVisible();
  await expect(learner.getByTestId("answer-options")).toContainText("four");
  // No URL with a script scheme and no inline handler anywhere on the page.
  const liveScripts = await learner.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data:text)/i.test(attribute.value))
        .map((attribute) => `${element.tagName.toLowerCase()} ${attribute.name}=${attribute.value}`),
    ),
  );
  expect(liveScripts).toEqual([]);
  await snap(learner, "class-safety-02-learner-prompt");

  await learner.getByRole("radio", { name: /zero/ }).check();
  await learner.getByRole("button", { name: "Check answer" }).click();
  await expect(learner.getByText("Correct", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(learner.getByText("A pooling layer has no kernel to learn")).toBeVisible();
  expect(await learner.locator('a[href^="data:"], a[href^="javascript:" i], img[src^="javascript:" i]').count()).toBe(0);
  await snap(learner, "class-safety-03-learner-result");

  expect(dialogs).toEqual([]);
  await learnerContext.close();
});
