/**
 * Issue 15 in a real browser: Stride inside an LMS of another site, with third-party cookies
 * blocked as Chromium blocks them. The LMS is the suite's spec-following test platform
 * (tests/support/lti-platform) on 127.0.0.1; Stride is on localhost, another site, so its frame
 * is third-party there.
 *
 * The journey: Stride's admin makes a one-time registration link, the LMS admin pastes it into the
 * LMS (LTI Dynamic Registration); an instructor opens Stride from the LMS course in a frame (the
 * course is made and the instructor signed in, by a partitioned cookie); the instructor places the
 * daily review through Deep Linking; a learner opens the placed link and lands on their reviews.
 * Then an LMS page that offers LTI platform storage, in a browser whose state cookie does not come
 * back: the launch is bound by lti.put_data / lti.get_data alone (and refused when the storage
 * answers another state); and an LMS that opens Stride in a new window, signed in first-party,
 * whose learner (an account the LMS made, without a password) deletes it from Settings.
 */
import { existsSync } from "node:fs";
import { expect, test, type BrowserContext, type FrameLocator, type Page } from "@playwright/test";
import { startTestPlatform, type StorageLogEntry, type TestPlatform } from "../tests/support/lti-platform";
import { signIn, snap } from "./support";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The switch Chromium offers for testing its third-party cookie blocking; the journey checks that
// it took effect (document.hasStorageAccess() is false in Stride's frame) rather than trusting it.
test.use({
  launchOptions: {
    executablePath: existsSync(chromium) ? chromium : undefined,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--test-third-party-cookie-phaseout"],
  },
});

const ADMIN = { email: "admin@example.com", password: "stride-demo" };

let platform: TestPlatform;

test.beforeAll(async () => {
  platform = await startTestPlatform({ name: "Test LMS", clientId: "unused-until-registered" });
});

test.afterAll(async () => {
  await platform?.close();
});

const toolFrame = (page: Page): FrameLocator => page.frameLocator("#tool-frame");

/** Starts a launch from the LMS's home page as the given person and role. */
async function launchFromLms(
  page: Page,
  options: { sub: string; name: string; email: string; role: "Instructor" | "Learner"; message?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest"; presentation?: "iframe" | "window"; platformStorage?: boolean },
) {
  await page.goto(platform.issuer);
  // The test LMS's launch form (tests/support/lti-platform/browser-pages.ts), by its fields' names.
  const form = page.locator('form[action="/lms/start"]').first();
  await form.locator('input[name="sub"]').fill(options.sub);
  await form.locator('input[name="name"]').fill(options.name);
  await form.locator('input[name="email"]').fill(options.email);
  await form.locator('select[name="role"]').selectOption({ label: options.role });
  await form.locator('select[name="messageType"]').selectOption(options.message ?? "LtiResourceLinkRequest");
  await form.locator('select[name="presentation"]').selectOption(options.presentation ?? "iframe");
  await form.locator('input[name="platformStorage"]').setChecked(options.platformStorage ?? false);
  await form.getByRole("button", { name: "Launch" }).click();
}

/**
 * A browser in which the login's state cookie does not come back to the launch (as where even
 * partitioned cookies are blocked in the frame): the cookie is dropped when the frame goes on to
 * the LMS's authorization endpoint, so only the LMS's platform storage can bind the launch.
 */
async function dropStateCookies(context: BrowserContext, page: Page) {
  await page.route(`${platform.urls.authorization}**`, async (route) => {
    await context.clearCookies({ name: /^lti_state_/ });
    await route.continue();
  });
}

/** The storage messages the LMS page answered (tests/support/lti-platform/browser-pages.ts). */
function storageLog(page: Page): Promise<StorageLogEntry[]> {
  return page.evaluate(() => (window as unknown as { ltiStorageLog?: StorageLogEntry[] }).ltiStorageLog ?? []);
}

async function hasSession(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name.endsWith("session_token"));
}

