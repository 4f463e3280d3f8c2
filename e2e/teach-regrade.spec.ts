import { type Browser, expect, type Page, test } from "@playwright/test";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { plantedWidth, rightWidth, STRIDE_FORMULA, strideQuestionPlantedWrong } from "@/tests/support/question-fixtures";
import { mutate, query, seriousViolations, signIn, signUpFreshLearner, snap } from "./support";

/**
 * Issue 14, regrading from the instructor's side: a question's first version plants a wrong key,
 * two learners answer it (one rightly, graded wrong; one with the planted slip, graded right), the
 * instructor fixes the key in the question editor and publishes version 2, then previews the
 * regrade (never lowering by default; off, the slip's 10 points would go), applies it (a background
 * job the page follows to its counts) and sees the candidate leave and the regrade join the history
 * of past regrades, which opens to each change. The assessments list moves a row with the keyboard
 * and archives one.
 */

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
const PHONE = { width: 390, height: 844 };

async function expectClean(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), where).toEqual([]);
}

/** A fresh learner joins the course and answers the exam's one question once, through the API. */
async function learnerAnswers(browser: Browser, baseURL: string, joinCode: string, examId: string, answerOf: (prompt: string) => number) {
  const context = await browser.newContext({ baseURL });
  const learner = await context.newPage();
  await learner.goto("/");
  const email = await signUpFreshLearner(learner);
  await mutate(learner, "courses.join", { code: joinCode });
  const { attemptId } = await mutate<{ attemptId: string }>(learner, "assessments.start", { assessmentId: examId });
  const shown = await query<{ problem: { prompt: string } }>(learner, "assessments.question", { attemptId, position: 0 });
  const answer = String(answerOf(shown.problem.prompt));
  await mutate(learner, "assessments.answer", { attemptId, position: 0, tryNumber: 0, answer });
  return { context, learner, email, answer };
}

