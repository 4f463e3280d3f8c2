import { expect, test, type Page } from "@playwright/test";
import { LEARNER, signIn, solveConvOutputSize } from "./support";

const INSTRUCTOR = { email: "instructor@example.com", password: "stride-demo" };

/**
 * Every page a person uses, signed out, as a learner and as an instructor, under the
 * Content-Security-Policy of proxy.ts: no `securitypolicyviolation` event and no CSP message on
 * the console, while the pages do their work (typeset formulas, solution figures, tfjs on the
 * browser's WebGL/WebGPU backend, charts).
 */

type Violation = { page: string; what: string };

async function watch(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/content security policy|refused to (load|execute|apply|connect|frame|create)/i.test(text)) violations.push({ page: page.url(), what: `console: ${text}` });
  });
  return violations;
}

/** Violations the page itself saw since it loaded, added to the list. */
async function collect(page: Page, violations: Violation[]) {
  const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  for (const what of seen) violations.push({ page: page.url(), what });
}

async function visit(page: Page, violations: Violation[], path: string, ready: (page: Page) => Promise<void>) {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"], `${path} has a policy`).toContain("nonce-");
  await ready(page);
  await collect(page, violations);
}

const heading = (page: Page) => expect(page.getByRole("heading").first()).toBeVisible();

test("signed-out pages run under the policy with no violation", async ({ page }) => {
  const violations = await watch(page);
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
  for (const path of ["/", "/sign-in", "/sign-up", "/glossary", "/join"]) await visit(page, violations, path, heading);
  // The engine on the browser's backend (tfjs, WebGL or WebGPU): a few ops checked against the server.
  await visit(page, violations, "/engine", async (p) => {
    await expect(p.getByTestId("engine-backend")).toHaveText(/^(webgl|webgpu|cpu)$/, { timeout: 60_000 });
    await p.getByLabel(/number of operations|运算个数/i).fill("12");
    await p.getByRole("button", { name: /run check|开始自检/i }).click();
    await expect(p.getByTestId("engine-outcome")).toBeVisible({ timeout: 60_000 });
  });
  await visit(page, violations, "/calc", heading);
  await visit(page, violations, "/calc?tab=sandbox", async (p) => {
    await expect(p.getByRole("heading", { name: "Matrix sandbox" })).toBeVisible();
    await p.waitForTimeout(1_500);
  });
  expect(violations).toEqual([]);
});

test("a learner's pages run under the policy with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watch(page);
  await signIn(page, LEARNER);
  await collect(page, violations);
  // A graded answer shows the typeset solution, its data: figure and the browser's re-check of the key.
  await visit(page, violations, "/practice?template=conv.output-size", async (p) => {
    const [c, h, w] = await solveConvOutputSize(p);
    await p.getByLabel(/your answer/i).fill(`${c}x${h}x${w}`);
    await p.getByRole("button", { name: /check answer/i }).click();
    await expect(p.getByTestId("result")).toHaveAttribute("data-verdict", "correct");
    await expect(p.getByTestId("solution")).toBeVisible();
    // The solution's formulas came as TeX and were typeset here (pending-math.ts: KaTeX's own chunk, DOM nodes).
    await expect(p.getByTestId("solution").locator(".katex").first()).toBeVisible();
    await expect(p.locator(".tex-pending")).toHaveCount(0);
    await p.waitForTimeout(2_000);
  });
  await visit(page, violations, "/review", async (p) => {
    await expect(p.getByTestId("problem").or(p.getByTestId("notice")).or(p.getByTestId("walkthrough")).first()).toBeVisible();
  });
  await visit(page, violations, "/progress", async (p) => {
    await heading(p);
    await p.waitForTimeout(1_000);
  });
  await visit(page, violations, "/settings", async (p) => expect(p.getByTestId("optimizer")).toBeVisible());
  for (const path of ["/glossary", "/calc", "/join"]) await visit(page, violations, path, heading);
  expect(violations).toEqual([]);
});

test("an instructor's pages run under the policy with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watch(page);
  await signIn(page, INSTRUCTOR);
  await collect(page, violations);
  await visit(page, violations, "/teach", heading);
  const course = await page.locator('a[href^="/teach/"]').first().getAttribute("href");
  expect(course).toMatch(/^\/teach\/[^/]+$/);
  await visit(page, violations, course!, heading);
  await visit(page, violations, `${course}/stats`, async (p) => {
    await heading(p);
    await p.waitForTimeout(1_000);
  });
  await page.goto(course!);
  const bank = await page.locator(`a[href^="${course}/banks/"]`).first().getAttribute("href");
  expect(bank).toBeTruthy();
  await visit(page, violations, bank!, heading);
  const question = await page.locator(`a[href^="${bank}/questions/"]:not([href*="/new"])`).first().getAttribute("href");
  expect(question).toBeTruthy();
  await visit(page, violations, question!, async (p) => {
    await heading(p);
    await p.waitForTimeout(1_500);
  });
  await visit(page, violations, `${bank}/questions/new?kind=builtin`, heading);
  expect(violations).toEqual([]);
});
