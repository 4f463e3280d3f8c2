import { describe, expect, it } from "vitest";
import { isLoopbackHost, parsePlatformInput, platformUrlProblem } from "@/lib/server/lti/platform-input";

const canvas = {
  issuer: "https://canvas.instructure.com",
  clientId: "10000000000001",
  name: "Canvas (university)",
  authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
  accessTokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
  jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
  deploymentIds: ["1:abc"],
};

const strict = { allowInsecureLoopback: false };
const loose = { allowInsecureLoopback: true };

function problemsOf(input: unknown, options = strict) {
  const result = parsePlatformInput(input, options);
  return result.ok ? [] : result.problems;
}

describe("LTI platform input", () => {
  it("accepts Canvas's published endpoints, trimmed, with repeated deployment ids once", () => {
    const result = parsePlatformInput({ ...canvas, name: "  Canvas (university) ", deploymentIds: ["1:abc", "2:def", "1:abc"] }, strict);
    expect(result).toEqual({ ok: true, fields: { ...canvas, deploymentIds: ["1:abc", "2:def"] } });
  });

  it("names every missing field, once each", () => {
    expect(problemsOf({})).toEqual([
      { field: "issuer", message: "is required" },
      { field: "clientId", message: "is required" },
      { field: "name", message: "is required" },
      { field: "authLoginUrl", message: "is required" },
      { field: "accessTokenUrl", message: "is required" },
      { field: "jwksUrl", message: "is required" },
      { field: "deploymentIds", message: "must be a list of deployment ids" },
    ]);
  });

  it("refuses plain http on a public host whatever the flag, naming the field", () => {
    for (const options of [strict, loose]) {
      expect(problemsOf({ ...canvas, jwksUrl: "http://lms.example.edu/jwks" }, options)).toEqual([
        { field: "jwksUrl", message: "must use https (plain http is allowed only for a loopback host)" },
      ]);
    }
  });

  it("accepts plain http on loopback hosts only with STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1", () => {
    const local = { ...canvas, issuer: "http://localhost:4010", authLoginUrl: "http://127.0.0.1:4010/auth", accessTokenUrl: "http://[::1]:4010/token", jwksUrl: "http://lms.localhost:4010/jwks" };
    expect(parsePlatformInput(local, loose).ok).toBe(true);
    expect(problemsOf(local, strict).map((problem) => problem.field)).toEqual(["issuer", "authLoginUrl", "accessTokenUrl", "jwksUrl"]);
    expect(problemsOf(local, strict)[0]?.message).toContain("STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1");
  });

  it("refuses other schemes, relative URLs, credentials, fragments, and a query in the issuer", () => {
    expect(problemsOf({ ...canvas, authLoginUrl: "ftp://lms.example.edu/auth" })).toEqual([{ field: "authLoginUrl", message: "must use https" }]);
    expect(problemsOf({ ...canvas, accessTokenUrl: "/login/oauth2/token" })).toEqual([{ field: "accessTokenUrl", message: "must be an absolute URL (https://…)" }]);
    expect(problemsOf({ ...canvas, jwksUrl: "https://user:secret@lms.example.edu/jwks" })).toEqual([{ field: "jwksUrl", message: "must not carry a user name or password" }]);
    expect(problemsOf({ ...canvas, authLoginUrl: "https://lms.example.edu/auth#x" })).toEqual([{ field: "authLoginUrl", message: "must not have a #fragment" }]);
    expect(problemsOf({ ...canvas, issuer: "https://lms.example.edu/?tenant=1" })).toEqual([{ field: "issuer", message: "must not have a ?query (OpenID Connect Discovery §3)" }]);
    // A query is fine on an endpoint (Moodle's token endpoint is a .php script that may take one).
    expect(problemsOf({ ...canvas, accessTokenUrl: "https://moodle.example.edu/mod/lti/token.php?x=1" })).toEqual([]);
  });

  it("wants deployment ids: a non-empty list of short printable strings", () => {
    expect(problemsOf({ ...canvas, deploymentIds: [] })).toEqual([{ field: "deploymentIds", message: "give at least one deployment id" }]);
    expect(problemsOf({ ...canvas, deploymentIds: ["1", " "] })).toEqual([{ field: "deploymentIds.1", message: "must not be empty" }]);
    expect(problemsOf({ ...canvas, deploymentIds: ["x".repeat(256)] })).toEqual([{ field: "deploymentIds.0", message: "is at most 255 characters" }]);
    expect(problemsOf({ ...canvas, deploymentIds: ["a b"] })).toEqual([{ field: "deploymentIds.0", message: "must be printable ASCII without spaces" }]);
    expect(problemsOf({ ...canvas, deploymentIds: "1" })).toEqual([{ field: "deploymentIds", message: "must be a list of deployment ids" }]);
    expect(problemsOf({ ...canvas, deploymentIds: Array.from({ length: 101 }, (_, index) => String(index)) })).toEqual([
      { field: "deploymentIds", message: "at most 100 deployment ids" },
    ]);
  });

  it("wants a client id without spaces and a name of at most 200 characters", () => {
    expect(problemsOf({ ...canvas, clientId: "a b" })).toEqual([{ field: "clientId", message: "must not contain spaces" }]);
    expect(problemsOf({ ...canvas, name: "n".repeat(201) })).toEqual([{ field: "name", message: "is at most 200 characters" }]);
  });

  it("knows the loopback names", () => {
    for (const host of ["localhost", "LOCALHOST", "tool.localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["localhost.example.com", "128.0.0.1", "10.0.0.1", "[::2]", "example.com"]) expect(isLoopbackHost(host)).toBe(false);
    expect(platformUrlProblem("https://lms.example.edu", strict)).toBeNull();
  });
});
