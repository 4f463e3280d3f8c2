/**
 * The launch is bound to the browser that started its login (login CSRF), on both databases: the
 * state cookie the login sets; a launch posted by another browser (another cookie jar) refused
 * without spending the state; LTI platform storage read back by the launch's page when the cookie
 * did not come back; the per-address limit of /lti/login and /lti/launch (429); an instructor who
 * owns Stride courses choosing to link one of them to a new LMS course.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCourse } from "@/lib/server/courses/create-course";
import { handleLaunchPost } from "@/lib/server/lti/launch-post";
import { createLtiLimiter } from "@/lib/server/lti/launch-limit";
import { handleLoginRequest } from "@/lib/server/lti/login-request";
import { createLogger } from "@/lib/server/observability/logger";
import { browserRequest, CookieJar, loginInitiationUrl, parseHtmlForm, parseHtmlForms, role, type BrowserResponse, type TestPlatform } from "@/tests/support/lti-platform";
import { refusalReasonOf, registeredPlatform, startLtiToolServer, type LoggedLine, type LtiToolServer } from "./lti-launch-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

/** The JSON-quoted string a storage page's script passes, read back as the browser would. */
function scriptString(body: string, pattern: RegExp): string {
  const match = pattern.exec(body);
  if (!match) throw new Error(`no ${pattern} in the page:\n${body}`);
  return JSON.parse(match[1]!) as string;
}

