/**
 * `stride lti platform add|list|remove`, `stride lti key rotate` and `stride admin add` against a
 * real database on both kinds (the commands' `open` replaced by the test database, as
 * questions-cli.test.ts does): a registration printed as JSON and listed as a table and JSON;
 * bad flags exit 2 naming the flag; a duplicate and a second removal exit 2 in one line; a key
 * rotation retires the current key; an admin made from the CLI signs in through better-auth with
 * the password given or the one printed, and an existing account is promoted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAdd } from "@/lib/cli/commands/admin-add";
import { ltiKeyRotate } from "@/lib/cli/commands/lti-key-rotate";
import { ltiPlatformAdd, ltiPlatformAddDeployment, ltiPlatformList, ltiPlatformRemove } from "@/lib/cli/commands/lti-platform";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/main";
import { createAuth } from "@/lib/server/auth/create-auth";
import { signingKey } from "@/lib/server/lti/tool-keys";
import { newUser } from "./courses-support";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./support/database";

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: async (text) => void out.push(text),
    err: (line) => void err.push(line),
    readStdin: async () => "",
    stdinLines: async function* () {},
    readFile: async () => "",
  };
  return { io, out, err };
}

/** A command's exit status, or its refusal's line as runCli prints it. */
async function run(command: (args: string[], io: CliIo) => Promise<number>, args: string[]) {
  const { io, out, err } = memoryIo();
  try {
    return { code: await command(args, io), out: out.join(""), err };
  } catch (error) {
    if (error instanceof Error && error.name === "UsageError") return { code: 2, out: out.join(""), err: [`stride: ${error.message}`] };
    throw error;
  }
}

const moodleFlags = [
  "--issuer", "https://moodle.example.edu",
  "--client-id", "Xy12abc",
  "--name", "Moodle (faculty)",
  "--auth-login-url", "https://moodle.example.edu/mod/lti/auth.php",
  "--token-url", "https://moodle.example.edu/mod/lti/token.php",
  "--jwks-url", "https://moodle.example.edu/mod/lti/certs.php",
  "--deployment", "1",
  "--deployment", "7",
];

describe("stride lti and admin without a database", () => {
  it("lists the commands in --help", async () => {
    const { io, out } = memoryIo();
    expect(await runCli(["--help"], io)).toBe(0);
    for (const line of ["stride lti platform add --issuer URL", "stride lti platform list [--json]", "stride lti platform remove --issuer URL --client-id ID", "stride lti key rotate", "stride admin add --email EMAIL"]) {
      expect(out.join("")).toContain(line);
    }
  });

  it("exits 2 in one line for an unknown lti command, a missing flag, or a bad field named by its flag", async () => {
    for (const [argv, message] of [
      [["lti", "platform", "frobnicate"], 'stride: unknown command "lti platform frobnicate" (see stride --help)'],
      [["lti", "key"], 'stride: unknown command "lti key" (see stride --help)'],
      [["lti", "platform", "add", "--issuer", "https://x.example"], "stride: lti platform add: --client-id is required (see stride --help)"],
      [["lti", "platform", "add", ...moodleFlags.slice(0, -4)], "stride: lti platform add: --deployment is required (repeat it for several deployment ids; see stride --help)"],
      [
        ["lti", "platform", "add", ...moodleFlags.map((flag) => (flag === "https://moodle.example.edu/mod/lti/certs.php" ? "http://moodle.example.edu/certs" : flag)), "--deployment", ""],
        "stride: lti platform add: --jwks-url must use https (plain http is allowed only for a loopback host); --deployment (the 3rd) must not be empty",
      ],
      [["lti", "platform", "remove", "--issuer", "https://x.example"], "stride: lti platform remove: --client-id is required (see stride --help)"],
      [["admin", "add"], "stride: admin add: --email is required (see stride --help)"],
      [["admin", "remove"], 'stride: unknown command "admin remove" (see stride --help)'],
    ] as const) {
      const { io, err } = memoryIo();
      expect(await runCli([...argv], io)).toBe(2);
      expect(err).toEqual([message]);
    }
  });
});

