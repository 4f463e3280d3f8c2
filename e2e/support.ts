import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const LEARNER = { email: "learner@example.com", password: "stride-demo" };

/** Screenshots a person can look at after the run, under test-results/screenshots. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** axe's serious and critical findings on the page as it is now, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A page's title comes with its metadata, which can reach the document a moment after the
  // content it describes: axe run in that moment reports "document-title" for a page that has one.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(" ")} ${node.html.slice(0, 160)}`).join(", ")}`);
}

/** Fails the test on any serious or critical axe finding on the page as it is now. */
export async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

// better-auth allows three sign-ins (and three sign-ups) per ten seconds from one address, and
// the journeys run back to back from one address: a refused attempt waits and tries again, as a
// person would.
const RATE_LIMIT_WAIT_MS = 5_000;
const ATTEMPTS = 4;

export async function signIn(page: Page, account = LEARNER) {
  for (let attempt = 1; ; attempt += 1) {
    await page.goto("/sign-in");
    await page.getByLabel(/email|电子邮箱/i).fill(account.email);
    await page.getByLabel(/password|密码/i).fill(account.password);
    await page.getByRole("button", { name: /^(sign in|登录)$/i }).click();
    const limited = page.getByRole("alert").filter({ hasText: /too many|过多/i });
    // A learner lands on their reviews, an instructor on their courses (app/sign-in/landing-path.ts).
    const landed = page.getByTestId("problem").or(page.getByTestId("notice")).or(page.getByTestId("walkthrough")).or(page.getByTestId("courses")).or(page.getByTestId("no-courses"));
    await expect(landed.or(limited).first()).toBeVisible({ timeout: 30_000 });
    if (!(await limited.isVisible()) || attempt >= ATTEMPTS) break;
    await page.waitForTimeout(RATE_LIMIT_WAIT_MS);
  }
  await expect(page).toHaveURL(/\/(review|teach)/);
}

function parsePair(tex: string): [number, number] {
  const numbers = tex.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 1) return [numbers[0]!, numbers[0]!];
  if (numbers.length === 2) return [numbers[0]!, numbers[1]!];
  throw new Error(`cannot read a size pair from ${tex}`);
}

/**
 * Solves the conv.output-size problem on the page as a learner would: reads the numbers from the
 * typeset prompt (KaTeX keeps each formula's TeX source) and applies d2l 6.3's formula
 * floor((n + 2p − k)/s) + 1 per axis, independently of the engine that keyed it.
 */
export async function solveConvOutputSize(page: Page): Promise<[number, number, number]> {
  const problem = page.getByTestId("problem");
  await expect(problem.locator(".katex").first()).toBeVisible();
  const tex = await problem.locator('annotation[encoding="application/x-tex"]').allTextContents();
  const [inputTex, filtersTex, kernelTex, paddingTex, strideTex] = tex;
  if (!inputTex || !filtersTex || !kernelTex || !paddingTex || !strideTex) throw new Error(`unexpected prompt: ${tex.join(" | ")}`);
  const [, height, width] = inputTex.match(/\d+/g)!.map(Number) as [number, number, number];
  const filters = Number(filtersTex.match(/\d+/)![0]);
  const [kh, kw] = parsePair(kernelTex);
  const [ph, pw] = parsePair(paddingTex);
  const [sh, sw] = parsePair(strideTex);
  const out = (n: number, k: number, p: number, s: number) => Math.floor((n + 2 * p - k) / s) + 1;
  return [filters, out(height, kh, ph, sh), out(width, kw, pw, sw)];
}

let freshLearners = 0;

/**
 * A learner with no history, signed up through better-auth's API in `page`'s browser context (its
 * session cookie lands there): their queue starts with the first skills of the catalog, in order.
 */
export async function signUpFreshLearner(page: Page, locale: "en" | "zh-CN" = "en") {
  freshLearners += 1;
  const email = `fresh-${Date.now()}-${freshLearners}@example.com`;
  for (let attempt = 1; ; attempt += 1) {
    const response = await page.request.post("/api/auth/sign-up/email", {
      data: { email, password: "fresh-learner-1", name: `Fresh Learner ${freshLearners}`, locale },
      headers: { origin: new URL(page.url() === "about:blank" ? "http://localhost" : page.url()).origin },
    });
    if (response.status() === 429 && attempt < ATTEMPTS) {
      await page.waitForTimeout(RATE_LIMIT_WAIT_MS);
      continue;
    }
    expect(response.ok(), await response.text()).toBe(true);
    return email;
  }
}

/** A tRPC mutation through the API, as the signed-in browser (superjson's `{"json": …}` body). */
export async function mutate<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC query through the API, as the signed-in browser. */
export async function query<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}
