import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { mutate, query, seriousViolations, signIn, signUpFreshLearner, snap, solveConvOutputSize } from "./support";

/**
 * Issue 14, for learners: a learner joins a course, takes a homework with retries (a wrong try,
 * a right one on a new variant, another wrong one: the best counts), then a one-minute exam with
 * an honour pledge that runs out of time and closes itself on the server's clock, seen from a
 * second device whose clock is three hours wrong. The instructor's side is made through the API
 * (its editor is tested in teach-assessments.spec.ts).
 */

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const TIME_ZONE = "Asia/Shanghai";

/** Pooling layers have no parameters (d2l 2nd ed. en 7.5 / zh 6.5): the right option is "0", the wrong one k². */
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

/** An instant as the course's wall clock shows it (YYYY-MM-DDTHH:mm), the form assessments.save takes. */
function wallClock(instant: Date): string {
  return instant.toLocaleString("sv-SE", { timeZone: TIME_ZONE, hour12: false }).replace(" ", "T").slice(0, 16);
}

/** "4:05" → 245. */
function seconds(clock: string): number {
  const [minutes, secs] = clock.trim().split(":").map(Number);
  return minutes! * 60 + secs!;
}

async function expectClean(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), where).toEqual([]);
}

async function chooseLanguage(page: Page, locale: "en" | "zh-CN") {
  const viewport = page.viewportSize()!;
  await page.setViewportSize(DESKTOP);
  await page.getByTestId("menu-button").waitFor({ state: "attached" });
  await expect(page.getByTestId("menu-button")).toHaveAttribute("data-hydrated", "true");
  await page.getByTestId("language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await page.setViewportSize(viewport);
}

/** The course, its two exam questions and both assessments, made by the demo instructor through the API. */
async function prepareCourse(page: Page) {
  await signIn(page, INSTRUCTOR);
  const course = await mutate<{ id: string }>(page, "courses.create", { title: `Take assessments ${Date.now()}`, lang: "en", timeZone: TIME_ZONE });
  const bank = await mutate<{ id: string }>(page, "banks.create", { courseId: course.id, title: "Pooling" });
  const questions: string[] = [];
  for (const kernel of [2, 3]) {
    const question = await mutate<{ id: string }>(page, "questions.create", { bankId: bank.id, definition: poolingQuestion(kernel) });
    await mutate(page, "questions.validate", { questionId: question.id });
    await mutate(page, "questions.publish", { questionId: question.id });
    questions.push(question.id);
  }
  const { joinCode } = await query<{ joinCode: string }>(page, "courses.get", { courseId: course.id });
  const homework = await mutate<{ id: string }>(page, "assessments.save", {
    courseId: course.id,
    titleEn: "Homework 1: output sizes",
    titleZh: "作业 1：输出形状",
    kind: "homework",
    zones: [{ pool: [{ template: "conv.output-size" }], draw: 1, points: 10 }],
    dueAt: wallClock(new Date(Date.now() + 7 * 24 * 3600_000)),
    published: true,
  });
  const exam = await mutate<{ id: string }>(page, "assessments.save", {
    courseId: course.id,
    titleEn: "Pooling quiz (timed)",
    titleZh: "汇聚层小测（限时）",
    kind: "exam",
    zones: [{ pool: questions.map((question) => ({ question })), draw: 2, points: 10, pointsPerTry: [10, 5] }],
    timeLimitMinutes: 1,
    honourPledge: true,
    published: true,
  });
  return { courseId: course.id, joinCode, homeworkId: homework.id, examId: exam.id };
}

function row(page: Page, title: string): Locator {
  return page.getByTestId("assessment-row").filter({ hasText: title });
}

async function answerShape(page: Page, shape: [number, number, number]) {
  await page.locator("#answer").fill(shape.join("x"));
  await page.getByRole("button", { name: "Check answer" }).click();
}

async function secondDevice(browser: Browser, context: BrowserContext, baseURL: string | undefined, path: string) {
  const device = await browser.newContext({ baseURL, viewport: PHONE, storageState: await context.storageState() });
  const page = await device.newPage();
  // This device's clock is three hours fast: the count must still be the server's.
  await page.clock.install({ time: new Date(Date.now() + 3 * 3600_000) });
  await page.goto(path);
  return { device, page };
}

/** The course page's "Time left: 0:42" as seconds. */
async function courseTimeLeft(page: Page, title: string): Promise<number> {
  const text = await row(page, title).getByTestId("time-left").innerText();
  return seconds(text.replace(/^\D*/, ""));
}

test("a learner takes a homework with retries (the best try counts) and a one-minute exam that closes itself on the server's clock, on two devices, in both languages", async ({ page, browser, baseURL }) => {
  test.setTimeout(420_000);
  const { courseId, joinCode, homeworkId, examId } = await prepareCourse(page);

  const context = await browser.newContext({ baseURL, viewport: DESKTOP });
  const learner = await context.newPage();
  await learner.goto("/");
  await signUpFreshLearner(learner);
  await learner.goto(`/join/${joinCode}`);
  await learner.getByTestId("join-course").click();
  await learner.getByTestId("open-course").click();
  await expect(learner).toHaveURL(`/courses/${courseId}`);

  // The course page: both assessments, not started, the homework due in a week.
  await expect(learner.getByTestId("course-title")).toContainText("Take assessments");
  await expect(learner.getByTestId("assessment-row")).toHaveCount(2);
  await expect(row(learner, "Homework 1").getByTestId("assessment-status")).toHaveText("Not started");
  await expect(row(learner, "Homework 1").getByTestId("assessment-due")).toContainText("in 7 days");
  await expect(row(learner, "Pooling quiz").getByTestId("assessment-status")).toHaveText("Not started");
  await expect(row(learner, "Pooling quiz")).toContainText("2 questions, 20 points");
  await expect(row(learner, "Pooling quiz")).toContainText("1 minute time limit");
  await expectClean(learner, "course page");
  await snap(learner, "take-course-page");
  // The learner's menu leads here too.
  await expect(learner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Courses", exact: true })).toHaveAttribute("href", "/courses");

  // ---- Homework: wrong, then right on a new variant, then wrong again; the best try counts. ----
  await row(learner, "Homework 1").getByTestId("assessment-link").click();
  await expect(learner).toHaveURL(`/courses/${courseId}/assessments/${homeworkId}`);
  await expect(learner.getByTestId("assessment-facts")).toContainText("Homework");
  await expect(learner.getByTestId("time-limit")).toHaveText("None");
  await expect(learner.getByTestId("pledge")).toHaveCount(0);
  await expectClean(learner, "homework before start");
  // ? lists the take page's keys with the others.
  await learner.keyboard.press("?");
  const shortcuts = learner.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Quizzes and exams");
  await expect(shortcuts).toContainText("Previous or next question");
  await learner.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await learner.getByTestId("start").click();

  await expect(learner.getByTestId("question")).toHaveAttribute("data-answerable", "true");
  await expect(learner.getByTestId("tries-left")).toHaveText("Unlimited tries");
  // Homework due next week shows its date, not a week-long clock.
  await expect(learner.getByTestId("attempt-due")).toContainText("in 7 days");
  await expect(learner.getByTestId("countdown")).toHaveCount(0);
  await expect(learner.getByTestId("next-try-points")).toHaveText("This try is worth 10 points");
  const first = await solveConvOutputSize(learner);
  // Every dimension off by one: no partial credit (2 of 3 right would earn two thirds).
  const wrong: [number, number, number] = [first[0] + 1, first[1] + 1, first[2] + 1];
  await answerShape(learner, wrong);
  const result = learner.getByTestId("try-result");
  await expect(result).toHaveAttribute("data-verdict", "incorrect");
  await expect(result.getByTestId("try-earned")).toHaveText("0 points earned");
  // Homework shows the key of the variant just answered (the next try is a new variant).
  await expect(result.getByTestId("try-expected")).toHaveText(`${first[0]} × ${first[1]} × ${first[2]}`);
  await expect(result.getByTestId("try-solution")).toBeVisible();
  await expect(result.getByTestId("verification")).toHaveAttribute("data-status", "verified", { timeout: 60_000 });
  await expect(learner.getByTestId("history-row")).toHaveCount(1);
  await expect(learner.getByTestId("history-row").first()).toContainText(wrong.join("x"));
  await expect(learner.getByTestId("question-button").first()).toHaveAttribute("data-state", "incorrect");
  await expectClean(learner, "homework wrong try");
  await snap(learner, "take-homework-wrong");

  await learner.getByTestId("try-again").click();
  await expect(learner.locator("#answer")).toBeFocused();
  await answerShape(learner, await solveConvOutputSize(learner));
  await expect(result).toHaveAttribute("data-verdict", "correct");
  await expect(result.getByTestId("try-earned")).toHaveText("10 points earned");
  await expect(learner.getByTestId("question-awarded")).toHaveText("Your points on this question: 10 of 10");

  await learner.getByTestId("try-again").click();
  const third = await solveConvOutputSize(learner);
  const wrongAgain: [number, number, number] = [third[0] + 2, third[1] + 2, third[2] + 2];
  await answerShape(learner, wrongAgain);
  await expect(result).toHaveAttribute("data-verdict", "incorrect");
  // A worse try never lowers the question's points.
  await expect(learner.getByTestId("question-awarded")).toHaveText("Your points on this question: 10 of 10");
  await expect(learner.getByTestId("history-row")).toHaveCount(3);
  await expect(learner.getByTestId("history-row").nth(2)).toContainText(wrongAgain.join("x"));

  // A second tab, read in Chinese, still offers a try that was answered meanwhile (here through
  // the API): the server refuses the tab's answer, and the tab says why in Chinese (the refusal's
  // reason, worded from the page's catalogue), not in the server's English.
  const chineseTab = await browser.newContext({ baseURL, viewport: DESKTOP, storageState: await context.storageState() });
  await chineseTab.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(learner.url()).origin }]);
  const zh = await chineseTab.newPage();
  await zh.goto(`/courses/${courseId}/assessments/${homeworkId}`);
  await expect(zh.getByTestId("question")).toHaveAttribute("data-answerable", "true");
  const { attempt: homeworkAttempt } = await query<{ attempt: { id: string } }>(learner, "assessments.attempt", { assessmentId: homeworkId });
  const { tryNumber } = await query<{ tryNumber: number }>(learner, "assessments.question", { attemptId: homeworkAttempt.id, position: 0 });
  await mutate(learner, "assessments.answer", { attemptId: homeworkAttempt.id, position: 0, tryNumber, answer: "1x1x1" });
  await zh.locator("#answer").fill("2x2x2");
  await zh.locator("#answer").press("Enter");
  await expect(zh.getByTestId("question").getByRole("alert")).toHaveText(`此答案未被接受：本题的第 ${tryNumber + 1} 次作答已经提交过。请重新加载页面查看。`);
  await chineseTab.close();

  // Finishing asks first, and says every question has an answer.
  await learner.getByTestId("finish").click();
  const dialog = learner.getByTestId("finish-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("finish-unanswered")).toHaveText("Every question has an answer.");
  await expect(dialog.getByRole("button", { name: "Keep working" })).toBeFocused();
  await dialog.getByTestId("finish-confirm").click();
  await expect(learner.getByTestId("attempt-summary")).toHaveAttribute("data-finished-by", "learner");
  await expect(learner.getByTestId("attempt-total")).toContainText("Score: 10 of 10 (100%)");
  // The last try was wrong, but the question keeps its best: it reads as right.
  await expect(learner.getByTestId("summary-result")).toHaveText("Right");
  await expect(learner.getByTestId("question-button")).toHaveAttribute("data-state", "correct");
  await expect(learner.getByTestId("tries-left")).toHaveCount(0);
  await expect(learner.getByTestId("question")).toHaveAttribute("data-answerable", "false");
  await expectClean(learner, "homework summary");
  await snap(learner, "take-homework-summary");

  await learner.goto(`/courses/${courseId}`);
  await expect(row(learner, "Homework 1").getByTestId("assessment-status")).toHaveText("Submitted");
  await expect(row(learner, "Homework 1").getByTestId("assessment-score")).toHaveText("Score: 10 of 10 (100%)");

  // ---- Exam: the pledge, one wrong try, keyboard navigation, a reload, a second device; time runs out. ----
  await row(learner, "Pooling quiz").getByTestId("assessment-link").click();
  await expect(learner.getByTestId("assessment-facts")).toContainText("Exam");
  await expect(learner.getByTestId("time-limit")).toHaveText("1 minute");
  await expect(learner.getByTestId("start")).toBeDisabled();
  await expectClean(learner, "exam before start");
  await snap(learner, "take-exam-before-start");
  await learner.getByTestId("pledge").focus();
  await learner.keyboard.press("Space");
  await expect(learner.getByTestId("start")).toBeEnabled();
  await learner.getByTestId("start").click();

  const countdown = learner.getByTestId("countdown");
  await expect(countdown).toBeVisible();
  expect(seconds(await countdown.innerText())).toBeGreaterThan(20);
  expect(seconds(await countdown.innerText())).toBeLessThanOrEqual(60);

  // Question 1: the wrong option. An exam keeps the key while the variant has tries left.
  await expect(learner.getByTestId("next-try-points")).toHaveText("This try is worth 10 points");
  const kernelOption = learner.getByTestId("answer-options").locator("label").filter({ hasNotText: /^\s*[A-Z]\.\s*0\s*$/ });
  await kernelOption.first().click();
  await learner.getByRole("button", { name: "Check answer" }).click();
  await expect(result).toHaveAttribute("data-verdict", "incorrect");
  await expect(result.getByTestId("try-expected")).toHaveCount(0);
  await expect(learner.getByTestId("tries-left")).toHaveText("1 try left");
  await learner.getByTestId("try-again").click();
  await expect(learner.getByTestId("next-try-points")).toHaveText("This try is worth 5 points");

  // The arrow keys move along the question buttons; the current one is aria-current.
  const buttons = learner.getByTestId("question-button");
  await buttons.first().focus();
  await learner.keyboard.press("ArrowRight");
  await expect(buttons.nth(1)).toHaveAttribute("aria-current", "step");
  await expect(buttons.nth(1)).toBeFocused();
  await expect(learner.getByTestId("question")).toHaveAttribute("data-position", "1");
  await expect(learner).toHaveURL(/\?q=2$/);

  // Another device, its clock three hours fast, counts the same time left as this one.
  const other = await secondDevice(browser, context, baseURL, `/courses/${courseId}`);
  await expect(row(other.page, "Pooling quiz").getByTestId("assessment-status")).toHaveText("In progress");
  await expect(row(other.page, "Pooling quiz").getByTestId("time-left")).toBeVisible();
  const listed = await courseTimeLeft(other.page, "Pooling quiz");
  expect(Math.abs(listed - seconds(await countdown.innerText())), "the course page counts the server's time too").toBeLessThanOrEqual(3);
  await row(other.page, "Pooling quiz").getByTestId("assessment-link").click();
  const otherCountdown = other.page.getByTestId("countdown");
  await expect(otherCountdown).toBeVisible();
  const here = seconds(await countdown.innerText());
  const there = seconds(await otherCountdown.innerText());
  expect(Math.abs(here - there), `this device ${here} s, the other ${there} s`).toBeLessThanOrEqual(3);
  expect(there).toBeGreaterThan(0);
  await snap(other.page, "take-exam-phone");
  expect(await other.page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling on a phone").toBeLessThanOrEqual(PHONE.width);

  // A reload keeps the question and the count (it does not start again from a minute).
  const beforeReload = seconds(await countdown.innerText());
  await learner.reload();
  await expect(countdown).toBeVisible();
  expect(seconds(await countdown.innerText())).toBeLessThanOrEqual(beforeReload);
  await expect(learner.getByTestId("question")).toHaveAttribute("data-position", "1");

  // Finish asks first and counts the unanswered question; Escape keeps working.
  await learner.getByTestId("finish").click();
  await expect(dialog.getByTestId("finish-unanswered")).toHaveText("1 question has no answer yet.");
  await expectClean(learner, "exam finish dialog");
  await snap(learner, "take-exam-finish-dialog");
  await learner.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Nobody touches anything: at 0 both pages ask the server, which has closed the attempt.
  const closed = learner.getByTestId("attempt-closed");
  await expect(closed).toContainText("Time is up", { timeout: 90_000 });
  await expect(learner.getByTestId("attempt-summary")).toHaveAttribute("data-finished-by", "time");
  await expect(learner.getByTestId("finish")).toHaveCount(0);
  await expect(learner.getByTestId("question")).toHaveAttribute("data-answerable", "false");
  await expect(learner.getByTestId("attempt-total")).toContainText("Score: 0 of 20 (0%)");
  await expect(learner.getByTestId("summary-result")).toHaveText(["Not right", "not answered"]);
  await expect(other.page.getByTestId("attempt-closed")).toContainText("Time is up", { timeout: 15_000 });
  await expectClean(learner, "exam closed");
  await snap(learner, "take-exam-time-up");

  // Read-only afterwards: the arrow keys still move along the questions (the focus stays on them),
  // and question 1, which can take no more tries, shows its key.
  await buttons.nth(1).focus();
  await learner.keyboard.press("ArrowLeft");
  await expect(buttons.first()).toBeFocused();
  await expect(buttons.first()).toHaveAttribute("aria-current", "step");
  await expect(result.getByTestId("try-expected")).toContainText("0");
  await expect(result.getByTestId("try-solution")).toBeVisible();

  // An answer after the deadline is refused by the server.
  const { attempt } = await query<{ attempt: { id: string } }>(learner, "assessments.attempt", { assessmentId: examId });
  const late = await learner.request.post("/api/trpc/assessments.answer", { data: { json: { attemptId: attempt.id, position: 1, tryNumber: 0, answer: "B" } } });
  expect(late.status()).toBe(409);
  // The English message for scripts and logs, and the reason a page words in its own language.
  const refusal = ((await late.json()) as { error: { json: { message: string; data: { reason: string | null } } } }).error.json;
  expect(refusal.message).toContain("Time is up");
  expect(refusal.data.reason).toBe("attempt.timeUp");

  await learner.goto(`/courses/${courseId}`);
  await expect(row(learner, "Pooling quiz").getByTestId("assessment-status")).toHaveText("Submitted");
  await expect(row(learner, "Pooling quiz").getByTestId("assessment-score")).toHaveText("Score: 0 of 20 (0%)");

  // In Chinese, on a phone.
  await chooseLanguage(learner, "zh-CN");
  await learner.setViewportSize(PHONE);
  await learner.reload();
  await expect(row(learner, "汇聚层小测").getByTestId("assessment-status")).toHaveText("已提交");
  await expect(learner.getByRole("heading", { name: "测验与考试" })).toBeVisible();
  await expectClean(learner, "course page zh-CN");
  await snap(learner, "take-course-page-zh-phone");
  await row(learner, "汇聚层小测").getByTestId("assessment-link").click();
  await expect(learner.getByTestId("attempt-closed")).toContainText("时间到");
  await expect(learner.getByTestId("assessment-title")).toHaveText("汇聚层小测（限时）");
  expect(await learner.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling on a phone").toBeLessThanOrEqual(PHONE.width);
  await expectClean(learner, "exam closed zh-CN");
  await snap(learner, "take-exam-time-up-zh-phone");

  await other.device.close();
  await context.close();
});