function scriptConfig(body: string): { target: string; origin: string; action: string; items: { key: string; value?: string }[] } {
  const match = /ltiStorage\(window, (\{.*?\}), function/.exec(body);
  if (!match) throw new Error(`no storage call in the page:\n${body}`);
  return JSON.parse(match[1]!) as ReturnType<typeof scriptConfig>;
}

describe.each(databaseKinds())("LTI launches bound to their browser on %s", (kind) => {
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

  const launchOptions = (sub: string, contextId: string, roles: string[] = [role.instructor]) => ({
    toolLoginUrl: tool.loginUrl,
    targetLinkUri: tool.launchUrl,
    user: { sub, name: `Person ${sub}` },
    roles,
    context: { id: contextId, title: `Course ${contextId}` },
    resourceLink: { id: `link-${contextId}` },
  });

  /** Login initiation and the platform's answer in `jar`'s browser, stopping before the launch post. */
  async function loginUntilLaunchForm(jar: CookieJar, options: ReturnType<typeof launchOptions>, cookies: "all" | "partitioned-only" = "all") {
    const pending = platform.prepareLaunch(options);
    const login = await browserRequest(jar, loginInitiationUrl(platform, pending, false), { cookies });
    expect(login.status).toBe(302);
    const authorization = await browserRequest(jar, login.location!);
    const form = parseHtmlForm(authorization.body, authorization.url);
    expect(form?.fields.id_token).toBeTruthy();
    return { login, form: form! };
  }

  it("sets an HttpOnly, SameSite=None, Secure, Partitioned state cookie at login and expires it with the launch", async () => {
    const result = await platform.launch(launchOptions("bind-1", "bind-course-1"));
    const stateCookie = result.login.setCookies.find((line) => line.startsWith("lti_state_"));
    expect(stateCookie).toMatch(/; Max-Age=600/);
    expect(stateCookie).toMatch(/; Path=\/lti/);
    expect(stateCookie).toMatch(/; HttpOnly/);
    expect(stateCookie).toMatch(/; Secure/);
    expect(stateCookie).toMatch(/; SameSite=None/);
    expect(stateCookie).toMatch(/; Partitioned/);
    expect(stateCookie!.split(";")[0]!.split("=")[1]).toBe(result.form!.fields.state);
    expect(result.response.status).toBe(303);
    const spent = result.response.setCookies.find((line) => line.startsWith(stateCookie!.split("=")[0]!));
    expect(spent).toMatch(/; Max-Age=0/);
    expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch.browserBound", by: "cookie" }));
  });

  it("launches in a browser that keeps only partitioned cookies in the LMS's frame", async () => {
    const result = await platform.launch({ ...launchOptions("bind-2", "bind-course-2"), thirdPartyCookiesBlocked: true });
    expect(result.response.status).toBe(303);
  });

  it("refuses a launch posted by another browser, opening no session and leaving the state to its own browser", async () => {
    const attacker = new CookieJar();
    const { form } = await loginUntilLaunchForm(attacker, launchOptions("bind-attacker", "bind-course-3"));
    const sessionsBefore = await database.prisma.session.count();

    const victim = new CookieJar();
    const forced = await browserRequest(victim, form.action, { method: "POST", form: form.fields });
    expect(forced.status).toBe(401);
    expect(refusalReasonOf(forced.body)).toBe("lti.launch.stateNotBound");
    expect(forced.setCookies.some((line) => line.startsWith("better-auth.session_token="))).toBe(false);
    expect(victim.all()).toEqual([]);
    expect(await database.prisma.session.count()).toBe(sessionsBefore);
    expect(await database.prisma.ltiLoginState.findUnique({ where: { state: form.fields.state! } })).toMatchObject({ usedAt: null });
    expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch.refused", reason: "lti.launch.stateNotBound" }));

    // The browser that started it still launches.
    const own = await browserRequest(attacker, form.action, { method: "POST", form: form.fields });
    expect(own.status).toBe(303);
  });

  it("refuses a launch whose state cookie was lost (cookies blocked even partitioned, no platform storage), as the spec lets it", async () => {
    const jar = new CookieJar();
    const { form } = await loginUntilLaunchForm(jar, launchOptions("bind-4", "bind-course-4"));
    const launch = await browserRequest(new CookieJar(), form.action, { method: "POST", form: form.fields });
    expect(launch.status).toBe(401);
    expect(refusalReasonOf(launch.body)).toBe("lti.launch.stateNotBound");
    // A replay of a spent launch is still named as used, not as another browser's.
    const spent = await platform.launch({ ...launchOptions("bind-4b", "bind-course-4"), tamper: { replay: true } });
    expect(refusalReasonOf(spent.response.body)).toBe("lti.launch.usedState");
  });

  describe("with LTI platform storage", () => {
    /** The login in a frame whose platform offers storage; the page's stored items and where it goes next. */
    async function storageLogin(jar: CookieJar, options: ReturnType<typeof launchOptions>) {
      const pending = platform.prepareLaunch(options);
      const login = await browserRequest(jar, loginInitiationUrl(platform, pending, true));
      expect(login.status).toBe(200);
      expect(login.headers.get("content-type")).toMatch(/^text\/html/);
      const config = scriptConfig(login.body);
      const redirectTo = scriptString(login.body, /window\.location\.replace\(("(?:[^"\\]|\\.)*")\)/);
      const authorization = await browserRequest(jar, redirectTo);
      const form = parseHtmlForm(authorization.body, authorization.url)!;
      return { login, config, form };
    }

    it("stores state and nonce with the platform's frame, reads them back at a launch without the cookie, and launches", async () => {
      const jar = new CookieJar();
      const { login, config, form } = await storageLogin(jar, launchOptions("store-1", "store-course-1"));
      const state = form.fields.state!;
      const row = await database.prisma.ltiLoginState.findUniqueOrThrow({ where: { state } });
      expect(config).toMatchObject({ target: "_parent", origin: new URL(platform.urls.authorization).origin, action: "put" });
      expect(config.items).toEqual([
        { key: `state_${state}`, value: state },
        { key: `nonce_${row.nonce}`, value: row.nonce },
      ]);
      expect(login.setCookies.some((line) => line.startsWith("lti_state_"))).toBe(true);

      // The frame kept no cookie: the launch answers the page that asks the platform.
      const blocked = new CookieJar();
      const check = await browserRequest(blocked, form.action, { method: "POST", form: form.fields });
      expect(check.status).toBe(200);
      expect(scriptConfig(check.body)).toMatchObject({ action: "get", items: [{ key: `state_${state}` }, { key: `nonce_${row.nonce}` }] });
      expect(await database.prisma.ltiLoginState.findUniqueOrThrow({ where: { state } })).toMatchObject({ usedAt: null });
      const checkForm = parseHtmlForms(check.body, check.url).find((candidate) => candidate.id === "lti-storage-launch")!;
      expect(checkForm.fields).toEqual({ id_token: form.fields.id_token, state });

      // What the page posts when the platform answered with the values it stored.
      const answer = { ...checkForm.fields, lti_storage_state: state, lti_storage_nonce: row.nonce };
      const fromElsewhere = await browserRequest(blocked, checkForm.action, { method: "POST", form: answer, headers: { origin: "http://evil.example" } });
      expect(refusalReasonOf(fromElsewhere.body)).toBe("lti.launch.storageNotBound");
      const wrongNonce = await browserRequest(blocked, checkForm.action, { method: "POST", form: { ...answer, lti_storage_nonce: "other" }, headers: { origin: tool.base } });
      expect(refusalReasonOf(wrongNonce.body)).toBe("lti.launch.storageNotBound");
      const launched = await browserRequest(blocked, checkForm.action, { method: "POST", form: answer, headers: { origin: tool.base } });
      expect(launched.status).toBe(303);
      expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch.browserBound", by: "platformStorage" }));
    });

    it("refuses the launch when the platform's storage of this browser holds nothing (another browser's launch)", async () => {
      const { form } = await storageLogin(new CookieJar(), launchOptions("store-2", "store-course-2"));
      const victim = new CookieJar();
      const check = await browserRequest(victim, form.action, { method: "POST", form: form.fields });
      const checkForm = parseHtmlForms(check.body, check.url).find((candidate) => candidate.id === "lti-storage-launch")!;
      const refused = await browserRequest(victim, checkForm.action, { method: "POST", form: { ...checkForm.fields, lti_storage_error: "bad_request" }, headers: { origin: tool.base } });
      expect(refused.status).toBe(401);
      expect(refusalReasonOf(refused.body)).toBe("lti.launch.storageNotBound");
      expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch.refused", reason: "lti.launch.storageNotBound" }));
    });

    it("still launches by the cookie when the frame kept it", async () => {
      const jar = new CookieJar();
      const { form } = await storageLogin(jar, launchOptions("store-3", "store-course-3"));
      const launched = await browserRequest(jar, form.action, { method: "POST", form: form.fields });
      expect(launched.status).toBe(303);
    });
  });

  it("answers 429 with Retry-After past the address's limit on /lti/login and /lti/launch, and logs it", async () => {
    const logs: LoggedLine[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(JSON.parse(line) as LoggedLine) } });
    const limiter = createLtiLimiter({ db: database.prisma, limits: { windowSeconds: 60, points: 2 } });
    const ip = `203.0.113.${kind === "pglite" ? 7 : 8}`;
    const login = () => handleLoginRequest({ request: new Request(`${tool.loginUrl}?iss=x&login_hint=y&target_link_uri=z`), db: database.prisma, baseUrl: tool.base, logger, limiter, ip });
    expect((await login()).status).toBe(400);
    expect((await login()).status).toBe(400);
    const limited = await login();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('data-reason="lti.rateLimited"');
    const launch = await handleLaunchPost({
      request: new Request(tool.launchUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "state=a&id_token=b" }),
      db: database.prisma,
      auth: tool.auth,
      baseUrl: tool.base,
      logger,
      limiter,
      ip,
    });
    expect(launch.status).toBe(429);
    expect(logs).toContainEqual(expect.objectContaining({ event: "lti.login.rateLimited", reason: "lti.rateLimited", ip }));
    expect(logs).toContainEqual(expect.objectContaining({ event: "lti.launch.rateLimited", reason: "lti.rateLimited", ip }));
    // Another address is not counted with it.
    const other = await handleLoginRequest({ request: new Request(`${tool.loginUrl}?iss=x&login_hint=y&target_link_uri=z`), db: database.prisma, baseUrl: tool.base, logger, limiter, ip: "198.51.100.1" });
    expect(other.status).toBe(400);
  });

  describe("an instructor who owns Stride courses, at the first launch from an LMS course", () => {
    /** The instructor's launch followed to where it lands: the choice's page, or the course. */
    async function launchAndLand(sub: string, contextId: string): Promise<{ jar: CookieJar; page: BrowserResponse }> {
      const result = await platform.launch(launchOptions(sub, contextId));
      expect(result.response.status).toBe(303);
      const continued = await browserRequest(result.jar, result.response.location!);
      expect(continued.status).toBe(303);
      return { jar: result.jar, page: continued.location!.includes("/lti/launch/link") ? await browserRequest(result.jar, continued.location!) : continued };
    }

    async function ownCourse(sub: string, title: string): Promise<string> {
      const { userId } = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub } });
      return (await createCourse({ db: database.prisma, userId, title, lang: "en", desiredRetention: 0.9 })).id;
    }

    it("offers their courses and links the chosen one; the course the launch made is deleted", async () => {
      await launchAndLand("owner-1", "owner-course-a");
      const existing = await ownCourse("owner-1", "Algebra (made in Stride)");
      const archived = await ownCourse("owner-1", "Old course");
      await database.prisma.course.update({ where: { id: archived }, data: { archivedAt: new Date() } });
      const linkedA = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-a" } })).courseId!;

      const { jar, page } = await launchAndLand("owner-1", "owner-course-b");
      expect(page.status).toBe(200);
      const choice = parseHtmlForm(page.body, page.url)!;
      expect(page.body).toContain("Algebra (made in Stride)");
      expect(page.body).not.toContain("Old course");
      expect(page.body).not.toContain(`value="${linkedA}"`);
      const made = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-b" } })).courseId!;

      // A post from another site, or without the form's token, is refused and changes nothing.
      const crossSite = await browserRequest(jar, choice.action, { method: "POST", form: { ...choice.fields, course: existing }, headers: { origin: "http://evil.example" } });
      expect(refusalReasonOf(crossSite.body)).toBe("lti.launch.crossSiteChoice");
      const noToken = await browserRequest(jar, choice.action, { method: "POST", form: { ...choice.fields, csrf: "guess", course: existing }, headers: { origin: tool.base } });
      expect(refusalReasonOf(noToken.body)).toBe("lti.launch.crossSiteChoice");
      const notTheirs = await browserRequest(jar, choice.action, { method: "POST", form: { ...choice.fields, course: linkedA }, headers: { origin: tool.base } });
      expect(refusalReasonOf(notTheirs.body)).toBe("lti.launch.notYourCourse");
      expect(tool.logs).toContainEqual(expect.objectContaining({ event: "lti.launch.refused", reason: "lti.launch.crossSiteChoice" }));
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-b" } })).courseId).toBe(made);

      const chosen = await browserRequest(jar, choice.action, { method: "POST", form: { ...choice.fields, course: existing }, headers: { origin: tool.base } });
      expect(chosen.status).toBe(303);
      expect(chosen.location).toBe(`${tool.base}/teach/${existing}`);
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-b" } })).courseId).toBe(existing);
      expect(await database.prisma.course.findUnique({ where: { id: made } })).toBeNull();
      // Used once.
      const again = await browserRequest(jar, choice.action, { method: "POST", form: { ...choice.fields, course: existing }, headers: { origin: tool.base } });
      expect(refusalReasonOf(again.body)).toBe("lti.launch.linkChoiceExpired");

      // A learner of that LMS course now joins the linked course.
      const learner = await platform.launch(launchOptions("owner-1-learner", "owner-course-b", [role.learner]));
      expect(learner.response.status).toBe(303);
      const learnerUser = await database.prisma.ltiUser.findFirstOrThrow({ where: { sub: "owner-1-learner" } });
      expect(await database.prisma.courseMember.findFirst({ where: { courseId: existing, userId: learnerUser.userId } })).toMatchObject({ role: "learner" });
    });

    it("keeps the new course when they choose it, and asks nobody who owns no other course", async () => {
      await launchAndLand("owner-2", "owner-course-c");
      await ownCourse("owner-2", "Geometry");
      const { jar, page } = await launchAndLand("owner-2", "owner-course-d");
      const choice = parseHtmlForm(page.body, page.url)!;
      expect(choice.fields.course).toBe("new");
      const made = (await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-d" } })).courseId!;
      const kept = await browserRequest(jar, choice.action, { method: "POST", form: choice.fields, headers: { origin: tool.base } });
      expect(kept.status).toBe(303);
      expect(kept.location).toBe(`${tool.base}/teach/${made}`);
      expect((await database.prisma.ltiContext.findFirstOrThrow({ where: { contextId: "owner-course-d" } })).courseId).toBe(made);

      const { page: first } = await launchAndLand("owner-3", "owner-course-e");
      expect(first.location).toMatch(new RegExp(`^${tool.base}/teach/`));
    });
  });
});
