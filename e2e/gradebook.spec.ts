import { expect, test } from "@playwright/test";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { expectAxeClean, mutate, query, signIn, signUpFreshLearner, snap } from "./support";

/**
 * Issue 14, the instructor's gradebook: a course with a homework is made through the API, a fresh
 * learner joins it through the page and answers through the API (one try right, one wrong); the
 * instructor opens the gradebook from the course page, sees the learner's score and status, opens
 * the attempt (every answer as typed), overrides the score with a reason and finds both values in
 * the history and the new one in the table and the Moodle CSV. Axe-clean in both languages.
 */

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/** Pooling layers have no parameters (d2l 2nd ed. en 7.5 / zh 6.5): option B ("0") is right, A ("4") wrong. */
const poolingQuestion = {
  kind: "fixed",
  title: { en: "Parameters of 2×2 max pooling", "zh-CN": "2×2 最大汇聚层的参数" },
  topic: "pooling",
  difficulty: "easy",
  prompt: { en: "How many trainable parameters does a $2 \\times 2$ max-pooling layer have?", "zh-CN": "一个 $2 \\times 2$ 最大汇聚层有多少个可训练参数？" },
  answer: { format: "choice", options: [{ text: { en: "4" }, correct: false }, { text: { en: "0" }, correct: true }] },
  explanation: { en: "A pooling layer has no kernel to learn.", "zh-CN": "汇聚层没有要学习的卷积核。" },
};

test("the instructor reads the gradebook, opens an attempt and overrides its score with a reason, in both languages", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, INSTRUCTOR);
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Gradebook ${Date.now()}`, lang: "en", timeZone: "Asia/Shanghai" });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Pooling" });
  const question = await mutate<{ id: string }>(page, "questions.create", { bankId: bank.id, definition: poolingQuestion });
  await mutate(page, "questions.validate", { questionId: question.id });
  await mutate(page, "questions.publish", { questionId: question.id });
  const homework = await mutate<{ id: string }>(page, "assessments.save", {
    courseId: course.id,
    titleEn: "Homework 1: pooling",
    titleZh: "作业 1：汇聚层",
    kind: "homework",
    zones: [{ pool: [{ question: question.id }], draw: 1, points: 10 }],
    published: true,
  });
  const { joinCode } = await query<{ joinCode: string }>(page, "courses.get", { courseId: course.id });

  const learnerContext = await browser.newContext({ baseURL });
  const learner = await learnerContext.newPage();
  await learner.goto("/");
  const learnerEmail = await signUpFreshLearner(learner);
  await learner.goto(`/join/${joinCode}`);
  await learner.getByTestId("join-course").click();
  await expect(learner.getByTestId("open-course")).toBeVisible();
  const { attemptId } = await mutate<{ attemptId: string }>(learner, "assessments.start", { assessmentId: homework.id });
  await mutate(learner, "assessments.answer", { attemptId, position: 0, tryNumber: 0, answer: "a" });
  await mutate(learner, "assessments.answer", { attemptId, position: 0, tryNumber: 1, answer: "B" });
  await mutate(learner, "assessments.finish", { attemptId });
  await learnerContext.close();

  // The course page links to the gradebook.
  await page.goto(`/teach/${course.id}`);
  await page.getByTestId("gradebook-link").click();
  // A first visit may compile the page (a dev server): give it a minute.
  await expect(page).toHaveURL(`/teach/${course.id}/gradebook`, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
  const table = page.getByTestId("gradebook-table");
  await expect(table.getByTestId("gradebook-column")).toHaveText(["Homework 1: pooling10 points"]);
  await expect(table.getByTestId("gradebook-row")).toHaveCount(1);
  const cell = table.getByTestId("gradebook-cell").first();
  await expect(cell).toHaveAttribute("data-status", "submitted");
  // The best try counts: 10 of 10.
  await expect(cell.getByTestId("gradebook-score")).toHaveText("10 / 10 (100%)");
  await expect(page.getByTestId("statistics-summary")).toHaveText("1 submitted of 1 started");
  await expect(page.getByTestId("statistics-mean")).toHaveText("100%");
  await expect(page.getByTestId("score-histogram")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await snap(page, "gradebook-table");
  await expectAxeClean(page);

  // The attempt: both tries exactly as typed.
  await cell.getByTestId("open-attempt").click();
  await expect(page).toHaveURL(`/teach/${course.id}/gradebook/${attemptId}`, { timeout: 60_000 });
  await expect(page.getByTestId("attempt-try")).toHaveCount(2);
  await expect(page.getByTestId("attempt-try").locator("code")).toHaveText(["a", "B"]);
  await expect(page.getByTestId("attempt-score")).toHaveText("10 / 10 (100%)");

  await page.getByLabel(/New score/).fill("7.5");
  await page.getByLabel("Reason").fill("Copied from a neighbour; agreed with the learner");
  await page.getByTestId("save-override").click();
  await expect(page.getByTestId("override-row")).toHaveCount(1);
  await expect(page.getByTestId("override-row")).toContainText("10 → 7.5");
  await expect(page.getByTestId("override-row")).toContainText("Copied from a neighbour; agreed with the learner");
  await expect(page.getByTestId("attempt-score")).toHaveText("7.5 / 10 (75%)");
  await expect(page.getByTestId("attempt-computed")).toHaveText("Computed from the questions: 10");
  await page.waitForLoadState("networkidle");
  await snap(page, "gradebook-attempt");
  await expectAxeClean(page);

  // Back in the table: the override shows, and the Moodle file carries it.
  await page.goto(`/teach/${course.id}/gradebook`);
  await expect(cell.getByTestId("gradebook-score")).toHaveText("7.5 / 10 (75%)");
  await expect(cell).toContainText("Overridden");
  // An accommodation for the learner: a later due date, as the course's clock shows it, and 15 extra minutes.
  const accommodation = page.getByTestId("accommodation-form");
  await accommodation.getByLabel("Due date").fill("2026-12-10T17:00");
  await accommodation.getByLabel("Extra minutes").fill("15");
  await accommodation.getByTestId("save-accommodation").click();
  await expect(accommodation.getByRole("status")).toHaveText("Saved: due 2026-12-10 17:00, 15 extra minutes.");
  await expect(cell).toContainText("Accommodation: due 2026-12-10 17:00");
  await expect(cell).toContainText("Accommodation: 15 extra minutes");
  const moodle = await page.request.get(`/api/courses/${course.id}/gradebook?format=moodle`);
  expect(moodle.status()).toBe(200);
  expect(await moodle.text()).toBe(`\uFEFFEmail address,Homework 1: pooling\r\n${learnerEmail},7.5\r\n`);

  // The same page in Chinese (the language a visitor picks is a cookie).
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "成绩册" })).toBeVisible();
  await expect(table.getByTestId("gradebook-column")).toHaveText(["作业 1：汇聚层10 分"]);
  await expect(cell).toContainText("已提交");
  await page.waitForLoadState("networkidle");
  await snap(page, "gradebook-table-zh");
  await expectAxeClean(page);
});
