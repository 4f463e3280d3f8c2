/**
 * The admin LTI page's operations (lib/server/lti/registration-admin.ts, behind app/admin/lti) on
 * both databases: only an admin gets anything (others NOT_FOUND, as the page answers 404); the
 * overview lists platforms, open registration links and Stride's values for an LMS; a platform
 * added by the form is checked like the CLI's (problems by field, a duplicate named); another
 * deployment of a registered platform is accepted without registering it again, once, raced or
 * repeated, within LTI's rules and the limit of ids; removing one twice is harmless; a registration link made there authorises one registration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAddDeployment, adminAddPlatform, adminCreateRegistrationLink, adminLtiOverview, adminRemovePlatform, type PlatformForm } from "@/lib/server/lti/registration-admin";
import { claimRegistrationToken } from "@/lib/server/lti/registration-tokens";
import type { SessionUser } from "@/lib/server/trpc";
import { newUser } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const BASE = "https://stride.example.edu";

const moodle: PlatformForm = {
  issuer: "https://moodle.example.edu",
  clientId: "Xy12abc",
  name: "Moodle (faculty)",
  authLoginUrl: "https://moodle.example.edu/mod/lti/auth.php",
  accessTokenUrl: "https://moodle.example.edu/mod/lti/token.php",
  jwksUrl: "https://moodle.example.edu/mod/lti/certs.php",
  deploymentIds: "1\n 7, 1 ",
};

describe.each(databaseKinds())("the admin's LTI page on %s", (kind) => {
  let database: TestDatabase;
  let admin: SessionUser;
  let instructor: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    instructor = await newUser(database.prisma, "instructor");
    const promoted = await newUser(database.prisma, "learner", "Admin");
    await database.prisma.user.update({ where: { id: promoted.id }, data: { role: "admin" } });
    admin = { ...promoted, role: "admin" };
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("answers NOT_FOUND to anyone but an admin, and changes nothing", async () => {
    const db = database.prisma;
    for (const user of [null, instructor]) {
      await expect(adminLtiOverview({ db, user, baseUrl: BASE })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(adminAddPlatform({ db, user, form: moodle, allowInsecureLoopback: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(adminRemovePlatform({ db, user, issuer: moodle.issuer, clientId: moodle.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(adminAddDeployment({ db, user, issuer: moodle.issuer, clientId: moodle.clientId, deploymentId: "9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(adminCreateRegistrationLink({ db, user, baseUrl: BASE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.ltiPlatform.count()).toBe(0);
    expect(await db.ltiRegistrationToken.count()).toBe(0);
  });

  it("shows Stride's values for an LMS and an empty list", async () => {
    const overview = await adminLtiOverview({ db: database.prisma, user: admin, baseUrl: BASE });
    expect(overview).toEqual({
      platforms: [],
      openTokenCount: 0,
      values: {
        registrationUrl: `${BASE}/lti/register`,
        loginUrl: `${BASE}/lti/login`,
        launchUrl: `${BASE}/lti/launch`,
        deepLinkingUrl: `${BASE}/lti/launch`,
        jwksUrl: `${BASE}/lti/jwks`,
        domain: "stride.example.edu",
        scopes: [
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
        ],
      },
    });
  });

  it("adds a platform from the form (deployment ids by line or comma), refuses bad fields by name and a duplicate", async () => {
    const db = database.prisma;
    const added = await adminAddPlatform({ db, user: admin, form: moodle, allowInsecureLoopback: false });
    expect(added).toMatchObject({ ok: true, platform: { issuer: moodle.issuer, clientId: "Xy12abc", deploymentIds: ["1", "7"] } });

    const bad = await adminAddPlatform({ db, user: admin, form: { ...moodle, clientId: "other", jwksUrl: "http://moodle.example.edu/certs", deploymentIds: " , " }, allowInsecureLoopback: false });
    expect(bad).toEqual({
      ok: false,
      problems: [
        { field: "jwksUrl", message: "must use https (plain http is allowed only for a loopback host)" },
        { field: "deploymentIds", message: "give at least one deployment id" },
      ],
    });
    const again = await adminAddPlatform({ db, user: admin, form: moodle, allowInsecureLoopback: false });
    expect(again).toEqual({ ok: false, problems: [{ field: "clientId", message: "is already registered for this issuer" }] });

    const overview = await adminLtiOverview({ db, user: admin, baseUrl: BASE });
    expect(overview.platforms.map((platform) => platform.clientId)).toEqual(["Xy12abc"]);
  });

  it("accepts another deployment of a registered platform: once, raced or repeated, within LTI's rules and the limit of ids", async () => {
    const db = database.prisma;
    const { issuer, clientId } = moodle;
    const before = await db.ltiPlatform.findUniqueOrThrow({ where: { issuer_clientId: { issuer, clientId } } });
    const added = await adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId: "  course-42 " });
    expect(added).toMatchObject({ status: "added", deploymentId: "course-42", platform: { deploymentIds: ["1", "7", "course-42"] } });
    expect(await adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId: "course-42" })).toMatchObject({ status: "present", platform: { deploymentIds: ["1", "7", "course-42"] } });
    // The registration is the same row: what its launches made stays linked to it.
    const after = await db.ltiPlatform.findUniqueOrThrow({ where: { issuer_clientId: { issuer, clientId } } });
    expect(after.id).toBe(before.id);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(Math.abs(after.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);

    for (const [deploymentId, problem] of [
      ["   ", "empty"],
      ["course 43", "notAscii"],
      ["course\u000043", "notAscii"],
      ["课程", "notAscii"],
      ["x".repeat(256), "tooLong"],
    ] as const) {
      expect(await adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId }), deploymentId).toEqual({ status: "refused", problem });
    }
    expect(await adminAddDeployment({ db, user: admin, issuer, clientId: "no-such-client", deploymentId: "9" })).toEqual({ status: "gone" });
    // Values no registration can have (a forged form): no such platform, never a database error.
    expect(await adminAddDeployment({ db, user: admin, issuer: `${issuer}\u0000`, clientId, deploymentId: "9" })).toEqual({ status: "gone" });
    expect(await adminAddDeployment({ db, user: admin, issuer, clientId: "x".repeat(10_000), deploymentId: "9" })).toEqual({ status: "gone" });
    expect(await adminRemovePlatform({ db, user: admin, issuer, clientId: `${clientId}\u0000` })).toBeNull();

    // Twenty admins' clicks at once, five of them the same id twice: each id lands once.
    const ids = Array.from({ length: 15 }, (_, i) => `raced-${i}`);
    const outcomes = await Promise.all([...ids, ...ids.slice(0, 5)].map((deploymentId) => adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId })));
    expect(outcomes.filter((outcome) => outcome.status === "added")).toHaveLength(15);
    const raced = (await db.ltiPlatform.findUniqueOrThrow({ where: { issuer_clientId: { issuer, clientId } } })).deploymentIds;
    expect([...raced].sort()).toEqual(["1", "7", "course-42", ...ids].sort());

    // A registration accepts at most 100 deployment ids (platform-input.ts), by hand as in the form.
    await db.ltiPlatform.update({ where: { id: before.id }, data: { deploymentIds: Array.from({ length: 100 }, (_, i) => `d${i}`) } });
    expect(await adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId: "one-more" })).toEqual({ status: "refused", problem: "tooMany" });
    expect(await adminAddDeployment({ db, user: admin, issuer, clientId, deploymentId: "d99" })).toMatchObject({ status: "present" });
    await db.ltiPlatform.update({ where: { id: before.id }, data: { deploymentIds: after.deploymentIds } });
  });

  it("removes a platform; a second removal finds nothing", async () => {
    const db = database.prisma;
    expect(await adminRemovePlatform({ db, user: admin, issuer: moodle.issuer, clientId: moodle.clientId })).toMatchObject({ clientId: "Xy12abc" });
    expect(await adminRemovePlatform({ db, user: admin, issuer: moodle.issuer, clientId: moodle.clientId })).toBeNull();
    expect(await db.ltiPlatform.count()).toBe(0);
  });

  it("makes a registration link, counted as open, that authorises one registration and names its maker", async () => {
    const db = database.prisma;
    const { url, expiresAt } = await adminCreateRegistrationLink({ db, user: admin, baseUrl: BASE, hours: 3 });
    expect(url).toMatch(/^https:\/\/stride\.example\.edu\/lti\/register\?stride_token=stride-reg-/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(2.9 * 3_600_000);
    expect((await adminLtiOverview({ db, user: admin, baseUrl: BASE })).openTokenCount).toBe(1);
    const token = new URL(url).searchParams.get("stride_token")!;
    const id = await claimRegistrationToken({ db, token });
    expect(await db.ltiRegistrationToken.findUnique({ where: { id: id! }, select: { createdById: true } })).toEqual({ createdById: admin.id });
    expect((await adminLtiOverview({ db, user: admin, baseUrl: BASE })).openTokenCount).toBe(0);
  });
});