test("an LMS registers Stride by Dynamic Registration and opens it in a frame with third-party cookies blocked: instructor, deep link, learner, platform storage, new window", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);

  // ---- Stride's admin makes a one-time registration link ----
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/lti");
  await admin.getByTestId("token-form").getByRole("button").click();
  const registrationLink = (await admin.getByTestId("registration-link").textContent())!.trim();
  expect(registrationLink).toMatch(new RegExp(`^${baseURL}/lti/register\\?`));
  await snap(admin, "lti-admin-registration-link");

  // ---- the LMS admin pastes it into the LMS; the registration completes in the LMS's frame ----
  const lmsContext = await browser.newContext();
  const lms = await lmsContext.newPage();
  await lms.goto(platform.issuer);
  await lms.getByLabel("Tool registration URL").fill(registrationLink);
  await lms.getByRole("button", { name: "Register" }).click();
  // Stride, in the LMS's frame, names the platform and asks for a confirmation.
  const registration = lms.frameLocator("#registration-frame");
  await expect(registration.getByText(platform.issuer).first()).toBeVisible({ timeout: 30_000 });
  await snap(lms, "lti-registration-confirm");
  await registration.getByRole("button", { name: "Register Stride" }).click();
  await expect(lms.locator("#status")).toHaveText("Registration finished.", { timeout: 30_000 });
  expect(platform.registrationRequests.at(-1)?.problems ?? []).toEqual([]);
  await snap(lms, "lti-registration-finished");

  // The admin page lists the platform the LMS registered.
  await admin.reload();
  await expect(admin.getByText(platform.issuer).first()).toBeVisible();
  // Stride is installed in a second course of the LMS: the admin accepts that deployment's id too,
  // without registering the platform again.
  const registered = admin.getByTestId("platform").filter({ hasText: platform.issuer });
  const deploymentField = registered.getByLabel(/another deployment id/i);
  await deploymentField.fill("second course");
  await registered.getByTestId("add-deployment").click();
  await expect(registered.getByRole("alert")).toContainText(/printable ASCII without spaces/i);
  await expect(deploymentField).toHaveValue("second course");
  await deploymentField.fill("course-2");
  await registered.getByTestId("add-deployment").click();
  await expect(registered.getByRole("status")).toHaveText(/deployment course-2 are accepted now/i);
  await expect(registered.getByTestId("platform-deployments")).toHaveText(`${platform.deploymentId}, course-2`);
  await expect(deploymentField).toHaveValue("");
  await snap(admin, "lti-admin-deployment-added");
  await adminContext.close();

  // ---- an instructor opens Stride from the LMS course, in a frame ----
  await launchFromLms(lms, { sub: "teacher-1", name: "Grace Hopper", email: "grace@lms.example", role: "Instructor" });
  const frame = toolFrame(lms);
  await expect(frame.getByRole("heading", { name: "Convolutional Neural Networks" }).first()).toBeVisible({ timeout: 30_000 });
  // Third-party cookies were blocked in that frame: the session lives in a cookie partitioned to the LMS.
  const storageAccess = await lms.frame({ name: "tool-frame" })!.evaluate(() => document.hasStorageAccess());
  expect(storageAccess).toBe(false);
  await snap(lms, "lti-instructor-in-frame");

  // ---- the instructor places the daily review through Deep Linking ----
  await launchFromLms(lms, { sub: "teacher-1", name: "Grace Hopper", email: "grace@lms.example", role: "Instructor", message: "LtiDeepLinkingRequest" });
  // The test LMS accepts several items at once, so the picker offers check boxes.
  const dailyReview = frame.getByRole("checkbox", { name: /daily review/i });
  await expect(dailyReview).toBeVisible({ timeout: 30_000 });
  await snap(lms, "lti-deep-link-picker");
  await dailyReview.check();
  await frame.getByRole("button", { name: "Add to the LMS" }).click();
  await expect(frame.locator("#deep-linking-result")).toHaveText("Placed 1 item(s).", { timeout: 30_000 });
  const placed = platform.deepLinkingResponses.at(-1)!.placed;
  expect(placed).toHaveLength(1);

  // ---- a learner opens the placed link and lands on their reviews, signed in ----
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(platform.issuer);
  const placedRow = learner.getByRole("listitem").filter({ hasText: placed[0]!.title ?? placed[0]!.resourceLinkId });
  await placedRow.getByRole("combobox").selectOption({ label: "Learner" });
  await placedRow.getByRole("textbox").fill("student-1");
  await placedRow.getByRole("button", { name: "Launch" }).click();
  const learnerFrame = toolFrame(learner);
  // Signed in on their reviews: a problem, the first-visit walkthrough or a notice, never the sign-in page.
  const reviewing = learnerFrame.getByTestId("problem").or(learnerFrame.getByTestId("walkthrough")).or(learnerFrame.getByTestId("notice"));
  await expect(reviewing.first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => learner.frame({ name: "tool-frame" })!.url()).toContain("/review");
  await snap(learner, "lti-learner-review-in-frame");

  // Stride at the top level, in the learner's browser, is not signed in: the frame's session was
  // partitioned to the LMS's site and never became a first-party cookie.
  const topLevel = await learnerContext.newPage();
  await topLevel.goto("/review");
  await expect(topLevel).toHaveURL(/\/sign-in/);
  await learnerContext.close();

  // ---- the LMS offers platform storage and the state cookie does not come back: Stride's login
  // stores state and nonce with the LMS page (lti.put_data), its launch reads them back (lti.get_data) ----
  const storageContext = await browser.newContext();
  const storageLms = await storageContext.newPage();
  await dropStateCookies(storageContext, storageLms);
  await launchFromLms(storageLms, { sub: "student-2", name: "Alan Turing", email: "alan@lms.example", role: "Learner", platformStorage: true });
  // A learner's launch of a link no activity was placed on lands on the course's page, signed in.
  await expect(toolFrame(storageLms).getByRole("heading", { name: "Convolutional Neural Networks" }).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => storageLms.frame({ name: "tool-frame" })!.url()).toMatch(/\/courses\/[\w-]+$/);
  expect(await hasSession(storageContext)).toBe(true);
  const answered = await storageLog(storageLms);
  const strideOrigin = new URL(baseURL!).origin;
  const puts = answered.filter((entry) => entry.subject === "lti.put_data");
  const gets = answered.filter((entry) => entry.subject === "lti.get_data");
  expect(puts.map((entry) => entry.key?.replace(/_.*$/, ""))).toEqual(["state", "nonce"]);
  expect(gets.map((entry) => entry.key)).toEqual(puts.map((entry) => entry.key));
  // What the launch read back is what the login stored, for Stride's origin, and no answer was an error.
  expect(gets.map((entry) => entry.value)).toEqual(puts.map((entry) => entry.value));
  expect(answered.every((entry) => entry.origin === strideOrigin && entry.error === undefined)).toBe(true);
  expect(puts[0]!.key).toBe(`state_${String(puts[0]!.value)}`);
  await snap(storageLms, "lti-platform-storage-launch");
  await storageContext.close();

  // A launch whose storage answers another state ends on Stride's page naming why, with no session.
  const forgedContext = await browser.newContext();
  const forgedLms = await forgedContext.newPage();
  await dropStateCookies(forgedContext, forgedLms);
  await forgedLms.addInitScript(() => {
    if (window !== window.top) return;
    // Ahead of the LMS page's own listener: every lti.get_data is answered with a value of its own.
    window.addEventListener("message", (event) => {
      const data = event.data as { subject?: string; message_id?: string; key?: string } | null;
      if (!data || data.subject !== "lti.get_data" || !event.source) return;
      event.stopImmediatePropagation();
      (event.source as Window).postMessage({ subject: "lti.get_data.response", message_id: data.message_id, key: data.key, value: "forged" }, event.origin);
    }, true);
  });
  await launchFromLms(forgedLms, { sub: "student-3", name: "Emmy Noether", email: "emmy@lms.example", role: "Learner", platformStorage: true });
  await expect(toolFrame(forgedLms).locator('[data-reason="lti.launch.storageNotBound"]').first()).toBeVisible({ timeout: 30_000 });
  expect(await hasSession(forgedContext)).toBe(false);
  await snap(forgedLms, "lti-platform-storage-refused");
  await forgedContext.close();

  // ---- the LMS opens Stride in a new window: a first-party launch, signed in at the top level ----
  const windowContext = await browser.newContext();
  const windowLms = await windowContext.newPage();
  await launchFromLms(windowLms, { sub: "student-4", name: "Katherine Johnson", email: "katherine@lms.example", role: "Learner", presentation: "window" });
  const [toolWindow] = await Promise.all([windowContext.waitForEvent("page"), windowLms.locator("#tool-window").click()]);
  await expect(toolWindow.getByRole("heading", { name: "Convolutional Neural Networks" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(toolWindow).toHaveURL(/\/courses\/[\w-]+$/);
  await snap(toolWindow, "lti-learner-course-in-window");
  // First-party: Stride opened by itself in this browser is signed in too (unlike the frame's session above).
  const sameBrowser = await windowContext.newPage();
  await sameBrowser.goto("/review");
  await expect(sameBrowser).toHaveURL(/\/review/);
  await expect(sameBrowser.getByTestId("problem").or(sameBrowser.getByTestId("walkthrough")).or(sameBrowser.getByTestId("notice")).first()).toBeVisible({ timeout: 30_000 });

  // ---- the LMS made this learner's account, with no Stride password: Settings say so, and the
  // account deletes with the typed e-mail alone, minutes after the launch (a fresh session) ----
  const lmsName = /stride-test-platform \(127\.0\.0\.1:\d+\)/.source;
  await sameBrowser.goto("/settings");
  await expect(sameBrowser.getByTestId("no-password")).toContainText(new RegExp(`^You sign in to Stride from ${lmsName}, which checks who you are`));
  const zone = sameBrowser.getByTestId("delete-account");
  await expect(zone.getByTestId("delete-fresh-lead")).toHaveText(
    new RegExp(`^You sign in from ${lmsName}, so your account has no Stride password to confirm with\\. .*open Stride from there, then delete here within 10 minutes\\.$`),
  );
  await expect(zone.locator('input[type="password"]')).toHaveCount(0);
  await snap(sameBrowser, "lti-settings-no-password-en");
  await windowContext.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(baseURL!).origin }]);
  await sameBrowser.reload();
  await expect(sameBrowser.getByTestId("no-password")).toContainText(new RegExp(`^你通过 ${lmsName} 登录 Stride`));
  await expect(zone.getByTestId("delete-fresh-lead")).toContainText("请从那里打开 Stride，然后在 10 分钟内在这里完成删除。");
  await snap(sameBrowser, "lti-settings-no-password-zh");
  await zone.getByLabel("请输入你的电子邮箱以确认：katherine@lms.example").fill("katherine@lms.example");
  await zone.getByRole("button", { name: "删除我的账户和数据" }).click();
  await expect(sameBrowser.getByTestId("account-deleted")).toHaveText("你的账户及其全部数据已删除，你已退出登录。感谢你使用 Stride 学习。");
  await windowContext.close();
  await lmsContext.close();
});