describe.each(databaseKinds())("stride lti and admin on %s", (kind) => {
  let database: TestDatabase;
  let open: () => Promise<{ db: TestDatabase["prisma"]; close: () => Promise<void> }>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    open = async () => ({ db: database.prisma, close: async () => undefined });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("adds a platform, lists it as a table and as JSON, refuses it twice, and removes it once", async () => {
    const added = await run((args, io) => ltiPlatformAdd(args, io, open), moodleFlags);
    expect(added.code).toBe(0);
    const platform = JSON.parse(added.out) as Record<string, unknown>;
    expect(platform).toMatchObject({ issuer: "https://moodle.example.edu", clientId: "Xy12abc", name: "Moodle (faculty)", deploymentIds: ["1", "7"] });

    const table = await run((args, io) => ltiPlatformList(args, io, open), []);
    const [header, row, ...more] = table.out.trimEnd().split("\n");
    expect(more).toEqual([]);
    expect(header).toMatch(/^ISSUER\s+CLIENT ID\s+NAME\s+DEPLOYMENTS\s+REGISTERED$/);
    expect(row).toMatch(/^https:\/\/moodle\.example\.edu\s+Xy12abc\s+Moodle \(faculty\)\s+1,7\s+\d{4}-\d{2}-\d{2}$/);
    const json = await run((args, io) => ltiPlatformList(args, io, open), ["--json"]);
    expect(JSON.parse(json.out)).toEqual([platform]);

    const twice = await run((args, io) => ltiPlatformAdd(args, io, open), moodleFlags);
    expect(twice).toMatchObject({ code: 2, err: ["stride: lti platform add: A platform with issuer https://moodle.example.edu and client id Xy12abc is already registered"] });

    const deploymentFlags = ["--issuer", "https://moodle.example.edu", "--client-id", "Xy12abc", "--deployment", "course-9"];
    const deployed = await run((args, io) => ltiPlatformAddDeployment(args, io, open), deploymentFlags);
    expect(deployed.code).toBe(0);
    expect(JSON.parse(deployed.out)).toMatchObject({ added: true, platform: { id: platform.id, deploymentIds: ["1", "7", "course-9"] } });
    expect(JSON.parse((await run((args, io) => ltiPlatformAddDeployment(args, io, open), deploymentFlags)).out)).toMatchObject({ added: false });
    const badDeployment = await run((args, io) => ltiPlatformAddDeployment(args, io, open), [...deploymentFlags.slice(0, 4), "--deployment", "course 9"]);
    expect(badDeployment).toMatchObject({ code: 2, err: ["stride: lti platform add-deployment: deploymentId: must be printable ASCII without spaces"] });
    const noPlatform = await run((args, io) => ltiPlatformAddDeployment(args, io, open), ["--issuer", "https://other.example.edu", ...deploymentFlags.slice(2)]);
    expect(noPlatform).toMatchObject({ code: 2, err: ["stride: lti platform add-deployment: No platform with issuer https://other.example.edu and client id Xy12abc is registered"] });
    platform.deploymentIds = ["1", "7", "course-9"];

    const removeFlags = ["--issuer", "https://moodle.example.edu", "--client-id", "Xy12abc"];
    const removed = await run((args, io) => ltiPlatformRemove(args, io, open), removeFlags);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.out)).toEqual({ removed: platform });
    const again = await run((args, io) => ltiPlatformRemove(args, io, open), removeFlags);
    expect(again).toMatchObject({ code: 2, err: ["stride: lti platform remove: No platform with issuer https://moodle.example.edu and client id Xy12abc is registered"] });
    expect((await run((args, io) => ltiPlatformList(args, io, open), [])).out).toBe("No LTI platforms are registered (stride lti platform add, see stride --help).\n");
  });

  it("rotates the key: the new one signs, the old one is retired", async () => {
    const before = await signingKey({ db: database.prisma, now: new Date() });
    const rotated = await run((args, io) => ltiKeyRotate(args, io, open), []);
    expect(rotated.code).toBe(0);
    const { kid, retiredKid } = JSON.parse(rotated.out) as { kid: string; retiredKid: string };
    expect(retiredKid).toBe(before.kid);
    expect((await signingKey({ db: database.prisma, now: new Date() })).kid).toBe(kid);
    expect(await database.prisma.ltiToolKey.findUnique({ where: { kid: before.kid }, select: { current: true } })).toEqual({ current: null });
  });

  it("makes an admin who signs in with the password given or the one printed, and promotes an existing account", async () => {
    const db = database.prisma;
    const auth = createAuth({ prisma: db, baseURL: "http://localhost:3000", secret: "x".repeat(32), signInLimit: 100 });

    const given = await run((args, io) => adminAdd(args, io, open), ["--email", "Ada@Example.edu", "--name", "Ada", "--password", "correct-horse-1"]);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.out)).toEqual({ email: "ada@example.edu", role: "admin", created: true, passwordSet: true });
    const signedIn = await auth.api.signInEmail({ body: { email: "ada@example.edu", password: "correct-horse-1" } });
    expect(signedIn.user).toMatchObject({ email: "ada@example.edu", name: "Ada", role: "admin" });

    const generated = await run((args, io) => adminAdd(args, io, open), ["--email", "grace@example.edu"]);
    const printed = JSON.parse(generated.out) as { password: string; created: boolean };
    expect(printed).toMatchObject({ email: "grace@example.edu", role: "admin", created: true, passwordSet: true });
    expect(printed.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(generated.err).toEqual(["stride: the password above is shown once; sign in with it and change it in Settings."]);
    await expect(auth.api.signInEmail({ body: { email: "grace@example.edu", password: printed.password } })).resolves.toMatchObject({ user: { role: "admin" } });

    const instructor = await newUser(db, "instructor");
    const promoted = await run((args, io) => adminAdd(args, io, open), ["--email", instructor.email.toUpperCase()]);
    expect(JSON.parse(promoted.out)).toEqual({ email: instructor.email, role: "admin", created: false, passwordSet: false });
    expect(await db.user.findUnique({ where: { id: instructor.id }, select: { role: true, name: true } })).toEqual({ role: "admin", name: instructor.name });
    expect(await db.user.count({ where: { email: { equals: instructor.email, mode: "insensitive" } } })).toBe(1);

    // A password given for an existing account replaces its password (or gives it one).
    const reset = await run((args, io) => adminAdd(args, io, open), ["--email", instructor.email, "--password", "another-horse-2"]);
    expect(JSON.parse(reset.out)).toEqual({ email: instructor.email, role: "admin", created: false, passwordSet: true });
    await expect(auth.api.signInEmail({ body: { email: instructor.email, password: "another-horse-2" } })).resolves.toMatchObject({ user: { id: instructor.id } });
    const ada = await run((args, io) => adminAdd(args, io, open), ["--email", "ada@example.edu", "--password", "new-horse-3"]);
    expect(JSON.parse(ada.out)).toMatchObject({ created: false, passwordSet: true });
    await expect(auth.api.signInEmail({ body: { email: "ada@example.edu", password: "new-horse-3" } })).resolves.toMatchObject({ user: { name: "Ada" } });
    expect(await db.account.count({ where: { user: { email: "ada@example.edu" } } })).toBe(1);

    const bad = await run((args, io) => adminAdd(args, io, open), ["--email", "not-an-email"]);
    expect(bad).toMatchObject({ code: 2, err: ["stride: admin add: --email must be an email address"] });
    const short = await run((args, io) => adminAdd(args, io, open), ["--email", "x@example.edu", "--password", "short"]);
    expect(short).toMatchObject({ code: 2, err: ["stride: admin add: --password is at least 8 characters"] });
  });
});
