/**
 * A person's LTI links in "download my data" and "delete my account" (lib/server/account), through
 * the tRPC caller on both databases: the export lists who the person is to each LMS (the
 * platform's issuer and name, `sub`, first and last launch, a launch moving the last) and, for
 * each course they own, the LMS courses linked to it; never a platform's keys, client id, service
 * addresses or anybody else's identity. Deleting the account deletes its LTI identities, unlinks
 * the LMS courses of the courses deleted with it, and leaves other people's alone.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountExport } from "@/lib/server/account/export-account";
import type { LaunchClaims } from "@/lib/server/lti/claims";
import { provisionLtiUser } from "@/lib/server/lti/provision-user";
import type { SessionUser } from "@/lib/server/trpc";
import { callerFor, newUser } from "./courses-support";
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
});
