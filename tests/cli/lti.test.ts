/**
 * The `stride` binary as an LMS administrator runs it from a fresh checkout: `stride admin add`,
 * `stride lti platform add|list|add-deployment|remove` and `stride lti key rotate` against the embedded database
 * of a new STRIDE_DATA_DIR (made and migrated by the first command). A plain-http loopback test
 * platform is refused without STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1 and accepted with it. The
 * commands themselves, on both databases: tests/integration/lti-cli.test.ts.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/stride.mjs", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "stride-lti-cli-"));

/** `node bin/stride.mjs …` with the test's database and the given extra environment. */
function stride(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, STRIDE_DATA_DIR: dataDir, ...env };
    delete childEnv.DATABASE_URL;
    if (!("STRIDE_LTI_ALLOW_INSECURE_LOOPBACK" in env)) delete childEnv.STRIDE_LTI_ALLOW_INSECURE_LOOPBACK;
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const testPlatform = [
  "--issuer", "http://127.0.0.1:4010",
  "--client-id", "stride-tool",
  "--name", "Test platform",
  "--auth-login-url", "http://127.0.0.1:4010/auth",
  "--token-url", "http://127.0.0.1:4010/token",
  "--jwks-url", "http://127.0.0.1:4010/jwks",
  "--deployment", "deployment-1",
];

// One command at a time: they share the embedded database's data directory. Each opens it anew
// (several seconds on a busy machine), so the tests run few commands.
describe("stride lti and admin from the binary", { timeout: 180_000 }, () => {
  beforeAll(() => stride(["--help"]), 180_000);

  it("makes an admin on a fresh data directory", async () => {
    const { code, stdout, stderr } = await stride(["admin", "add", "--email", "admin@example.edu", "--password", "correct-horse-1"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ email: "admin@example.edu", role: "admin", created: true, passwordSet: true });
  });

  it("refuses a plain-http loopback platform unless STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1", async () => {
    const refused = await stride(["lti", "platform", "add", ...testPlatform]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("stride: lti platform add: --issuer must use https (plain http on a loopback host needs STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1)");

    const added = await stride(["lti", "platform", "add", ...testPlatform], { STRIDE_LTI_ALLOW_INSECURE_LOOPBACK: "1" });
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ issuer: "http://127.0.0.1:4010", clientId: "stride-tool", deploymentIds: ["deployment-1"] });
  });

  it("lists, makes the first key by a rotation, and removes", async () => {
    const listed = await stride(["lti", "platform", "list", "--json"]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ issuer: "http://127.0.0.1:4010", clientId: "stride-tool", name: "Test platform" }]);

    const rotated = await stride(["lti", "key", "rotate"]);
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toEqual({ kid: expect.stringMatching(/^[\w-]{43}$/), retiredKid: null });

    // Another installation of Stride in the same LMS: one more deployment id, the registration kept.
    const deployed = await stride(["lti", "platform", "add-deployment", "--issuer", "http://127.0.0.1:4010", "--client-id", "stride-tool", "--deployment", "deployment-2"]);
    expect(deployed.stderr).toBe("");
    expect(JSON.parse(deployed.stdout)).toMatchObject({ added: true, platform: { clientId: "stride-tool", deploymentIds: ["deployment-1", "deployment-2"] } });

    const removed = await stride(["lti", "platform", "remove", "--issuer", "http://127.0.0.1:4010", "--client-id", "stride-tool"]);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: { issuer: "http://127.0.0.1:4010", clientId: "stride-tool" } });
  });
});
