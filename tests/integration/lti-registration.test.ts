/**
 * LTI Dynamic Registration (/lti/register, lib/server/lti/registration*.ts) on both databases,
 * against the spec-following test platform's OpenID configuration and registration endpoints:
 * an admin signed in confirms and registers; a Stride registration token does the same once;
 * without either nothing is read or registered; a reused or expired token is refused; a platform
 * whose configuration is malformed, or which refuses the registration, registers nothing (and a
 * token then stays usable). The handlers are called as app/lti/register/route.ts calls them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAdmin } from "@/lib/server/auth/add-admin";
import { createAuth, type Auth } from "@/lib/server/auth/create-auth";
import { listPlatforms } from "@/lib/server/lti/platforms";
import { TOOL_CONFIGURATION_CLAIM, TOOL_SCOPES } from "@/lib/server/lti/registration-document";
import { handleRegistrationPost, handleRegistrationRequest } from "@/lib/server/lti/registration-request";
import { createRegistrationToken } from "@/lib/server/lti/registration-tokens";
import { createLogger } from "@/lib/server/observability/logger";
import { parseHtmlForm, startTestPlatform, type TestPlatform } from "@/tests/support/lti-platform";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

const BASE = "https://stride.example.edu";

interface LoggedLine {
  msg: string;
  event?: string;
  reason?: string;
  detail?: string;
}

function reasonOf(body: string): string | null {
  return /data-reason="([^"]+)"/.exec(body)?.[1] ?? null;
}

/** The confirmation form's fields (hidden openid_configuration, registration_token, stride_token). */
function confirmationFields(body: string): Record<string, string> {
  const form = parseHtmlForm(body, `${BASE}/lti/register`);
  expect(form).toMatchObject({ action: `${BASE}/lti/register`, method: "POST" });
  return form!.fields;
}

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}/lti/register`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() });
}

describe.each(databaseKinds())("LTI Dynamic Registration on %s", (kind) => {
  let database: TestDatabase;
  let auth: Auth;
  const logs: LoggedLine[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(JSON.parse(line) as LoggedLine) } });
  let adminCookie: string;
  let learnerCookie: string;
  const platforms: TestPlatform[] = [];

  const options = (request: Request) => ({ request, db: database.prisma, auth, baseUrl: BASE, logger, allowInsecureLoopback: true });

  async function platform(clientId: string): Promise<TestPlatform> {
    const started = await startTestPlatform({ clientId, deploymentId: `deployment-of-${clientId}` });
    platforms.push(started);
    return started;
  }

  async function cookieOf(email: string, password: string): Promise<string> {
    const signedIn = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    return signedIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth({ prisma: database.prisma, baseURL: BASE, secret: "lti-registration-test-secret".padEnd(40, "x"), signInLimit: 100 });
    await addAdmin({ db: database.prisma, email: "admin@stride.example.edu", name: "Admin", password: "correct-horse-9" });
    adminCookie = await cookieOf("admin@stride.example.edu", "correct-horse-9");
    await auth.api.signUpEmail({ body: { email: "learner@stride.example.edu", password: "correct-horse-8", name: "Learner" } });
    learnerCookie = await cookieOf("learner@stride.example.edu", "correct-horse-8");
  });

  afterAll(async () => {
    await Promise.all(platforms.map((started) => started.close()));
    await database?.drop();
  });

  it("an admin signed in sees the platform's name and issuer, confirms, and the platform is registered with the answer's client id and deployment", async () => {
    const lms = await platform("admin-client");
    const opened = await handleRegistrationRequest(options(new Request(lms.registrationInitiationUrl(`${BASE}/lti/register`), { headers: { cookie: adminCookie } })));
    expect(opened.status).toBe(200);
    const page = await opened.text();
    expect(page).toContain(lms.issuer);
    expect(page).toContain("stride-test-platform");
    expect(page).toContain("admin@stride.example.edu");
    const fields = confirmationFields(page);
    expect(fields.openid_configuration).toBe(lms.urls.openidConfiguration);

    const done = await handleRegistrationPost(options(formPost(fields, { cookie: adminCookie, origin: BASE })));
    const body = await done.text();
    expect(done.status).toBe(200);
    expect(body).toContain('data-registered="true"');
    expect(body).toContain('postMessage({ subject: "org.imsglobal.lti.close" }');

    const registered = (await listPlatforms({ db: database.prisma })).find((row) => row.clientId === "admin-client");
    expect(registered).toMatchObject({
      issuer: lms.issuer,
      authLoginUrl: lms.urls.authorization,
      accessTokenUrl: lms.urls.token,
      jwksUrl: lms.urls.jwks,
      deploymentIds: ["deployment-of-admin-client"],
    });
    // What Stride posted: accepted by the platform's checks, with its bearer token, and Stride's addresses.
    const [record] = lms.registrationRequests;
    expect(record).toMatchObject({ status: 200, problems: [], token: fields.registration_token });
    expect(record!.body).toMatchObject({
      initiate_login_uri: `${BASE}/lti/login`,
      redirect_uris: [`${BASE}/lti/launch`],
      jwks_uri: `${BASE}/lti/jwks`,
      scope: TOOL_SCOPES.join(" "),
      [TOOL_CONFIGURATION_CLAIM]: { domain: "stride.example.edu", target_link_uri: `${BASE}/lti/launch` },
    });
    expect(lms.toolLoginUrl).toBe(`${BASE}/lti/login`);
    expect(logs.some((line) => line.event === "lti.registration.done")).toBe(true);
  });

  it("an admin's confirmation posted from another site is refused", async () => {
    const lms = await platform("cross-site-client");
    const url = new URL(lms.registrationInitiationUrl(`${BASE}/lti/register`));
    const fields = { openid_configuration: url.searchParams.get("openid_configuration")!, registration_token: url.searchParams.get("registration_token")! };
    const refused = await handleRegistrationPost(options(formPost(fields, { cookie: adminCookie, origin: "https://evil.example" })));
    expect(refused.status).toBe(403);
    expect(reasonOf(await refused.text())).toBe("lti.registrationNotAllowed");
    expect(lms.registrationRequests).toHaveLength(0);
  });

  it("a Stride registration token authorises one registration, without a session; used again it is refused", async () => {
    const lms = await platform("token-client");
    const { token } = await createRegistrationToken({ db: database.prisma, hours: 1 });
    const start = new URL(lms.registrationInitiationUrl(`${BASE}/lti/register`));
    start.searchParams.set("stride_token", token);
    const opened = await handleRegistrationRequest(options(new Request(start)));
    expect(opened.status).toBe(200);
    const fields = confirmationFields(await opened.text());
    expect(fields.stride_token).toBe(token);

    const done = await handleRegistrationPost(options(formPost(fields)));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("deployment-of-token-client");
    expect(await database.prisma.ltiRegistrationToken.findFirst({ where: { usedAt: { not: null } } })).not.toBeNull();

    // The same token again (another registration of another platform): refused, nothing posted.
    const second = await platform("token-again-client");
    const again = new URL(second.registrationInitiationUrl(`${BASE}/lti/register`));
    again.searchParams.set("stride_token", token);
    const reopened = await handleRegistrationRequest(options(new Request(again)));
    expect(reopened.status).toBe(403);
    const page = await reopened.text();
    expect(reasonOf(page)).toBe("lti.registrationTokenInvalid");
    expect(page).toContain('name="stride_token"');
    const reposted = await handleRegistrationPost(options(formPost({ openid_configuration: second.urls.openidConfiguration, registration_token: again.searchParams.get("registration_token")!, stride_token: token })));
    expect(reposted.status).toBe(403);
    expect(second.registrationRequests).toHaveLength(0);
    expect((await listPlatforms({ db: database.prisma })).some((row) => row.clientId === "token-again-client")).toBe(false);
  });

  it("two confirmations racing with one token register once", async () => {
    const first = await platform("race-a");
    const second = await platform("race-b");
    const { token } = await createRegistrationToken({ db: database.prisma });
    const fieldsOf = (lms: TestPlatform) => {
      const url = new URL(lms.registrationInitiationUrl(`${BASE}/lti/register`));
      return { openid_configuration: url.searchParams.get("openid_configuration")!, registration_token: url.searchParams.get("registration_token")!, stride_token: token };
    };
    const answers = await Promise.all([first, second].map((lms) => handleRegistrationPost(options(formPost(fieldsOf(lms))))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403]);
    const rows = await listPlatforms({ db: database.prisma });
    expect(rows.filter((row) => row.clientId === "race-a" || row.clientId === "race-b")).toHaveLength(1);
  });

  it("an expired token, an unknown token, a learner's session or nobody at all: refused before the platform is read", async () => {
    const lms = await platform("nobody-client");
    const { token } = await createRegistrationToken({ db: database.prisma, hours: 1, now: new Date(Date.now() - 2 * 3_600_000) });
    const cases: [Record<string, string>, string | null, number, string][] = [
      [{ stride_token: token }, null, 403, "lti.registrationTokenInvalid"],
      [{ stride_token: "stride-reg-not-a-real-token" }, null, 403, "lti.registrationTokenInvalid"],
      [{}, learnerCookie, 401, "lti.registrationNotAllowed"],
      [{}, null, 401, "lti.registrationNotAllowed"],
    ];
    for (const [extra, cookie, status, reason] of cases) {
      const url = new URL(lms.registrationInitiationUrl(`${BASE}/lti/register`));
      for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
      const answer = await handleRegistrationRequest(options(new Request(url, { headers: cookie ? { cookie } : {} })));
      expect(answer.status).toBe(status);
      const page = await answer.text();
      expect(reasonOf(page)).toBe(reason);
      // The way on: a token field and a sign-in in a new window that comes back here.
      expect(page).toContain('name="stride_token"');
      expect(page).toContain("/sign-in?next=%2Flti%2Fregister%3Fopenid_configuration%3D");
      expect(page).toMatch(/<a href="\/lti\/register\?openid_configuration=[^"]+" target="_blank" rel="opener">/);
      const posted = await handleRegistrationPost(options(formPost({ openid_configuration: lms.urls.openidConfiguration, ...extra }, cookie ? { cookie, origin: BASE } : { origin: BASE })));
      expect(posted.status).toBe(status);
    }
    expect(lms.registrationRequests).toHaveLength(0);
    expect((await listPlatforms({ db: database.prisma })).some((row) => row.clientId === "nobody-client")).toBe(false);
  });

  it("refuses a missing or plain-http non-loopback configuration URL, and a plain-http loopback one when not allowed", async () => {
    const missing = await handleRegistrationRequest(options(new Request(`${BASE}/lti/register`, { headers: { cookie: adminCookie } })));
    expect([missing.status, reasonOf(await missing.text())]).toEqual([400, "lti.registrationUrlMissing"]);
    const insecure = await handleRegistrationRequest(options(new Request(`${BASE}/lti/register?openid_configuration=${encodeURIComponent("http://lms.example.edu/.well-known/openid-configuration")}`, { headers: { cookie: adminCookie } })));
    expect([insecure.status, reasonOf(await insecure.text())]).toEqual([400, "lti.registrationUrlInsecure"]);
    const lms = await platform("loopback-client");
    const notAllowed = await handleRegistrationRequest({ ...options(new Request(lms.registrationInitiationUrl(`${BASE}/lti/register`), { headers: { cookie: adminCookie } })), allowInsecureLoopback: false });
    expect([notAllowed.status, reasonOf(await notAllowed.text())]).toEqual([400, "lti.registrationUrlInsecure"]);
  });

  describe("a platform whose configuration is malformed", () => {
    let server: Server;
    let origin: string;
    const documents = new Map<string, { status: number; body: string }>();

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.method === "POST" && req.url === "/register") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ client_id: "client-without-deployment", "https://purl.imsglobal.org/spec/lti-tool-configuration": { domain: "stride.example.edu" } }));
          return;
        }
        const document = documents.get(req.url ?? "") ?? { status: 404, body: "{}" };
        res.writeHead(document.status, { "content-type": "application/json" });
        res.end(document.body);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    const good = () => ({
      issuer: origin,
      authorization_endpoint: `${origin}/auth`,
      token_endpoint: `${origin}/token`,
      jwks_uri: `${origin}/jwks`,
      registration_endpoint: `${origin}/register`,
      "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "odd", messages_supported: [{ type: "LtiResourceLinkRequest" }] },
    });

    it("answers without a deployment id: refused naming the client id it gave, nothing registered, the token given back", async () => {
      documents.set("/no-deployment/.well-known/openid-configuration", { status: 200, body: JSON.stringify(good()) });
      const { token, id } = await createRegistrationToken({ db: database.prisma });
      const fields = { openid_configuration: `${origin}/no-deployment/.well-known/openid-configuration`, registration_token: "platform-token", stride_token: token };
      const posted = await handleRegistrationPost(options(formPost(fields)));
      expect(posted.status).toBe(502);
      const page = await posted.text();
      expect(reasonOf(page)).toBe("lti.registrationNoDeployment");
      expect(page).toContain("client-without-deployment");
      expect((await listPlatforms({ db: database.prisma })).some((row) => row.clientId === "client-without-deployment")).toBe(false);
      expect(await database.prisma.ltiRegistrationToken.findUnique({ where: { id }, select: { usedAt: true } })).toEqual({ usedAt: null });
    });

    it.each([
      ["not JSON", 200, "<html>surprise</html>", "lti.configurationInvalid"],
      ["no platform configuration claim", 200, () => JSON.stringify({ ...good(), "https://purl.imsglobal.org/spec/lti-platform-configuration": undefined }), "lti.configurationInvalid"],
      ["no registration endpoint", 200, () => JSON.stringify({ ...good(), registration_endpoint: undefined }), "lti.configurationInvalid"],
      ["an issuer on another origin", 200, () => JSON.stringify({ ...good(), issuer: "https://lms.example.edu" }), "lti.configurationInvalid"],
      ["no resource link launches", 200, () => JSON.stringify({ ...good(), "https://purl.imsglobal.org/spec/lti-platform-configuration": { product_family_code: "odd", messages_supported: [{ type: "LtiDeepLinkingRequest" }] } }), "lti.configurationInvalid"],
      ["an error status", 500, "{}", "lti.configurationUnavailable"],
    ])("%s: refused, the token kept for another try", async (name, status, body, reason) => {
      const path = `/${name.replace(/\W+/g, "-")}/.well-known/openid-configuration`;
      documents.set(path, { status, body: typeof body === "function" ? body() : body });
      const { token, id } = await createRegistrationToken({ db: database.prisma });
      const fields = { openid_configuration: `${origin}${path}`, registration_token: "platform-token", stride_token: token };
      const opened = await handleRegistrationRequest(options(new Request(`${BASE}/lti/register?${new URLSearchParams(fields).toString()}`)));
      expect(opened.status).toBe(502);
      expect(reasonOf(await opened.text())).toBe(reason);
      const posted = await handleRegistrationPost(options(formPost(fields)));
      expect(posted.status).toBe(502);
      expect(reasonOf(await posted.text())).toBe(reason);
      expect(await database.prisma.ltiRegistrationToken.findUnique({ where: { id }, select: { usedAt: true } })).toEqual({ usedAt: null });
      expect(logs.some((line) => line.event === "lti.registration.refused" && line.reason === reason)).toBe(true);
    });
  });

  it("a platform that refuses the registration (its registration token already used) registers nothing; the Stride token is given back", async () => {
    const lms = await platform("refusing-client");
    const { token, id } = await createRegistrationToken({ db: database.prisma });
    const done = await handleRegistrationPost(options(formPost({ openid_configuration: lms.urls.openidConfiguration, registration_token: "registration-never-issued", stride_token: token })));
    expect(done.status).toBe(502);
    expect(reasonOf(await done.text())).toBe("lti.registrationRejected");
    expect(lms.registrationRequests).toMatchObject([{ status: 401 }]);
    expect(await database.prisma.ltiRegistrationToken.findUnique({ where: { id }, select: { usedAt: true } })).toEqual({ usedAt: null });
  });

  it("the same platform and client id registered twice: the second is refused as already registered", async () => {
    const lms = await platform("twice-client");
    const register = () => {
      const url = new URL(lms.registrationInitiationUrl(`${BASE}/lti/register`));
      return handleRegistrationPost(options(formPost({ openid_configuration: url.searchParams.get("openid_configuration")!, registration_token: url.searchParams.get("registration_token")! }, { cookie: adminCookie, origin: BASE })));
    };
    expect((await register()).status).toBe(200);
    const again = await register();
    expect(again.status).toBe(409);
    const page = await again.text();
    expect(reasonOf(page)).toBe("lti.platformExists");
    expect(page).toContain("twice-client");
  });

  it("a refusal page follows the browser's language (Chinese)", async () => {
    const answer = await handleRegistrationRequest(options(new Request(`${BASE}/lti/register?openid_configuration=x`, { headers: { "accept-language": "zh-CN,zh;q=0.9" } })));
    const page = await answer.text();
    expect(page).toContain('lang="zh-CN"');
    expect(page).toContain("无法注册 Stride");
  });
});
