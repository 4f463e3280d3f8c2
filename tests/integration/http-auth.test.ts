/**
 * Sign-up and sign-in through the route's edge (lib/server/edge/auth-request.ts), then
 * better-auth on a real database: a NUL byte in any field is a 400 naming it (a name with one
 * used to reach PostgreSQL, fail with 22021 and answer "Failed to create user"; a password with
 * one was accepted), and a huge body is a 413. Ordinary sign-ups still work through the re-read body.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/server/auth/create-auth";
import { handleAuthRequest, MAX_AUTH_BODY_BYTES } from "@/lib/server/edge/auth-request";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const ORIGIN = "http://stride.test";
const NUL = "\u0000";

describe.each(databaseKinds())("the auth routes' edge on %s", (kind) => {
  let database: TestDatabase;
  let auth: ReturnType<typeof createAuth>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth({ prisma: database.prisma, baseURL: ORIGIN, secret: "s".repeat(40) });
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const req = new Request(`${ORIGIN}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const res = await handleAuthRequest({ req, auth });
    return { status: res.status, body: (await res.json().catch(() => null)) as { message?: string; field?: string } | null };
  }

  it.each([
    ["name", { name: `Ada${NUL}`, email: "ada@example.com", password: "correct-horse" }],
    ["email", { name: "Ada", email: `ada${NUL}@example.com`, password: "correct-horse" }],
    ["password", { name: "Ada", email: "ada@example.com", password: `correct${NUL}horse` }],
  ])("refuses a sign-up with a NUL byte in its %s, naming it, and creates no one", async (field, body) => {
    const reply = await post("sign-up/email", body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ message: `${field}: must not contain a NUL byte`, field });
    expect(await database.prisma.user.count({ where: { email: { startsWith: "ada" } } })).toBe(0);
  });

  it("refuses a sign-in with a NUL byte in the email or the password", async () => {
    for (const [field, body] of [
      ["email", { email: `ada${NUL}@example.com`, password: "correct-horse" }],
      ["password", { email: "ada@example.com", password: `correct-horse${NUL}` }],
    ] as const) {
      const reply = await post("sign-in/email", body);
      expect(reply.status).toBe(400);
      expect(reply.body?.field).toBe(field);
    }
  });

  it("refuses a NUL byte in a query parameter and in a form field", async () => {
    const query = await handleAuthRequest({ req: new Request(`${ORIGIN}/api/auth/get-session?callbackURL=%2F%00`), auth });
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ field: "callbackURL" });
    const form = await handleAuthRequest({
      req: new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN }, body: "email=a%00b%40example.com&password=x" }),
      auth,
    });
    expect(form.status).toBe(400);
  });

  it("refuses a body over 64 KB with 413", async () => {
    const reply = await post("sign-up/email", { name: "x".repeat(MAX_AUTH_BODY_BYTES), email: "big@example.com", password: "correct-horse" });
    expect(reply.status).toBe(413);
  });

  it("answers a sign-up sent five times at once with one account and no server error", async () => {
    // From an address of its own: better-auth lets three sign-ups a ten seconds through per address.
    const replies = await Promise.all(Array.from({ length: 5 }, () => post("sign-up/email", { name: "Hopper", email: "hopper@example.com", password: "correct-horse" }, { "x-forwarded-for": "203.0.113.7" })));
    // One made the account; the others were told it exists (422) or to wait (429), never a 5xx.
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200)).toEqual([200]);
    expect(statuses.filter((status) => status !== 200 && status !== 422 && status !== 429)).toEqual([]);
    expect(await database.prisma.user.count({ where: { email: "hopper@example.com" } })).toBe(1);
  });

  it("still signs a person up and in through the body it read", async () => {
    const signUp = await post("sign-up/email", { name: "Grace", email: "grace@example.com", password: "correct-horse" });
    expect(signUp.status).toBe(200);
    const signIn = await post("sign-in/email", { email: "grace@example.com", password: "correct-horse" });
    expect(signIn.status).toBe(200);
    expect(await database.prisma.user.count({ where: { email: "grace@example.com" } })).toBe(1);
  });
});
