import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuth, SESSION_CACHE_SECONDS } from "@/lib/server/auth/create-auth";
import { SESSION_MEMO_MS, SessionCookies, sessionUserOf } from "@/lib/server/session";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const BASE = "http://localhost:3000";
const secret = "a-secret-of-at-least-thirty-two-characters";

/** name=value pairs of Set-Cookie lines, as a browser sends them back. */
function cookieHeader(setCookies: readonly string[], extra: Record<string, string> = {}): string {
  const pairs = new Map(setCookies.map((line) => line.split(";")[0]!.split("=")).map(([name, ...value]) => [name!, value.join("=")]));
  for (const [name, value] of Object.entries(extra)) pairs.set(name, value);
  return [...pairs].filter(([, value]) => value !== "").map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Every review call reads the learner's session; under a class's load that read was the largest
 * fixed cost of a request (issue 11's profile). better-auth's cookie cache answers it from a
 * signed cookie for SESSION_CACHE_SECONDS instead of the database.
 */
describe.each(databaseKinds())("the session of a review call on %s", (kind) => {
  let database: TestDatabase;
  let auth: ReturnType<typeof createAuth>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth({ prisma: database.prisma, baseURL: BASE, secret, signInLimit: 100 });
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function signUp(email: string) {
    const res = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ email, password: "a-long-password", name: "Learner" }),
      }),
    );
    expect(res.status).toBe(200);
    return res.headers.getSetCookie();
  }

  it("is read from the signed cookie cache, not the database, for a minute", async () => {
    expect(SESSION_CACHE_SECONDS).toBe(60);
    const setCookies = await signUp("cached@example.com");
    expect(setCookies.some((line) => line.startsWith("better-auth.session_data="))).toBe(true);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "cached@example.com" } });

    // With the session's row gone, only the cookie can still say who this is.
    await database.prisma.session.deleteMany({ where: { userId: user.id } });
    const cached = await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader(setCookies) }) });
    expect(cached).toMatchObject({ id: user.id, email: "cached@example.com", role: "learner", locale: "en" });

    // Without the cache cookie the database is asked, and it knows no such session.
    const tokenOnly = setCookies.filter((line) => line.startsWith("better-auth.session_token="));
    expect(await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader(tokenOnly) }) })).toBeNull();
  });

  it("carries when the session was opened, from the cookie cache and from the database alike", async () => {
    const setCookies = await signUp("opened@example.com");
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "opened@example.com" } });
    const { createdAt } = await database.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    const cached = await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader(setCookies) }) });
    expect(cached?.sessionCreatedAt).toBeInstanceOf(Date);
    expect(cached?.sessionCreatedAt?.getTime()).toBe(createdAt.getTime());
    const tokenOnly = setCookies.filter((line) => line.startsWith("better-auth.session_token="));
    const fromDatabase = await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader(tokenOnly) }) });
    expect(fromDatabase?.sessionCreatedAt?.getTime()).toBe(createdAt.getTime());
  });

  it("answers the same cookies again from memory for a few seconds, and asks better-auth once that time is over", async () => {
    const setCookies = await signUp("memo@example.com");
    const header = cookieHeader(setCookies);
    const reads = vi.spyOn(auth.api, "getSession");
    try {
      const first = await sessionUserOf({ auth, headers: new Headers({ cookie: header }) });
      expect(first).toMatchObject({ email: "memo@example.com" });
      expect(reads).toHaveBeenCalledTimes(1);
      expect(await sessionUserOf({ auth, headers: new Headers({ cookie: header }) })).toEqual(first);
      expect(reads).toHaveBeenCalledTimes(1);
      // A header better-auth never accepted is not answered from memory: a forged cache cookie is refused.
      const forged = header.replace(/better-auth\.session_data=([^;]*)/, (_, value: string) => `better-auth.session_data=${value.slice(0, -4)}AAAA`);
      expect(forged).not.toBe(header);
      await sessionUserOf({ auth, headers: new Headers({ cookie: forged }) });
      expect(reads).toHaveBeenCalledTimes(2);
      vi.useFakeTimers({ now: Date.now() + SESSION_MEMO_MS + 1, toFake: ["Date"] });
      expect(await sessionUserOf({ auth, headers: new Headers({ cookie: header }) })).toMatchObject({ email: "memo@example.com" });
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
      reads.mockRestore();
    }
  });

  it("reads past the cache when the browser's language differs from the cached one, and sends a fresh cache cookie", async () => {
    const setCookies = await signUp("switcher@example.com");
    // The language switcher sets NEXT_LOCALE and the account's language together.
    await database.prisma.user.update({ where: { email: "switcher@example.com" }, data: { locale: "zh-CN" } });
    const cookies = new SessionCookies();
    const user = await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader(setCookies, { NEXT_LOCALE: "zh-CN" }) }), cookies });
    expect(user?.locale).toBe("zh-CN");
    const response = cookies.appendTo(new Response("{}"));
    const refreshed = response.headers.getSetCookie().find((line) => line.startsWith("better-auth.session_data="));
    expect(refreshed).toBeDefined();

    // The refreshed cache carries the new language: no second read past it.
    const again = await sessionUserOf({ auth, headers: new Headers({ cookie: cookieHeader([...setCookies, refreshed!], { NEXT_LOCALE: "zh-CN" }) }) });
    expect(again?.locale).toBe("zh-CN");
  });
});
