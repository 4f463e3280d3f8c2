/**
 * One simulated learner as the server sees them: signed up through better-auth's HTTP API, with
 * the cookies it set, calling tRPC procedures over HTTP exactly as the browser's client does
 * (POST /api/trpc/<procedure>, the input in the transformer's `{ json }` envelope).
 */
import { CookieJar, type HttpClient } from "./http-client";

export interface Learner {
  email: string;
  jar: CookieJar;
}

export interface CallResult<T> {
  ok: boolean;
  status: number;
  ms: number;
  data: T | null;
  error: string | null;
}

export async function call<T>(client: HttpClient, learner: Learner, procedure: string, input?: unknown): Promise<CallResult<T>> {
  const res = await client.request("POST", `/api/trpc/${procedure}`, { body: JSON.stringify({ json: input }), cookie: learner.jar.header() });
  return resultOf<T>(learner, res);
}

/** A query without input, as the browser's client sends it (GET /api/trpc/<procedure>). */
export async function query<T>(client: HttpClient, learner: Learner, procedure: string): Promise<CallResult<T>> {
  const res = await client.request("GET", `/api/trpc/${procedure}`, { cookie: learner.jar.header() });
  return resultOf<T>(learner, res);
}

function resultOf<T>(learner: Learner, res: { status: number; ms: number; body: string; setCookies: string[] }): CallResult<T> {
  learner.jar.take(res.setCookies);
  let parsed: { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } } = {};
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return { ok: false, status: res.status, ms: res.ms, data: null, error: res.body.slice(0, 200) };
  }
  const ok = res.status === 200 && parsed.result !== undefined;
  return { ok, status: res.status, ms: res.ms, data: ok ? (parsed.result?.data?.json ?? null) : null, error: ok ? null : (parsed.error?.json?.message ?? `HTTP ${res.status}`) };
}

/** Signs a new learner up (better-auth signs them in), and lets them start every skill today. */
export async function signUpLearner(client: HttpClient, email: string): Promise<Learner> {
  const learner: Learner = { email, jar: new CookieJar() };
  const res = await client.request("POST", "/api/auth/sign-up/email", { body: JSON.stringify({ email, password: "stride-load-bench", name: email.split("@")[0] }) });
  if (res.status !== 200) throw new Error(`sign-up of ${email} failed: ${res.status} ${res.body.slice(0, 200)}`);
  learner.jar.take(res.setCookies);
  // 100 new skills a day (the most settings allow) rather than 10: a bench learner meets the whole bank.
  const settings = await call(client, learner, "settings.update", { dailyNewLimit: 100 });
  if (!settings.ok) throw new Error(`settings.update for ${email} failed: ${settings.error}`);
  return learner;
}
