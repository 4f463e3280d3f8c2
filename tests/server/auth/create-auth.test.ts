import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { createAuth } from "@/lib/server/auth/create-auth";

// The adapter is only reached by requests; building the options needs no database.
const prisma = {} as PrismaClient;
const secret = "a-secret-of-at-least-thirty-two-characters";

async function cookiesOf(baseURL: string) {
  const context = await createAuth({ prisma, baseURL, secret }).$context;
  return context.authCookies;
}

describe("better-auth's cookies", () => {
  it("are Secure, with the __Secure- prefix, when the app is served over HTTPS", async () => {
    const cookies = await cookiesOf("https://stride.example.edu");
    for (const cookie of [cookies.sessionToken, cookies.sessionData]) {
      expect(cookie.attributes.secure).toBe(true);
      expect(cookie.name.startsWith("__Secure-")).toBe(true);
      expect(cookie.attributes.httpOnly).toBe(true);
    }
  });

  it("work over plain HTTP on a laptop (a Secure cookie would never be sent back there)", async () => {
    const cookies = await cookiesOf("http://localhost:3000");
    expect(cookies.sessionToken.attributes.secure).toBe(false);
    expect(cookies.sessionToken.name).toBe("better-auth.session_token");
  });
});

describe("better-auth's sign-in limit", () => {
  it("keeps better-auth's 3 attempts per address in 10 s unless raised (the load bench raises it)", async () => {
    const rules = async (signInLimit?: number) => (await createAuth({ prisma, baseURL: "http://localhost:3000", secret, ...(signInLimit ? { signInLimit } : {}) }).$context).rateLimit.customRules;
    expect((await rules())?.["/sign-up/*"]).toEqual({ window: 10, max: 3 });
    expect((await rules(500))?.["/sign-in/*"]).toEqual({ window: 10, max: 500 });
  });
});
