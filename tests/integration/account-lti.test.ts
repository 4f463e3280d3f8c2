/**
 * A person's LTI links in "download my data" and "delete my account" (lib/server/account), through
 * the tRPC caller on both databases: the export lists who the person is to each LMS (the
 * platform's issuer and name, `sub`, first and last launch, a launch moving the last) and, for
 * each course they own, the LMS courses linked to it; never a platform's keys, client id, service
 * addresses or anybody else's identity. Deleting the account deletes its LTI identities, unlinks
 * the LMS courses of the courses deleted with it, and leaves other people's alone. An account an
 * LMS made has no password: settings learn so (account.signInMethods), and it deletes itself with
 * a session opened in the last ten minutes instead (a launch just now), never with an older one;
 * an account with a password still needs it.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountExport } from "@/lib/server/account/export-account";
import { AppError } from "@/lib/server/errors";
import type { LaunchClaims } from "@/lib/server/lti/claims";
import { provisionLtiUser } from "@/lib/server/lti/provision-user";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, failureOf, newUser } from "./courses-support";
import { errorOf, httpApi } from "./http-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const PASSWORD = "correct-horse-2";
const NOW = new Date("2026-05-01T09:00:00Z");
const FIRST_LAUNCH = new Date("2026-03-02T08:00:00Z");
const LATER_LAUNCH = new Date("2026-04-20T14:30:00Z");

/** A resource link launch's claims as verify-launch.ts gives them, for `sub`. */
function claimsOf(sub: string, name: string): LaunchClaims {
  return {
    messageType: "LtiResourceLinkRequest",
    resourceLink: { id: "link-1" },
    issuer: "https://canvas.example.edu",
    sub,
    audience: ["10000000000001"],
    authorizedParty: undefined,
    expiresAt: 0,
    issuedAt: 0,
    nonce: "n",
    deploymentId: "1:canvas",
    targetLinkUri: "https://stride.example/lti/launch",
    roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
    name,
    email: undefined,
    locale: "en",
    context: { id: "cnn-101" },
    custom: {},
    returnUrl: undefined,
    documentTarget: undefined,
    ags: undefined,
    nrps: undefined,
  } as LaunchClaims;
}


