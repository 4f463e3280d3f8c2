import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAxeClean, signIn, signUpFreshLearner, snap, solveConvOutputSize } from "./support";

/**
 * Issue 12, accounts: "download my data, then delete my account". A new learner signs up, answers
 * a review, downloads the JSON file from Settings and finds the answer as typed in it; a wrong
 * password is refused; the right one with the e-mail typed out deletes the account, lands on the
 * home page signed out with a confirmation, and the old credentials no longer sign in. In
 * Chinese, a mistyped confirmation is refused before anything is sent, and the deletion goes
 * through. The demo instructor, whose demo course has its class in it, is told which course to
 * hand over first, and the course's page keeps its only instructor from leaving it.
 */

const PASSWORD = "delete-me-please";
const PHONE = { width: 390, height: 844 };

test("a learner downloads their data, deletes the account, and cannot sign in with it again", async ({ page, context }) => {
  test.setTimeout(180_000);
  const email = `leaving-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel(/your name/i).fill("Leaving Learner");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password/i).fill(PASSWORD);
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/review/);

  // One review, answered right.
  const [c, h, w] = await solveConvOutputSize(page);
  const typed = `${c}x${h}x${w}`;
  await page.getByLabel(/your answer/i).fill(typed);
  await page.getByRole("button", { name: /check answer/i }).click();
  await expect(page.getByTestId("result")).toBeVisible();

  // Download my data: a dated JSON attachment with the profile and the answer as typed.
  await page.goto("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-data").click()]);
  expect(download.suggestedFilename()).toMatch(/^stride-account-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    format: string;
    profile: { email: string; name: string };
    reviews: { template: string; answer: string; correct: boolean }[];
    cards: { template: string }[];
  };
  expect(data.format).toBe("stride-account-export");
  expect(data.profile).toMatchObject({ email, name: "Leaving Learner" });
  expect(data.reviews).toEqual([expect.objectContaining({ template: "conv.output-size", answer: typed, correct: true })]);
  expect(data.cards.map((card) => card.template)).toContain("conv.output-size");

  // The danger zone says what goes; a wrong password deletes nothing.
  const zone = page.getByRole("region", { name: "Delete my account" });
  await expect(zone.getByTestId("deletion-plan")).toContainText("1 graded review and 0 practice answers (0 practised offline)");
  await expect(zone.getByRole("link", { name: "Download your data" })).toHaveAttribute("href", "#your-data");
  await zone.getByLabel("Current password").fill("not-my-password");
  await zone.getByLabel(`To confirm, type your email address: ${email}`).fill(email);
  await zone.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(zone.getByTestId("delete-message")).toHaveText("The current password is not right.");
  await expectAxeClean(page);
  await snap(page, "settings-delete-account-en");

  await zone.getByLabel("Current password").fill(PASSWORD);
  await zone.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByTestId("account-deleted")).toHaveText(
    "Your account and all its data are deleted, and you are signed out. Thank you for studying with Stride.",
  );
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  expect((await context.cookies()).filter((cookie) => cookie.name.includes("session"))).toEqual([]);
  await snap(page, "account-deleted-en");

  // The old credentials no longer sign in.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("in Chinese on a phone: a mistyped confirmation is refused, then the account is deleted", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const email = await signUpFreshLearner(page, "zh-CN");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto("/settings");
  const zone = page.getByRole("region", { name: "删除我的账户" });
  await expect(zone.getByTestId("deletion-plan")).toContainText("0 次计分复习和 0 次练习作答");
  await zone.getByLabel("当前密码").fill("fresh-learner-1");
  await zone.getByLabel(`请输入你的电子邮箱以确认：${email}`).fill("someone-else@example.com");
  await zone.getByRole("button", { name: "删除我的账户和数据" }).click();
  await expect(zone.getByTestId("delete-message")).toHaveText("请按上面显示的内容准确输入你的电子邮箱。");
  await expectAxeClean(page);
  await snap(page, "settings-delete-account-zh-phone");

  await zone.getByLabel(`请输入你的电子邮箱以确认：${email}`).fill(email);
  await zone.getByRole("button", { name: "删除我的账户和数据" }).click();
  await expect(page.getByTestId("account-deleted")).toHaveText("你的账户及其全部数据已删除，你已退出登录。感谢你使用 Stride 学习。");
  await snap(page, "account-deleted-zh-phone");
});

test("the demo instructor is told to hand the demo course over before the account can be deleted", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, { email: "instructor@example.com", password: "stride-demo" });
  await page.goto("/settings");
  const blocked = page.getByTestId("deletion-blocked");
  await expect(blocked).toContainText("Your account cannot be deleted yet");
  await expect(blocked).toContainText(/CNN basics \(demo\): \d+ learners are in it\. Add another instructor as a co-owner on the course's page, then leave the course\./);
  await expect(page.getByRole("button", { name: "Delete my account and data" })).toHaveCount(0);
  await expectAxeClean(page);
  await snap(page, "settings-delete-account-blocked-en");

  // The hand-over it asks for: on the course's page, leaving waits for a co-owner.
  await page.goto("/teach");
  await page.getByRole("link", { name: "CNN basics (demo)" }).click();
  const leave = page.getByTestId("leave-course");
  await expect(leave).toContainText("You are this course's only instructor: add another instructor before you leave it.");
  await expect(leave.getByRole("button", { name: "Leave this course" })).toBeDisabled();
});
