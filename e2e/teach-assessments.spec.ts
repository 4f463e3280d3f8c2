import { expect, type Page, test } from "@playwright/test";
import { mutate, seriousViolations, signIn, snap } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/** A one-answer question about pooling, so a bank has something published to draw. */
function poolingQuestion(kernel: number) {
  return {
    kind: "fixed",
    title: { en: `Parameters of ${kernel}×${kernel} max pooling`, "zh-CN": `${kernel}×${kernel} 最大汇聚层的参数` },
    topic: "pooling",
    difficulty: "easy",
    prompt: { en: `How many trainable parameters does a $${kernel} \\times ${kernel}$ max-pooling layer have?`, "zh-CN": `一个 $${kernel} \\times ${kernel}$ 最大汇聚层有多少个可训练参数？` },
    answer: {
      format: "choice",
      options: [
        { text: { en: String(kernel * kernel) }, correct: false },
        { text: { en: "0" }, correct: true },
      ],
    },
    explanation: { en: "A pooling layer has no kernel to learn.", "zh-CN": "汇聚层没有要学习的卷积核。" },
  };
}

/** A course in Shanghai time with one bank of three published questions, made through the API. */
async function courseWithBank(page: Page) {
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Assessments course ${Date.now()}`, lang: "en", timeZone: "Asia/Shanghai" });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Pooling basics" });
  for (const kernel of [2, 3, 4]) {
    const question = await mutate<{ id: string }>(page, "questions.create", { bankId: bank.id, definition: poolingQuestion(kernel) });
    await mutate(page, "questions.validate", { questionId: question.id });
    await mutate(page, "questions.publish", { questionId: question.id });
  }
  return { courseId: course.id, bankTitle: "Pooling basics" };
}

async function expectClean(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), where).toEqual([]);
}

test("an instructor builds an exam from a bank and a homework from built-in skills, publishes both and sees them listed; a refused draw stands beside its field; zh-CN renders", async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, INSTRUCTOR);
  const { courseId, bankTitle } = await courseWithBank(page);

  // From the course page to an empty list.
  await page.goto(`/teach/${courseId}`);
  await snap(page, "assessments-course-page");
  await page.getByTestId("assessments-link").click();
  await expect(page).toHaveURL(new RegExp(`/teach/${courseId}/assessments$`));
  await expect(page.getByRole("heading", { level: 1, name: "Assessments" })).toBeVisible();
  await expect(page.getByTestId("no-assessments")).toBeVisible();
  await expect(page.getByTestId("assessments-zone")).toContainText("Asia/Shanghai");
  await expectClean(page, "empty list");
  await snap(page, "assessments-empty");

  // ---- the exam, from the whole bank ----
  await page.getByTestId("new-assessment").click();
  await expect(page.getByRole("heading", { level: 1, name: "New assessment" })).toBeVisible();
  // A homework shows no exam settings; the exam shows them.
  await expect(page.getByTestId("time-limit")).toHaveCount(0);
  await expect(page.getByTestId("counts-for-review")).toBeChecked();
  await page.getByTestId("title-en").fill("Midterm: pooling");
  await page.getByTestId("title-zh").fill("期中考试：汇聚层");
  // The type is a radio group: arrow keys move the choice, as everywhere.
  await page.getByTestId("kind-homework").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("kind-exam")).toBeChecked();
  await expect(page.getByTestId("time-limit")).toBeVisible();
  await expect(page.getByTestId("grade-at-end")).toBeVisible();
  await expect(page.getByTestId("honour-pledge")).toBeVisible();
  // Exams do not move learners' review schedules unless the instructor says so.
  await expect(page.getByTestId("counts-for-review")).not.toBeChecked();

  const zone = page.getByTestId("zone").first();
  await zone.getByLabel(`Whole bank: ${bankTitle} (3 published questions)`).check();
  await expect(zone.getByTestId("pool-size")).toHaveText("3 questions in the pool.");
  await expect(zone.getByTestId("pool-entry")).toHaveText([new RegExp(`${bankTitle} \\(whole bank, 3\\)`)]);
  // Five of three: the server refuses it and names the field.
  await zone.getByLabel("Questions drawn").fill("5");
  await zone.getByLabel("Points per question").fill("10");
  await zone.getByLabel("Points per try (optional)").fill("10, 7, 5");
  await page.getByTestId("time-limit").fill("45");
  await page.getByTestId("opens-at").fill("2026-12-10T09:00");
  await page.getByTestId("due-at").fill("2026-12-10T12:00");
  await expect(page.getByLabel("Opens (Asia/Shanghai)")).toBeVisible();
  await page.getByTestId("honour-pledge").check();
  await page.getByTestId("published").check();
  await page.getByTestId("save").click();

  const drawField = zone.getByTestId("zone-draw");
  await expect(drawField.getByTestId("field-error")).toHaveText("zone 1 can draw from 1 to 3 of its 3 questions");
  await expect(zone.getByLabel("Questions drawn")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("error-summary")).toContainText("Zone 1, questions drawn: zone 1 can draw from 1 to 3 of its 3 questions");
  await expect(page.getByTestId("error-summary")).toBeFocused();
  // Nothing typed is lost on a refusal.
  await expect(page).toHaveURL(/\/assessments\/new$/);
  await expect(page.getByTestId("title-en")).toHaveValue("Midterm: pooling");
  await expect(page.getByTestId("title-zh")).toHaveValue("期中考试：汇聚层");
  await expect(zone.getByLabel("Points per try (optional)")).toHaveValue("10, 7, 5");
  await expect(page.getByTestId("time-limit")).toHaveValue("45");
  await expect(page.getByTestId("opens-at")).toHaveValue("2026-12-10T09:00");
  await expect(page.getByTestId("published")).toBeChecked();
  await expectClean(page, "editor with a field error");
  await snap(page, "assessments-exam-field-error");

  // A try worth more than the question: also the server's rule, beside its field.
  await zone.getByLabel("Questions drawn").fill("2");
  await zone.getByLabel("Points per try (optional)").fill("10, 12");
  await page.getByTestId("save").click();
  await expect(zone.getByTestId("zone-points-per-try").getByTestId("field-error")).toContainText("try 2 cannot be worth more than the question's 10 points");
  await expect(drawField.getByTestId("field-error")).toHaveCount(0);

  await zone.getByLabel("Points per try (optional)").fill("10, 7, 5");
  await page.getByTestId("save").click();
  await expect(page).toHaveURL(new RegExp(`/teach/${courseId}/assessments$`));

  const exam = page.getByTestId("assessment-row").filter({ hasText: "Midterm: pooling" });
  await expect(exam.getByTestId("assessment-kind")).toHaveText("Exam");
  await expect(exam.getByTestId("assessment-state")).toHaveText("Published");
  await expect(exam.getByTestId("assessment-size")).toContainText("2 questions, 20 points");
  await expect(exam.getByTestId("assessment-progress")).toHaveText("not started by anyone, 0 finished");
  // 09:00 and 12:00 in Shanghai, shown in Shanghai's time whatever the browser's zone.
  await expect(exam.getByTestId("assessment-dates")).toHaveText(/Opens Dec 10, 2026, 9:00\sAM · due Dec 10, 2026, 12:00\sPM · 45 minutes to finish/);

  // What was saved comes back into the editor as typed.
  await exam.getByTestId("assessment-title").click();
  await expect(page.getByRole("heading", { level: 1, name: "Midterm: pooling" })).toBeVisible();
  await expect(page.getByTestId("kind-exam")).toBeChecked();
  await expect(page.getByTestId("time-limit")).toHaveValue("45");
  await expect(page.getByTestId("opens-at")).toHaveValue("2026-12-10T09:00");
  await expect(page.getByTestId("due-at")).toHaveValue("2026-12-10T12:00");
  const savedZone = page.getByTestId("zone").first();
  await expect(savedZone.getByLabel("Points per try (optional)")).toHaveValue("10, 7, 5");
  await expect(savedZone.getByLabel("Questions drawn")).toHaveValue("2");
  // The bank was expanded on save: its three questions, each listed.
  await expect(savedZone.getByTestId("pool-entry")).toHaveCount(3);
  await expect(page.getByTestId("honour-pledge")).toBeChecked();
  await expect(page.getByTestId("counts-for-review")).not.toBeChecked();
  await expect(page.getByTestId("published")).toBeChecked();
  await page.getByRole("link", { name: "Cancel" }).click();

  // ---- the homework, from built-in skills ----
  await page.getByTestId("new-assessment").click();
  await page.getByTestId("title-en").fill("Homework 1: pooling and padding");
  const hwZone = page.getByTestId("zone").first();
  await hwZone.getByTestId("pool-skills").locator("summary").click();
  await hwZone.getByTestId("skill-search").fill("pooling");
  await hwZone.getByRole("checkbox", { name: "Output shape of a pooling layer", exact: true }).check();
  await hwZone.getByRole("checkbox", { name: "Max pooling: the output values", exact: true }).check();
  await hwZone.getByTestId("skill-search").fill("padding");
  await expect(hwZone.getByRole("checkbox", { name: "Max pooling: the output values", exact: true })).toHaveCount(0);
  await hwZone.getByRole("checkbox", { name: "Padding that keeps the size", exact: true }).check();
  await expect(hwZone.getByTestId("pool-size")).toHaveText("3 questions in the pool.");
  await hwZone.getByLabel("Questions drawn").fill("2");
  await hwZone.getByLabel("Points per question").fill("5");
  await hwZone.getByLabel("Shuffle").check();

  // A second zone, then moved above the first and removed again: the first zone's choices stay.
  await page.getByTestId("add-zone").click();
  await expect(page.getByTestId("zone")).toHaveCount(2);
  await page.getByRole("button", { name: "Move zone 2 up" }).click();
  await expect(page.getByTestId("zone").nth(1).getByTestId("pool-entry")).toHaveCount(3);
  await page.getByRole("button", { name: "Remove zone 1" }).click();
  await expect(page.getByTestId("zone")).toHaveCount(1);
  await expect(page.getByTestId("zone").first().getByTestId("pool-entry")).toHaveCount(3);

  await page.getByTestId("due-at").fill("2026-12-20T23:59");
  await page.getByTestId("late-until").fill("2026-12-22T23:59");
  await page.getByTestId("late-credit").fill("50");
  await page.getByTestId("showSolution").selectOption("after-close");
  await expect(page.getByTestId("exam-rules")).toHaveCount(0);
  await expect(page.getByTestId("counts-for-review")).toBeChecked();
  await page.getByTestId("published").check();
  await expectClean(page, "homework editor");
  await snap(page, "assessments-homework-editor");
  // Enter in a field saves, as in any form.
  await page.getByTestId("title-en").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/teach/${courseId}/assessments$`));

  // Both, in the order they were made, both published.
  await expect(page.getByTestId("assessment-title")).toHaveText(["Midterm: pooling", "Homework 1: pooling and padding"]);
  const homework = page.getByTestId("assessment-row").filter({ hasText: "Homework 1" });
  await expect(homework.getByTestId("assessment-kind")).toHaveText("Homework");
  await expect(homework.getByTestId("assessment-state")).toHaveText("Published");
  await expect(homework.getByTestId("assessment-size")).toContainText("2 questions, 10 points");
  await expect(homework.getByTestId("assessment-dates")).toHaveText(/Opens when published · due Dec 20, 2026, 11:59\sPM/);
  await expectClean(page, "list");
  await snap(page, "assessments-list");

  await homework.getByTestId("assessment-title").click();
  await expect(page.getByTestId("late-credit")).toHaveValue("50");
  await expect(page.getByTestId("showSolution")).toHaveValue("after-close");
  await expect(page.getByTestId("zone").first().getByLabel("Shuffle")).toBeChecked();

  // ---- a phone ----
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/teach/${courseId}/assessments/new`);
  await expect(page.getByTestId("assessment-form")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the editor fits a phone's width").toBeLessThanOrEqual(0);
  await snap(page, "assessments-editor-phone");
  await page.goto(`/teach/${courseId}/assessments`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "the list fits a phone's width").toBeLessThanOrEqual(0);
  await snap(page, "assessments-list-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  // ---- in Chinese ----
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  await page.goto(`/teach/${courseId}/assessments`);
  await expect(page.getByRole("heading", { level: 1, name: "作业与考试" })).toBeVisible();
  await expect(page.getByTestId("assessment-title")).toHaveText(["期中考试：汇聚层", "Homework 1: pooling and padding"]);
  await expect(page.getByTestId("assessment-kind")).toHaveText(["考试", "作业"]);
  await expect(page.getByTestId("assessment-state").first()).toHaveText("已发布");
  await expectClean(page, "list in Chinese");
  await snap(page, "assessments-list-zh");
  await page.getByTestId("new-assessment").click();
  await expect(page.getByRole("heading", { level: 1, name: "新建作业或考试" })).toBeVisible();
  await expect(page.getByLabel("开放时间（Asia/Shanghai）")).toBeVisible();
  await expect(page.getByTestId("zone").first().getByLabel(/整个题库：Pooling basics（3 道已发布的题）/)).toBeVisible();
  await expectClean(page, "editor in Chinese");
  await snap(page, "assessments-editor-zh");

  // The dark theme keeps every text readable (axe's contrast rule) in the saved exam's editor.
  await context.addCookies([{ name: "stride-theme", value: "dark", url: baseURL! }]);
  await page.goto(`/teach/${courseId}/assessments`);
  await page.getByTestId("assessment-title").first().click();
  await expect(page.getByTestId("time-limit")).toHaveValue("45");
  await expectClean(page, "exam editor, dark, in Chinese");
  await snap(page, "assessments-editor-dark");
});
