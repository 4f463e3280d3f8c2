/**
 * Forgot password and change password through the real auth routes (the edge, then better-auth on
 * a real database): the reset link is handed to the sender, works once, signs the account out
 * everywhere and is refused after; an unknown address is answered alike and sends nothing; the
 * routes keep better-auth's rate limits; a signed-in person changes their password with the old one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/server/auth/create-auth";
import type { ResetLink } from "@/lib/server/auth/reset-mail";
import { handleAuthRequest } from "@/lib/server/edge/auth-request";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const ORIGIN = "http://stride.test";

describe.each(databaseKinds())("password reset and change on %s", (kind) => {
  let database: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  const sent: ResetLink[] = [];
  let address = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth({ prisma: database.prisma, baseURL: ORIGIN, secret: "s".repeat(40), sendResetLink: async (link) => void sent.push(link) });
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** A request from its own address, so one test's attempts do not count against another's limits. */
  async function call(path: string, { body, cookie, ip }: { body?: unknown; cookie?: string; ip: string }) {
    const req = new Request(`${ORIGIN}/api/auth/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: "manual",
    });
    const res = await handleAuthRequest({ req, auth });
    const cookies = res.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    return { status: res.status, location: res.headers.get("location"), cookie: cookies, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  }

  const newAddress = () => `10.0.${kind === "pglite" ? 1 : 2}.${(address += 1)}`;

  async function signUp(email: string, locale = "en") {
    const reply = await call("sign-up/email", { body: { name: "Ada", email, password: "first-password", locale }, ip: newAddress() });
    expect(reply.status).toBe(200);
    return reply.cookie;
  }

  it("sends a one-hour link in the account's language that sets a new password once and signs out every session", async () => {
    const session = await signUp("ada@example.com", "zh-CN");
    const ip = newAddress();
    const request = await call("request-password-reset", { body: { email: "ada@example.com", redirectTo: "/reset-password" }, ip });
    expect(request.status).toBe(200);
    expect(sent).toHaveLength(1);
    const [link] = sent;
    expect(link).toMatchObject({ email: "ada@example.com", name: "Ada", locale: "zh-CN" });
    expect(link!.url).toMatch(new RegExp(`^${ORIGIN}/api/auth/reset-password/[A-Za-z0-9]+\\?callbackURL=%2Freset-password$`));
    const verification = await database.prisma.verification.findFirstOrThrow({ where: { identifier: { startsWith: "reset-password:" } } });
    const lifetime = verification.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000);

    // Following the link lands on the app's page with the token.
    const follow = await call(link!.url.slice(`${ORIGIN}/api/auth/`.length), { ip });
    expect(follow.status).toBe(302);
    const token = new URL(follow.location!, ORIGIN).searchParams.get("token");
    expect(new URL(follow.location!, ORIGIN).pathname).toBe("/reset-password");
    expect(token).toBeTruthy();

    expect((await call("reset-password", { body: { token, newPassword: "second-password" }, ip })).status).toBe(200);
    // Revoked in the database; the signed cookie copy (a minute, create-auth.ts) is read past here.
    expect((await call("get-session?disableCookieCache=true", { cookie: session, ip })).body).toBeNull();
    expect(await database.prisma.session.count({ where: { user: { email: "ada@example.com" } } })).toBe(0);
    expect((await call("sign-in/email", { body: { email: "ada@example.com", password: "first-password" }, ip: newAddress() })).status).toBe(401);
    expect((await call("sign-in/email", { body: { email: "ada@example.com", password: "second-password" }, ip: newAddress() })).status).toBe(200);
    // The link is spent.
    const again = await call("reset-password", { body: { token, newPassword: "third-password" }, ip: newAddress() });
    expect(again.status).toBe(400);
  });

  it("answers an unknown address as a known one and sends nothing", async () => {
    const before = sent.length;
    const reply = await call("request-password-reset", { body: { email: "nobody@example.com", redirectTo: "/reset-password" }, ip: newAddress() });
    expect(reply.status).toBe(200);
    expect(sent).toHaveLength(before);
  });

  it("limits reset requests to three a minute from one address", async () => {
    await signUp("grace@example.com");
    const ip = newAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await call("request-password-reset", { body: { email: "grace@example.com", redirectTo: "/reset-password" }, ip })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("changes a signed-in person's password only with the current one", async () => {
    const session = await signUp("linus@example.com");
    const wrong = await call("change-password", { body: { currentPassword: "not-it-at-all", newPassword: "changed-password" }, cookie: session, ip: newAddress() });
    expect(wrong.status).toBe(400);
    const right = await call("change-password", { body: { currentPassword: "first-password", newPassword: "changed-password" }, cookie: session, ip: newAddress() });
    expect(right.status).toBe(200);
    expect((await call("sign-in/email", { body: { email: "linus@example.com", password: "changed-password" }, ip: newAddress() })).status).toBe(200);
    const anonymous = await call("change-password", { body: { currentPassword: "changed-password", newPassword: "x-password-1" }, ip: newAddress() });
    expect(anonymous.status).toBe(401);
  });
});
