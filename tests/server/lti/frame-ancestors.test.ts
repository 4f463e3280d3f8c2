/**
 * Who may frame Stride (lib/server/lti/frame-ancestors.ts and proxy.ts): the registered LTI
 * platforms' origins beside STRIDE_FRAME_ANCESTORS on the pages an LMS frames, never on the
 * admin's and account pages; any https site on /lti/register; the list read from the database at
 * most once per TTL (stale-while-revalidate), again at once after a registration here.
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { FRAME_ANCESTORS_TTL_MS, forgetPlatformOrigins, frameAncestorsFor, platformOrigins, registeredPlatformOrigins } from "@/lib/server/lti/frame-ancestors";
import { proxy } from "@/proxy";

const holder = globalThis as typeof globalThis & { strideServices?: unknown };

function fakeDb(rows: { issuer: string; authLoginUrl: string }[]) {
  const db = {
    reads: 0,
    rows,
    ltiPlatform: {
      findMany: async () => {
        db.reads += 1;
        return db.rows;
      },
    },
  };
  return db;
}

const moodle = { issuer: "https://moodle.example.edu", authLoginUrl: "https://moodle.example.edu/mod/lti/auth.php" };
const canvas = { issuer: "https://canvas.instructure.com", authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect" };

afterEach(() => {
  forgetPlatformOrigins();
  delete holder.strideServices;
});

describe("the platforms' origins", () => {
  it("are the issuer's and the login endpoint's origins, each once", () => {
    expect(platformOrigins([moodle, canvas, { issuer: "http://127.0.0.1:4010", authLoginUrl: "http://127.0.0.1:4010/auth" }, { issuer: "http://[::1]:4011", authLoginUrl: "http://[::1]:4011/auth" }])).toEqual([
      "http://127.0.0.1:4010",
      "https://canvas.instructure.com",
      "https://moodle.example.edu",
      "https://sso.canvaslms.com",
    ]);
  });
});

describe("frame-ancestors of a page", () => {
  const base = { configured: "'self' https://lms.example.edu", platformOrigins: ["https://moodle.example.edu"], allowInsecureLoopback: false };

  it("adds the platforms on launch pages and the pages a launch opens", () => {
    for (const pathname of ["/lti/launch", "/lti/deep-link", "/courses/c-1/assessments/a-1", "/review", "/teach/c-1"]) {
      expect(frameAncestorsFor({ ...base, pathname })).toBe("'self' https://lms.example.edu https://moodle.example.edu");
    }
  });

  it("keeps the admin's and account pages to STRIDE_FRAME_ANCESTORS", () => {
    for (const pathname of ["/admin", "/admin/lti", "/settings", "/sign-up"]) {
      expect(frameAncestorsFor({ ...base, pathname })).toBe("'self' https://lms.example.edu");
    }
  });

  it("lets any https site frame /lti/register, and loopback http only where allowed", () => {
    expect(frameAncestorsFor({ ...base, pathname: "/lti/register" })).toBe("'self' https://lms.example.edu https:");
    expect(frameAncestorsFor({ ...base, pathname: "/lti/register", allowInsecureLoopback: true })).toBe("'self' https://lms.example.edu https: http://localhost:* http://127.0.0.1:*");
  });

  it("drops 'none' when platforms are added beside it", () => {
    expect(frameAncestorsFor({ ...base, configured: "'none'", pathname: "/review" })).toBe("https://moodle.example.edu");
    expect(frameAncestorsFor({ ...base, configured: "'none'", platformOrigins: [], pathname: "/review" })).toBe("'none'");
  });
});

describe("the list in memory", () => {
  it("is read once, kept for the TTL, then read again while the old list answers", async () => {
    const db = fakeDb([moodle]);
    const at = 1_000_000;
    expect(await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: at })).toEqual(["https://moodle.example.edu"]);
    db.rows = [moodle, canvas];
    expect(await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: at + FRAME_ANCESTORS_TTL_MS - 1 })).toEqual(["https://moodle.example.edu"]);
    expect(db.reads).toBe(1);
    // Past the TTL: this page gets the list in hand, the read goes on behind it.
    expect(await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: at + FRAME_ANCESTORS_TTL_MS })).toEqual(["https://moodle.example.edu"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(db.reads).toBe(2);
    expect(await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: at + FRAME_ANCESTORS_TTL_MS + 1 })).toContain("https://canvas.instructure.com");
  });

  it("is read again at once after a registration here", async () => {
    const db = fakeDb([moodle]);
    await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: 5 });
    db.rows = [canvas];
    forgetPlatformOrigins();
    expect(await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: 6 })).toEqual(["https://canvas.instructure.com", "https://sso.canvaslms.com"]);
  });

  it("keeps the list in hand when the database fails, and is empty before the server opened one", async () => {
    expect(await registeredPlatformOrigins({ db: undefined })).toEqual([]);
    const db = fakeDb([moodle]);
    await registeredPlatformOrigins({ db: db as unknown as PrismaClient, now: 0 });
    const failing = { ltiPlatform: { findMany: async () => Promise.reject(new Error("down")) } };
    expect(await registeredPlatformOrigins({ db: failing as unknown as PrismaClient, now: FRAME_ANCESTORS_TTL_MS })).toEqual(["https://moodle.example.edu"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await registeredPlatformOrigins({ db: failing as unknown as PrismaClient, now: FRAME_ANCESTORS_TTL_MS + 1 })).toEqual(["https://moodle.example.edu"]);
  });
});

describe("proxy.ts", () => {
  function frameAncestorsOf(response: Response): string | undefined {
    return response.headers
      .get("content-security-policy")
      ?.split("; ")
      .find((directive) => directive.startsWith("frame-ancestors "))
      ?.slice("frame-ancestors ".length);
  }

  it("puts the registered platforms in frame-ancestors from the server's database", async () => {
    holder.strideServices = { db: fakeDb([moodle]) };
    const launch = await proxy(new NextRequest("http://localhost:3000/lti/launch"));
    expect(frameAncestorsOf(launch)?.split(" ")).toContain("https://moodle.example.edu");
    const admin = await proxy(new NextRequest("http://localhost:3000/admin/lti"));
    expect(frameAncestorsOf(admin)?.split(" ")).not.toContain("https://moodle.example.edu");
  });
});
