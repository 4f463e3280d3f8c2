/**
 * LTI 1.3 launches from the spec-following test platform into Stride's routes over real HTTP, on
 * both databases: the first instructor launch makes the user, the course and the placement and
 * opens a session; a learner joins; a person launching again is found by (platform, sub); an
 * e-mail that a Stride account already has is never merged into it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserRequest, CookieJar, role, type TestPlatform } from "@/tests/support/lti-platform";
import { registeredPlatform, startLtiToolServer, type LtiToolServer } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

describe.each(databaseKinds())("LTI 1.3 launches on %s", (kind) => {
  let database: TestDatabase;
  let tool: LtiToolServer;
  let platform: TestPlatform;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    tool = await startLtiToolServer(database.prisma);
    platform = await registeredPlatform(database.prisma, tool);
  });

  afterAll(async () => {
    await platform?.close();
    await tool?.close();
    await database?.drop();
  });

  const launch = (options: Omit<Parameters<TestPlatform["launch"]>[0], "toolLoginUrl" | "targetLinkUri">) =>
    platform.launch({ toolLoginUrl: tool.loginUrl, targetLinkUri: tool.launchUrl, ...options });

  it("makes the instructor, the course titled as the LMS's and the placement on the first instructor launch, and signs them in", async () => {
    const context = { id: "course-first", title: "Deep Learning 101", label: "DL101" };
    const result = await launch({
      user: { sub: "teacher-1", name: "Grace Hopper", email: "grace@example.edu", locale: "en-US" },
      roles: [role.instructor],
      context,
      resourceLink: { id: "link-first", title: "Week 1" },
    });
    expect(result.authorization?.problems).toEqual([]);
    expect(result.response.status).toBe(303);
    expect(result.response.location).toMatch(new RegExp(`^${tool.continueUrl}\\?ticket=`));

    const ltiUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "teacher-1" }, include: { user: true } });
    expect(ltiUser.user).toMatchObject({ name: "Grace Hopper", email: "grace@example.edu", role: "instructor", locale: "en" });
    const ltiContext = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-first" }, include: { course: { include: { members: true } } } });
    expect(ltiContext.course).toMatchObject({ title: "Deep Learning 101", lang: "en" });
    expect(ltiContext.course!.members).toEqual([expect.objectContaining({ userId: ltiUser.userId, role: "owner" })]);
    expect(ltiContext).toMatchObject({ deploymentId: platform.deploymentId, membershipsUrl: platform.urls.memberships("course-first"), lineItemsUrl: platform.urls.lineItems("course-first") });
    expect(await database.prisma.ltiResourceLink.findFirst({ where: { resourceLinkId: "link-first" } })).toMatchObject({ ltiContextId: ltiContext.id, kind: "course" });

    // The session cookie is for a frame: SameSite=None, Secure (loopback counts as secure), Partitioned.
    const sessionCookie = result.response.setCookies.find((line) => line.startsWith("better-auth.session_token="));
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; Secure/);
    expect(sessionCookie).toMatch(/; SameSite=None/);
    expect(sessionCookie).toMatch(/; Partitioned/);
    const landed = await result.follow();
    expect(landed.body).toBe(`page /teach/${ltiContext.courseId} user=${ltiUser.userId}`);
    expect(await database.prisma.session.count({ where: { userId: ltiUser.userId } })).toBe(1);
    expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch", userId: ltiUser.userId, createdUser: true, createdCourse: true, courseRole: "owner" }));
  });

  it("keeps the LMS course's roster and line-item URLs when a later launch carries no AGS or NRPS claim", async () => {
    const context = { id: "course-services", title: "Services" };
    await launch({ user: { sub: "teacher-services", name: "Grace" }, roles: [role.instructor], context });
    const before = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-services" } });
    expect(before).toMatchObject({ membershipsUrl: platform.urls.memberships("course-services"), lineItemsUrl: platform.urls.lineItems("course-services") });

    // An ungraded placement: the platform sends neither service claim this time.
    const bare = await launch({ user: { sub: "teacher-services", name: "Grace" }, roles: [role.instructor], context, agsEndpoint: false, nrpsEndpoint: false });
    expect(bare.response.status).toBe(303);
    const after = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-services" } });
    expect(after).toMatchObject({ membershipsUrl: before.membershipsUrl, lineItemsUrl: before.lineItemsUrl, agsScopes: before.agsScopes });
  });

  it("joins a learner to the linked course as a learner and finds them again on their next launch", async () => {
    const context = { id: "course-join", title: "Vision" };
    await launch({ user: { sub: "teacher-2", name: "Ada" }, roles: [role.instructor], context });
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-join" } });
    const usersBefore = await database.prisma.user.count();

    const first = await launch({ user: { sub: "student-1", name: "Alan Turing", email: "alan@example.edu", locale: "zh-CN" }, roles: [role.learner, role.student], context });
    const learner = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "student-1" }, include: { user: true } });
    expect(learner.user).toMatchObject({ role: "learner", locale: "zh-CN" });
    expect(await database.prisma.courseMember.findFirst({ where: { courseId: courseId!, userId: learner.userId } })).toMatchObject({ role: "learner" });
    expect((await first.follow()).body).toBe(`page /courses/${courseId} user=${learner.userId}`);
    expect(first.response.setCookies).toContainEqual(expect.stringMatching(/^NEXT_LOCALE=zh-CN;/));

    const again = await launch({ user: { sub: "student-1", name: "Alan M. Turing" }, roles: [role.learner], context });
    expect((await again.follow()).body).toBe(`page /courses/${courseId} user=${learner.userId}`);
    expect(await database.prisma.user.count()).toBe(usersBefore + 1);
    expect(await database.prisma.session.count({ where: { userId: learner.userId } })).toBe(2);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: learner.userId } })).name).toBe("Alan M. Turing");
  });

  it("makes a TeachingAssistant a co-owner, and never lowers an owner who later launches as a learner", async () => {
    const context = { id: "course-ta", title: "TA course" };
    await launch({ user: { sub: "teacher-3" }, roles: [role.instructor], context });
    await launch({ user: { sub: "ta-1" }, roles: [role.teachingAssistant], context });
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-ta" } });
    const ta = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "ta-1" } });
    expect(await database.prisma.courseMember.findFirst({ where: { courseId: courseId!, userId: ta.userId } })).toMatchObject({ role: "owner" });
    await launch({ user: { sub: "ta-1" }, roles: [role.learner], context });
    expect(await database.prisma.courseMember.findFirst({ where: { courseId: courseId!, userId: ta.userId } })).toMatchObject({ role: "owner" });
    expect(await database.prisma.course.count({ where: { id: courseId! } })).toBe(1);
  });

  it("keeps an e-mail that a Stride account already has with that account: the LMS person gets a user of their own", async () => {
    const existing = await database.prisma.user.create({ data: { id: `existing-${kind}`, name: "Existing", email: "taken@example.edu", role: "instructor" } });
    const result = await launch({ user: { sub: "teacher-taken", name: "Imposter", email: "Taken@example.edu" }, roles: [role.instructor], context: { id: "course-taken", title: "T" } });
    const landed = await result.follow();
    const ltiUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "teacher-taken" }, include: { user: true } });
    expect(ltiUser.userId).not.toBe(existing.id);
    expect(ltiUser.user.email).toMatch(/^lti-[0-9a-f-]+@lti\.invalid$/);
    expect(landed.body).toContain(`user=${ltiUser.userId}`);
    expect(await database.prisma.session.count({ where: { userId: existing.id } })).toBe(0);
    expect(await database.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: "Existing", email: "taken@example.edu" });
  });

  it("gives a person whose platform sent no e-mail, or a malformed one, a stand-in address and a name", async () => {
    await launch({ user: { sub: "teacher-no-mail" }, roles: [role.instructor], context: { id: "course-no-mail", title: "No mail" } });
    await launch({ user: { sub: "teacher-bad-mail", name: "Bad", email: "not an e-mail" }, roles: [role.instructor], context: { id: "course-no-mail", title: "No mail" } });
    const users = await database.prisma.ltiUser.findMany({ where: { sub: { in: ["teacher-no-mail", "teacher-bad-mail"] } }, include: { user: true }, orderBy: { sub: "desc" } });
    expect(users.map(({ user }) => [user.name, /^lti-[0-9a-f-]+@lti\.invalid$/.test(user.email)])).toEqual([
      ["LMS user", true],
      ["Bad", true],
    ]);
  });

  it("opens a placement's assessment: its editor for the owner, the attempt page for a learner", async () => {
    const context = { id: "course-placed", title: "Placed" };
    await launch({ user: { sub: "teacher-4" }, roles: [role.instructor], context });
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-placed" } });
    const assessment = await database.prisma.assessment.create({ data: { courseId: courseId!, titleEn: "Quiz 1", kind: "homework" } });
    const custom = { stride_kind: "assessment", stride_target_id: assessment.id };
    const owner = await launch({ user: { sub: "teacher-4" }, roles: [role.instructor], context, resourceLink: { id: "link-quiz" }, custom });
    expect((await owner.follow()).body).toMatch(new RegExp(`^page /teach/${courseId}/assessments/${assessment.id}/edit `));
    const learner = await launch({ user: { sub: "student-placed" }, roles: [role.learner], context, resourceLink: { id: "link-quiz" } });
    expect((await learner.follow()).body).toMatch(new RegExp(`^page /courses/${courseId}/assessments/${assessment.id} `));
    expect(await database.prisma.ltiResourceLink.findFirst({ where: { resourceLinkId: "link-quiz" } })).toMatchObject({ kind: "assessment", targetId: assessment.id });
    // A placement naming no assessment Stride has opens the launch's own course instead (one of another course is refused: lti-deep-link.test.ts).
    const foreign = await launch({ user: { sub: "student-placed" }, roles: [role.learner], context, resourceLink: { id: "link-foreign" }, custom: { stride_kind: "assessment", stride_target_id: "not-this-course" } });
    expect((await foreign.follow()).body).toMatch(new RegExp(`^page /courses/${courseId} `));
  });

  it("opens a placement of a bank's practice on that bank; a bank deleted, or with every question archived, on the course's practice", async () => {
    const context = { id: "course-bank-placed", title: "Bank placed" };
    await launch({ user: { sub: "teacher-bank" }, roles: [role.instructor], context });
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-bank-placed" } });
    const question = { kind: "fixed", title: "Output size", publishedVersion: 1 };
    const bank = await database.prisma.bank.create({ data: { courseId: courseId!, title: "Strides", questions: { create: [question] } } });
    const archived = await database.prisma.bank.create({ data: { courseId: courseId!, title: "Retired", questions: { create: [{ ...question, archivedAt: new Date() }] } } });
    const landing = async (linkId: string, bankId: string) => {
      const learner = await launch({ user: { sub: "student-bank" }, roles: [role.learner], context, resourceLink: { id: linkId }, custom: { stride_kind: "practice", stride_target_id: bankId } });
      return /^page (\S+) /.exec((await learner.follow()).body)?.[1];
    };
    expect(await landing("link-bank", bank.id)).toBe(`/practice?course=${courseId}&bank=${bank.id}`);
    expect(await landing("link-retired", archived.id)).toBe(`/practice?course=${courseId}`);
    await database.prisma.bank.delete({ where: { id: bank.id } });
    expect(await landing("link-bank", bank.id)).toBe(`/practice?course=${courseId}`);
  });

  it("links one course when two instructors of a new LMS course launch at the same moment, both its owners", async () => {
    const context = { id: "course-race", title: "Race" };
    const results = await Promise.all(["teacher-race-1", "teacher-race-2"].map((sub) => launch({ user: { sub }, roles: [role.instructor], context })));
    expect(results.map((result) => result.response.status)).toEqual([303, 303]);
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-race" } });
    expect(await database.prisma.course.count({ where: { title: "Race" } })).toBe(1);
    expect(await database.prisma.courseMember.count({ where: { courseId: courseId!, role: "owner" } })).toBe(2);
  });

  it("takes an instructor's deep-linking request to the picker (tests/integration/lti-deep-link.test.ts), with no placement recorded", async () => {
    const context = { id: "course-deep", title: "Deep" };
    const result = await launch({ user: { sub: "teacher-deep" }, roles: [role.instructor], context, messageType: "LtiDeepLinkingRequest" });
    expect(result.response.status).toBe(303);
    const { id } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-deep" } });
    expect((await result.follow()).body).toMatch(/^page \/lti\/deep-link\?id=[\w-]+ /);
    expect(await database.prisma.ltiResourceLink.count({ where: { ltiContextId: id } })).toBe(0);
  });

  it("sweeps login states an hour past their expiry when the next login comes, keeping recent ones", async () => {
    const platformId = (await database.prisma.ltiPlatform.findFirstOrThrow()).id;
    const hour = 60 * 60 * 1000;
    await database.prisma.ltiLoginState.createMany({
      data: [
        { state: "stale-state", nonce: "stale-nonce", platformId, targetLinkUri: tool.launchUrl, expiresAt: new Date(Date.now() - 2 * hour) },
        { state: "recent-state", nonce: "recent-nonce", platformId, targetLinkUri: tool.launchUrl, expiresAt: new Date(Date.now() - hour / 2) },
      ],
    });
    await launch({ user: { sub: "teacher-sweep" }, roles: [role.instructor], context: { id: "course-sweep", title: "Sweep" } });
    expect(await database.prisma.ltiLoginState.findMany({ where: { state: { in: ["stale-state", "recent-state"] } }, select: { state: true } })).toEqual([{ state: "recent-state" }]);
  });

  it("starts by POST and without client_id or deployment id, as the login initiation may", async () => {
    const result = await launch({ user: { sub: "teacher-post" }, roles: [role.instructor], context: { id: "course-post", title: "Post" }, loginMethod: "POST", loginIncludesClientId: false });
    expect(result.authorization?.problems).toEqual([]);
    expect(result.response.status).toBe(303);
  });

  it("lands inside a frame that blocks third-party cookies: the partitioned session cookie is kept", async () => {
    const result = await launch({ user: { sub: "student-frame" }, roles: [role.instructor], context: { id: "course-frame", title: "Frame" }, thirdPartyCookiesBlocked: true });
    const ltiUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "student-frame" } });
    expect((await result.follow()).body).toContain(`user=${ltiUser.userId}`);
  });

  it("offers a new window when no session cookie came back, and its one-time ticket signs in there once", async () => {
    const result = await launch({ user: { sub: "teacher-window", locale: "zh-CN" }, roles: [role.instructor], context: { id: "course-window", title: "Window" } });
    const ltiUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "teacher-window" } });
    const { courseId } = await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "course-window" } });
    // A browser that kept no cookie at all.
    const blocked = await browserRequest(new CookieJar(), result.response.location!);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toContain("在新窗口中打开 Stride");
    expect(blocked.body).toContain('target="_blank"');
    // Not no-referrer: with it a browser posts the page's own form with `Origin: null`.
    expect(blocked.headers.get("referrer-policy")).toBe("same-origin");
    const ticket = /name="ticket" value="([^"]+)"/.exec(blocked.body)?.[1];
    expect(ticket).toBeTruthy();

    const elsewhere = await browserRequest(new CookieJar(), tool.continueUrl, { method: "POST", form: { ticket: ticket! }, headers: { origin: "https://evil.example" } });
    expect(elsewhere.status).toBe(403);
    expect((await browserRequest(new CookieJar(), tool.continueUrl, { method: "POST", form: { ticket: ticket! }, headers: { origin: "null" } })).status).toBe(403);
    expect((await browserRequest(new CookieJar(), tool.continueUrl, { method: "POST", form: { ticket: ticket! } })).status).toBe(403);
    const window = new CookieJar();
    const opened = await browserRequest(window, tool.continueUrl, { method: "POST", form: { ticket: ticket! }, headers: { origin: tool.base } });
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`${tool.base}/teach/${courseId}`);
    // A window of its own is first-party: an ordinary cookie, not a partitioned one.
    expect(opened.setCookies.find((line) => line.startsWith("better-auth.session_token="))).not.toMatch(/Partitioned/);
    expect((await browserRequest(window, opened.location!)).body).toContain(`user=${ltiUser.userId}`);

    const twice = await browserRequest(new CookieJar(), tool.continueUrl, { method: "POST", form: { ticket: ticket! }, headers: { origin: tool.base } });
    expect(twice.status).toBe(401);
    expect(twice.body).toContain('data-reason="lti.launch.ticketExpired"');
  });
});