const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe.each(databaseKinds())("an account's LTI links in its export and deletion on %s", (kind) => {
  let database: TestDatabase;
  let hash: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    hash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.prisma;
  const as = (user: SessionUser) => callerFor(db(), user, () => NOW);

  async function person(role: "learner" | "instructor", name: string): Promise<SessionUser> {
    const user = await newUser(db(), role, name);
    await db().account.create({ data: { id: randomUUID(), accountId: user.id, providerId: "credential", userId: user.id, password: hash } });
    return user;
  }

  async function platform(issuer: string, name: string, clientId: string) {
    return db().ltiPlatform.create({
      data: {
        issuer,
        clientId,
        name,
        authLoginUrl: `${issuer}/api/lti/authorize_redirect`,
        accessTokenUrl: `${issuer}/login/oauth2/token`,
        jwksUrl: `${issuer}/api/lti/security/jwks`,
        deploymentIds: [`1:${clientId}`],
      },
    });
  }

  it("exports the person's LMS identities and their own courses' LMS courses, with nothing secret and nobody else's", async () => {
    const canvas = await platform("https://canvas.example.edu", "Canvas (university)", "10000000000001");
    const moodle = await platform("https://moodle.example.org", "Moodle", "moodle-client-7");
    const teacher = await person("instructor", "Grace Hopper");
    const colleague = await person("instructor", "Alan Turing");

    // Known to Canvas since their first launch; the later launch (provision-user.ts) moves "last seen".
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "canvas-user-42", userId: teacher.id, createdAt: FIRST_LAUNCH, updatedAt: FIRST_LAUNCH } });
    const launched = await provisionLtiUser({ db: db(), platformId: canvas.id, claims: claimsOf("canvas-user-42", "Grace Hopper"), courseRole: "owner", now: LATER_LAUNCH });
    expect(launched).toMatchObject({ id: teacher.id, created: false });
    const moodleSeen = new Date("2026-04-01T10:00:00Z");
    await db().ltiUser.create({ data: { platformId: moodle.id, sub: "m-1007", userId: teacher.id, createdAt: moodleSeen, updatedAt: moodleSeen } });
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "canvas-user-43", userId: colleague.id } });

    const own = await as(teacher).courses.create({ title: "Convolutional networks" });
    const unlinked = await as(teacher).courses.create({ title: "Stride-only course" });
    const theirs = await as(colleague).courses.create({ title: "Colleague's course" });
    await db().ltiContext.create({
      data: {
        platformId: canvas.id,
        deploymentId: "1:10000000000001",
        contextId: "cnn-101",
        title: "CNN 101 (spring)",
        courseId: own.id,
        membershipsUrl: "https://canvas.example.edu/api/lti/courses/101/names_and_roles",
        lineItemsUrl: "https://canvas.example.edu/api/lti/courses/101/line_items",
        createdAt: FIRST_LAUNCH,
      },
    });
    await db().ltiContext.create({ data: { platformId: moodle.id, deploymentId: "1:moodle-client-7", contextId: "77", title: null, courseId: own.id, createdAt: moodleSeen } });
    await db().ltiContext.create({ data: { platformId: canvas.id, deploymentId: "1:10000000000001", contextId: "cnn-202", title: "Colleague's LMS course", courseId: theirs.id } });

    const file = await as(teacher).account.export();
    const data = JSON.parse(file.body) as AccountExport & Record<string, unknown>;
    expect(data.ltiIdentities).toEqual([
      { platform: { issuer: "https://canvas.example.edu", name: "Canvas (university)" }, sub: "canvas-user-42", firstSeenAt: FIRST_LAUNCH.toISOString(), lastSeenAt: LATER_LAUNCH.toISOString() },
      { platform: { issuer: "https://moodle.example.org", name: "Moodle" }, sub: "m-1007", firstSeenAt: moodleSeen.toISOString(), lastSeenAt: moodleSeen.toISOString() },
    ]);
    const courses = new Map(data.courses.map((course) => [course.id, course]));
    expect(courses.get(own.id)!.lmsCourses).toEqual([
      { platform: { issuer: "https://canvas.example.edu", name: "Canvas (university)" }, contextId: "cnn-101", title: "CNN 101 (spring)", firstLaunchAt: FIRST_LAUNCH.toISOString() },
      { platform: { issuer: "https://moodle.example.org", name: "Moodle" }, contextId: "77", title: null, firstLaunchAt: moodleSeen.toISOString() },
    ]);
    expect(courses.get(unlinked.id)!.lmsCourses).toEqual([]);
    expect(courses.has(theirs.id)).toBe(false);

    // An allow-list: no client id, key or service address of the LMS, and no other person's identity.
    for (const secret of ["10000000000001", "moodle-client-7", "jwks", "oauth2/token", "names_and_roles", "line_items", "canvas-user-43", "cnn-202"]) {
      expect(file.body).not.toContain(secret);
    }
  });

  it("deletes the person's LTI identities with the account, unlinks the LMS courses of their deleted courses, and keeps other people's", async () => {
    const canvas = await platform("https://canvas2.example.edu", "Canvas (college)", "20000000000002");
    const teacher = await person("instructor", "Barbara Liskov");
    const other = await person("learner", "Edsger Dijkstra");
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "leaving-1", userId: teacher.id } });
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "staying-1", userId: other.id } });
    const course = await as(teacher).courses.create({ title: "Pooling" });
    const context = await db().ltiContext.create({ data: { platformId: canvas.id, deploymentId: "1:20000000000002", contextId: "pool-1", title: "Pooling (LMS)", courseId: course.id } });

    const deleted = await as(teacher).account.delete({ password: PASSWORD, confirmation: teacher.email });
    expect(deleted).toMatchObject({ deleted: true });
    expect(await db().ltiUser.findMany({ where: { platformId: canvas.id }, select: { sub: true, userId: true } })).toEqual([{ sub: "staying-1", userId: other.id }]);
    expect(await db().ltiUser.count({ where: { userId: teacher.id } })).toBe(0);
    // The LMS course stays known to Stride but linked to nothing: its next instructor launch links it afresh.
    expect(await db().ltiContext.findUnique({ where: { id: context.id }, select: { courseId: true, contextId: true } })).toEqual({ courseId: null, contextId: "pool-1" });
  });

  /** A person an LMS made on their first launch (no e-mail claim: a stand-in address, no password), signed in by a launch at `signedInAt`. */
  async function launched(platformId: string, sub: string, signedInAt: Date | undefined): Promise<SessionUser> {
    const { id } = await provisionLtiUser({ db: db(), platformId, claims: claimsOf(sub, "Ada Lovelace"), courseRole: "owner", now: FIRST_LAUNCH });
    const user = await db().user.findUniqueOrThrow({ where: { id }, select: { email: true, name: true } });
    return { id, email: user.email, name: user.name, role: "instructor", locale: "en", sessionCreatedAt: signedInAt };
  }

  async function leftOf(userId: string) {
    return { users: await db().user.count({ where: { id: userId } }), identities: await db().ltiUser.count({ where: { userId } }), courses: await db().courseMember.count({ where: { userId } }) };
  }

  it("tells settings whether the account has a password and which LMSs it comes from", async () => {
    const canvas = await platform("https://canvas3.example.edu", "Canvas (university)", "30000000000003");
    const moodle = await platform("https://moodle3.example.org", "Moodle", "moodle-client-3");
    const lmsMade = await launched(canvas.id, "methods-1", NOW);
    await db().ltiUser.create({ data: { platformId: moodle.id, sub: "methods-m", userId: lmsMade.id } });
    const signedUp = await person("learner", "Signed Up");
    const both = await person("instructor", "Both Ways");
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "methods-2", userId: both.id } });

    expect(lmsMade.email).toMatch(/^lti-[0-9a-f-]+@lti\.invalid$/);
    expect(await as(lmsMade).account.signInMethods()).toEqual({ hasPassword: false, platforms: ["Canvas (university)", "Moodle"] });
    expect(await as(signedUp).account.signInMethods()).toEqual({ hasPassword: true, platforms: [] });
    expect(await as(both).account.signInMethods()).toEqual({ hasPassword: true, platforms: ["Canvas (university)"] });
  });

  it("deletes an account an LMS made without a password, with a session its launch opened minutes ago", async () => {
    const canvas = await platform("https://canvas4.example.edu", "Canvas (fresh)", "40000000000004");
    const fresh = await launched(canvas.id, "fresh-1", minutesBefore(9.9));
    const course = await as(fresh).courses.create({ title: "Strides" });

    const deleted = await as(fresh).account.delete({ confirmation: fresh.email.toUpperCase() });
    expect(deleted).toMatchObject({ deleted: true, reviews: 0, cards: 0, courses: [{ courseId: course.id, title: "Strides" }] });
    expect(await leftOf(fresh.id)).toEqual({ users: 0, identities: 0, courses: 0 });
    expect(await db().course.count({ where: { id: course.id } })).toBe(0);
  });

  it("refuses an account an LMS made whose session is ten minutes old or more, or unknown, and deletes nothing", async () => {
    const canvas = await platform("https://canvas5.example.edu", "Canvas (stale)", "50000000000005");
    const stale = await launched(canvas.id, "stale-1", minutesBefore(10));
    await as(stale).courses.create({ title: "Padding" });

    const refusal = await failureOf(() => as(stale).account.delete({ confirmation: stale.email }));
    expect(refusal.code).toBe("FORBIDDEN");
    expect(refusal.message).toBe("This account has no password, so deleting it needs a session opened in the last 10 minutes. Open Stride again from your LMS, then delete within 10 minutes.");
    expect(refusal.cause).toBeInstanceOf(AppError);
    expect((refusal.cause as AppError).reason).toBe("account.sessionNotFresh");
    expect((refusal.cause as AppError).params).toEqual({ minutes: 10 });
    // A password sent along changes nothing: the account has none to check.
    expect(await failureOf(() => as(stale).account.delete({ password: "anything-at-all", confirmation: stale.email }))).toMatchObject({ code: "FORBIDDEN" });
    // A caller that read no session (no creation time) is never fresh.
    expect(await failureOf(() => as({ ...stale, sessionCreatedAt: undefined }).account.delete({ confirmation: stale.email }))).toMatchObject({ code: "FORBIDDEN" });
    // The typed confirmation is still checked first, as for everyone.
    const unconfirmed = await failureOf(() => as({ ...stale, sessionCreatedAt: NOW }).account.delete({ confirmation: "someone@example.com" }));
    expect((unconfirmed.cause as AppError).field).toBe("confirmation");
    expect(await leftOf(stale.id)).toEqual({ users: 1, identities: 1, courses: 1 });

    // Over HTTP: a 403 with the reason a page words in the person's language.
    const reply = await httpApi({ db: db() }).call("account.delete", { confirmation: stale.email }, { user: stale, method: "POST" });
    expect(reply.status).toBe(403);
    expect(errorOf(reply)?.data).toMatchObject({ code: "FORBIDDEN", reason: "account.sessionNotFresh", params: { minutes: 10 } });
    expect(await leftOf(stale.id)).toEqual({ users: 1, identities: 1, courses: 1 });
  });

  it("still needs the password of an account that has one, however fresh its session: missing, a 400 naming the field", async () => {
    const canvas = await platform("https://canvas6.example.edu", "Canvas (password)", "60000000000006");
    const withPassword = { ...(await person("learner", "Has Password")), sessionCreatedAt: NOW };
    await db().ltiUser.create({ data: { platformId: canvas.id, sub: "pw-1", userId: withPassword.id } });

    const missing = await failureOf(() => as(withPassword).account.delete({ confirmation: withPassword.email }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.message).toBe("password: enter your current password.");
    expect((missing.cause as AppError).field).toBe("password");
    expect((missing.cause as AppError).reason).toBe("account.passwordMissing");
    expect(await failureOf(() => as(withPassword).account.delete({ password: "not-the-password", confirmation: withPassword.email }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "password: that is not your current password.",
    });
    const reply = await httpApi({ db: db() }).call("account.delete", { confirmation: withPassword.email }, { user: withPassword, method: "POST" });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)?.data.fieldErrors).toEqual({ password: "password: enter your current password." });
    expect(await leftOf(withPassword.id)).toEqual({ users: 1, identities: 1, courses: 0 });

    expect(await as(withPassword).account.delete({ password: PASSWORD, confirmation: withPassword.email })).toMatchObject({ deleted: true });
    expect(await leftOf(withPassword.id)).toEqual({ users: 0, identities: 0, courses: 0 });
  });
});