test("an instructor fixes a planted key, previews the regrade (never lowering unless asked), applies it and the candidate is gone; the list reorders by keyboard and archives", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, INSTRUCTOR);
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Regrade course ${Date.now()}`, lang: "en", timeZone: "Europe/Berlin" });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Strides" });
  const question = await mutate<{ id: string }>(page, "questions.create", { bankId: bank.id, definition: strideQuestionPlantedWrong });
  await mutate(page, "questions.validate", { questionId: question.id });
  await mutate(page, "questions.publish", { questionId: question.id });
  const exam = await mutate<{ id: string }>(page, "assessments.save", {
    courseId: course.id,
    titleEn: "Exam: strides",
    kind: "exam",
    zones: [{ pool: [{ question: question.id }], draw: 1, points: 10, pointsPerTry: [10, 5] }],
    published: true,
  });
  for (const titleEn of ["Homework: padding", "Old quiz"]) {
    await mutate(page, "assessments.save", { courseId: course.id, titleEn, kind: "homework", zones: [{ pool: [{ question: question.id }], draw: 1, points: 10 }], published: false });
  }
  const { joinCode } = await query<{ joinCode: string }>(page, "courses.get", { courseId: course.id });

  // One right answer, graded 0 by the planted key; one with the planted slip, graded 10.
  const right = await learnerAnswers(browser, baseURL!, joinCode, exam.id, rightWidth);
  const slip = await learnerAnswers(browser, baseURL!, joinCode, exam.id, plantedWidth);
  await slip.context.close();

  // Nothing to regrade while every answer is on the published version.
  const list = `/teach/${course.id}/assessments`;
  await page.goto(list);
  const examRow = page.getByTestId("assessment-row").filter({ hasText: "Exam: strides" });
  await expect(examRow.getByTestId("regrade-link")).toBeVisible();
  await expect(examRow.getByTestId("regrade-count")).toHaveCount(0);
  await page.goto(`/teach/${course.id}/assessments/${exam.id}/regrade`, { timeout: 60_000 });
  await expect(page.getByTestId("regrade-empty")).toContainText("every answer was graded against the published version");

  // The key fixed in the question editor: a new version, validated over both strides, published.
  // The editor links to the regrade page once learners have started.
  await page.goto(`/teach/${course.id}/assessments/${exam.id}/edit`, { timeout: 60_000 });
  await expect(page.getByTestId("editor-regrade-link")).toHaveAttribute("href", `/teach/${course.id}/assessments/${exam.id}/regrade`);
  await page.goto(`/teach/${course.id}/banks/${bank.id}/questions/${question.id}`, { timeout: 60_000 });
  await expect(page.getByTestId("version-state")).toHaveText("published v1");
  await page.getByLabel("Formula", { exact: true }).fill(STRIDE_FORMULA);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("version-state")).toContainText("v2 draft (v1 is published)");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByTestId("validation")).toHaveAttribute("data-ok", "true");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("published v2");

  // The list tells which assessment has answers to regrade.
  await page.goto(list);
  await expect(examRow.getByTestId("regrade-count")).toHaveText("1 question to regrade");
  await expect(page.getByTestId("assessment-row").filter({ hasText: "Old quiz" }).getByTestId("regrade-count")).toHaveCount(0);
  await expectClean(page, "list with a regrade count");
  await snap(page, "assessments-regrade-count");
  await examRow.getByTestId("regrade-link").click();
  await expect(page).toHaveURL(`/teach/${course.id}/assessments/${exam.id}/regrade`, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Regrade Exam: strides" })).toBeVisible();
  const candidate = page.getByTestId("regrade-candidate");
  await expect(candidate).toHaveCount(1);
  await expect(candidate.getByTestId("candidate-title")).toHaveText("Output width with a stride");
  await expect(candidate.getByTestId("candidate-versions")).toHaveText("version 1 → published version 2");
  await expect(candidate.getByTestId("candidate-size")).toHaveText("2 answers in 2 attempts");
  await expect(page.getByRole("heading", { level: 2, name: "Past regrades" })).toBeVisible();
  await expect(page.getByTestId("regrade-history-empty")).toHaveText("No regrade has been applied to this assessment yet.");
  await expectClean(page, "regrade candidates");

  // The preview, chosen with the keyboard; never lowering is on by default.
  await candidate.getByTestId("candidate-preview").focus();
  await page.keyboard.press("Enter");
  const preview = page.getByTestId("regrade-preview");
  await expect(preview.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(preview.getByTestId("never-lower")).toBeChecked();
  await expect(preview.getByTestId("may-lower")).toHaveCount(0);
  await expect(preview.getByTestId("regrade-summary")).toHaveText("2 questions in attempts would move to the fixed version; 1 score changes.");
  const rightRow = preview.getByTestId("regrade-row").filter({ hasText: right.email });
  const slipRow = preview.getByTestId("regrade-row").filter({ hasText: slip.email });
  await expect(rightRow).toHaveAttribute("data-state", "changed");
  await expect(rightRow.getByTestId("regrade-answer")).toHaveText([`${right.answer}0% → 100%`]);
  await expect(rightRow.getByTestId("regrade-points")).toHaveText("0 → 10");
  await expect(rightRow).toContainText("Question 1");
  // The slip keeps its 10 points, and the row says why.
  await expect(slipRow).toHaveAttribute("data-state", "unchanged");
  await expect(slipRow.getByTestId("regrade-answer")).toHaveText([`${slip.answer}100% → 0%`]);
  await expect(slipRow.getByTestId("regrade-points")).toHaveText("10 → 10");
  await expect(slipRow).toContainText("The fixed key gives 0; kept at 10 because scores are never lowered.");
  await expectClean(page, "regrade preview");
  await snap(page, "regrade-preview");

  // Allowing lower scores runs the preview again and says so plainly.
  await preview.getByTestId("never-lower").uncheck();
  await expect(preview.getByTestId("may-lower")).toContainText("Scores may go down");
  await expect(preview.getByTestId("regrade-summary")).toHaveText("2 questions in attempts would move to the fixed version; 2 scores change.");
  await expect(slipRow).toHaveAttribute("data-state", "lowered");
  await expect(slipRow.getByTestId("regrade-points")).toHaveText("10 → 0");
  await expectClean(page, "regrade preview allowing lower scores");
  await snap(page, "regrade-preview-lower");
  await page.setViewportSize(PHONE);
  await expectClean(page, "regrade preview on a phone");
  await snap(page, "regrade-preview-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  // The dark theme is the page's data-theme (app/theme.css): switched in place, the preview stays.
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expectClean(page, "regrade preview, dark");
  await snap(page, "regrade-preview-dark");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await preview.getByTestId("never-lower").check();
  await expect(slipRow.getByTestId("regrade-points")).toHaveText("10 → 10");

  // Apply, behind a confirmation whose safe button has the focus; Escape leaves nothing applied.
  await preview.getByTestId("regrade-apply").click();
  const dialog = page.getByTestId("apply-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog).toContainText("2 questions in attempts move to version 2 of Output width with a stride, and 1 score changes.");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(rightRow.getByTestId("regrade-points")).toHaveText("0 → 10");
  await preview.getByTestId("regrade-apply").click();
  await expectClean(page, "apply dialog");
  await snap(page, "regrade-confirm");
  // Confirmed from the keyboard: Tab from Cancel to Apply, then Enter.
  await page.keyboard.press("Tab");
  await expect(dialog.getByTestId("apply-confirm")).toBeFocused();
  await page.keyboard.press("Enter");
  // Applying enqueues a job: the page says it is queued or running, with the focus on that, and
  // follows it to the counts (a worker polls the queue every second).
  const progress = page.getByTestId("regrade-progress");
  const applied = page.getByTestId("regrade-applied");
  await expect(progress.or(applied)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(applied).toHaveText("Regraded Output width with a stride against version 2: 2 questions in attempts moved, 1 score changed.", { timeout: 60_000 });
  await expect(applied).toBeFocused();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId("regrade-candidate")).toHaveCount(0);
  await expect(page.getByTestId("regrade-empty")).toBeVisible();

  // The regrade joins the history: when, which question and versions, by whom, the counts, and
  // that scores were never lowered; opened from the keyboard, its changes.
  const history = page.getByTestId("regrade-history-item");
  await expect(history).toHaveCount(1);
  await expect(history.getByTestId("history-title")).toContainText("Output width with a stride, version 1 → 2");
  await expect(history.getByTestId("history-by")).toHaveText(/^Applied by \S/);
  await expect(history.getByTestId("history-counts")).toHaveText("2 questions in attempts moved; 1 score changed.");
  await expect(history.getByTestId("history-lowering")).toHaveText("Scores never lowered");
  await expect(history.getByTestId("history-changes")).toBeHidden();
  await history.locator("summary").focus();
  await page.keyboard.press("Enter");
  const changes = history.getByTestId("history-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.filter({ hasText: right.email })).toHaveAttribute("data-state", "changed");
  await expect(changes.filter({ hasText: right.email }).getByTestId("history-points")).toHaveText("0 → 10");
  await expect(changes.filter({ hasText: right.email })).toContainText("Question 1");
  await expect(changes.filter({ hasText: slip.email })).toHaveAttribute("data-state", "unchanged");
  await expect(changes.filter({ hasText: slip.email }).getByTestId("history-points")).toHaveText("10 → 10");
  await expectClean(page, "after applying, the history open");
  await snap(page, "regrade-applied");
  // A second apply after it ran finds nothing to change, and says so without a job.
  const again = await mutate<{ jobId: string | null; state: string; result: { regradeId: string | null; affected: number } }>(page, "assessments.regradeApply", { assessmentId: exam.id, questionId: question.id });
  expect(again).toMatchObject({ jobId: null, state: "done", result: { regradeId: null, affected: 0 } });

  // The learner who answered rightly now has the 10 points.
  const { attempt } = await query<{ attempt: { questions: { awarded: number }[] } }>(right.learner, "assessments.attempt", { assessmentId: exam.id });
  expect(attempt.questions[0]!.awarded).toBe(10);
  await right.context.close();

  // On a phone, the table scrolls within its own region; the page reads in Chinese too.
  await page.setViewportSize(PHONE);
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "重新评分：Exam: strides" })).toBeVisible();
  await expect(page.getByTestId("regrade-empty")).toContainText("每个作答都是按题目已发布的版本评分的");
  await expect(page.getByRole("heading", { level: 2, name: "以往的重新评分" })).toBeVisible();
  await expect(history.getByTestId("history-title")).toContainText("Output width with a stride，版本 1 → 2");
  await expect(history.getByTestId("history-counts")).toHaveText("答卷中的 2 道题已更新；1 个分数发生了变化。");
  await expect(history.getByTestId("history-lowering")).toHaveText("绝不降低分数");
  await history.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(history.getByTestId("history-change")).toHaveCount(2);
  await expect(history.getByRole("columnheader", { name: "得分（之前 → 之后）" })).toBeVisible();
  await expectClean(page, "regrade page in Chinese on a phone");
  await snap(page, "regrade-empty-zh-phone");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
  await page.setViewportSize({ width: 1280, height: 800 });

  // ---- arranging: move the homework above the exam with the keyboard, then archive the old quiz ----
  await page.goto(list);
  const titles = page.getByTestId("assessment-title");
  await expect(titles).toHaveText(["Exam: strides", "Homework: padding", "Old quiz"]);
  await expect(examRow.getByTestId("regrade-count")).toHaveCount(0);
  const homeworkRow = page.getByTestId("assessment-row").filter({ hasText: "Homework: padding" });
  await expect(homeworkRow.getByTestId("move-up")).toBeEnabled();
  await expect(page.getByTestId("assessment-row").first().getByTestId("move-up")).toBeDisabled();
  // An assessment made elsewhere after the page loaded: the server refuses the page's stale order,
  // and the list is read again rather than dropping the newcomer.
  await mutate(page, "assessments.save", { courseId: course.id, titleEn: "Late addition", kind: "homework", zones: [{ pool: [{ question: question.id }], draw: 1, points: 10 }], published: false });
  await homeworkRow.getByTestId("move-up").focus();
  await page.keyboard.press("Enter");
  await expect(homeworkRow.getByRole("alert")).toHaveText("The list changed since this page was loaded, so it has been read again: try the move once more.");
  await expect(titles).toHaveText(["Exam: strides", "Homework: padding", "Old quiz", "Late addition"]);
  await homeworkRow.getByTestId("move-up").focus();
  await page.keyboard.press("Enter");
  await expect(titles).toHaveText(["Homework: padding", "Exam: strides", "Old quiz", "Late addition"]);
  // At the top it cannot go further up: the focus stays in its row, on Down.
  await expect(homeworkRow.getByTestId("move-down")).toBeFocused();
  await expect(homeworkRow.getByRole("alert")).toHaveCount(0);
  await expectClean(page, "list after a move");
  await page.reload();
  await expect(titles).toHaveText(["Homework: padding", "Exam: strides", "Old quiz", "Late addition"]);

  const oldRow = page.getByTestId("assessment-row").filter({ hasText: "Old quiz" });
  await oldRow.getByTestId("archive").click();
  await expect(oldRow.getByTestId("archive-confirm")).toContainText("Archive Old quiz? Learners will no longer see it");
  await expect(oldRow.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectClean(page, "archive confirmation");
  await snap(page, "assessments-archive-confirm");
  await oldRow.getByTestId("archive-yes").click();
  await expect(titles).toHaveText(["Homework: padding", "Exam: strides", "Late addition"]);
  await page.reload();
  await expect(titles).toHaveText(["Homework: padding", "Exam: strides", "Late addition"]);
  await page.setViewportSize(PHONE);
  await expectClean(page, "list on a phone");
  await snap(page, "assessments-arranged-phone");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: baseURL! }]);
  await page.reload();
  await expect(homeworkRow.getByRole("button", { name: "下移Homework: padding" })).toBeVisible();
  await expect(homeworkRow.getByRole("button", { name: "归档Homework: padding" })).toBeVisible();
  await expectClean(page, "list in Chinese on a phone");
  await snap(page, "assessments-arranged-zh-phone");
});
