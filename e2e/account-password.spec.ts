import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type ServerProcess, startServer, stopServer } from "./server-process";
import { expectAxeClean, snap } from "./support";

/**
 * Issue 12, accounts: "forgot password" on a server with no mail server logs the reset link; the
 * learner follows it, sets a new password (typed twice), is signed out, and signs in with it; a
 * spent link says so. In Settings, a wrong current password is refused and the right one changes it.
 * Its own server, so the journey can read the server's log as the person would read their mail.
 */

const PORT = Number(process.env.E2E_ACCOUNT_PORT ?? 3167);
const PHONE = { width: 390, height: 844 };

let server: ServerProcess;
let dataDir: string;

test.beforeAll(async () => {
  // As long as startServer may wait for a server to start on a busy machine (server-process.ts).
  test.setTimeout(200_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "stride-account-"));
  server = await startServer({ port: PORT, env: { STRIDE_DATA_DIR: dataDir, NODE_ENV: "development", STRIDE_LOG_LEVEL: "info", STRIDE_LOG_FORMAT: "json" } });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The last reset link the server logged for this address. */
async function resetLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const lines = server.output().split("\n").filter((line) => line.includes('"password-reset-link"') && line.includes(email));
      link = lines.length > 0 ? (JSON.parse(lines.at(-1)!) as { url: string }).url : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}

test("forgot password: the logged link sets a new password once, in English and Chinese", async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(PHONE);
  const email = `reset-${Date.now()}@example.com`;
  const signUp = await page.request.post(`${server.base}/api/auth/sign-up/email`, {
    data: { email, password: "first-password", name: "Reset Learner", locale: "en" },
    headers: { origin: server.base },
  });
  expect(signUp.ok(), await signUp.text()).toBe(true);
  await context.clearCookies();

  await page.goto(`${server.base}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText(`If an account uses ${email}, a reset link is on its way.`);
  await expectAxeClean(page);
  await snap(page, "forgot-password-en-phone");

  await page.goto(await resetLinkFor(email));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill("second-password");
  await page.getByLabel("New password again").fill("second-passwort");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The two passwords differ.");
  await page.getByLabel("New password again").fill("second-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("reset-done")).toBeVisible();
  await expectAxeClean(page);
  const spent = page.url();

  await page.getByTestId("reset-done").locator("xpath=..").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("second-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/review/);

  // Settings: the wrong current password is refused; the right one changes it.
  await page.goto(`${server.base}/settings`);
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill("not-the-password");
  await section.getByLabel("New password", { exact: true }).fill("third-password");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-message")).toHaveText("The current password is not right.");
  await section.getByLabel("Current password").fill("second-password");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-message")).toHaveText("Your password is changed. Other devices stay signed in until they sign out.");
  await expectAxeClean(page);
  await snap(page, "settings-password-en-phone");

  // The spent link, in Chinese: it says so and offers a new one.
  await context.clearCookies();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: server.base }]);
  await page.goto(spent);
  await page.getByLabel("新密码", { exact: true }).fill("fourth-password");
  await page.getByLabel("再次输入新密码").fill("fourth-password");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByTestId("reset-invalid")).toHaveText("这个链接已过期或已被使用，请重新申请。");
  await page.getByRole("link", { name: "重新申请链接" }).click();
  await expect(page.getByRole("heading", { name: "重置密码" })).toBeVisible();
  await expectAxeClean(page);
  await snap(page, "forgot-password-zh-phone");
});
