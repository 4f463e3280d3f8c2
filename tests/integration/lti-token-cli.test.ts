/**
 * `stride lti token create [--hours N]` (lib/cli/commands/lti-token.ts) on both databases: prints
 * the token once with the /lti/register URL to paste and its expiry; only the token's hash is
 * stored, and the token authorises one registration; bad --hours exit 2 in one line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ltiTokenCreate } from "@/lib/cli/commands/lti-token";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/main";
import { baseUrlOf } from "@/lib/server/auth/origins";
import { env } from "@/lib/env";
import { claimRegistrationToken, hashRegistrationToken, registrationTokenUsable } from "@/lib/server/lti/registration-tokens";
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

describe("stride lti token create without a database", () => {
  it("is in --help, and refuses bad --hours or an argument in one line (exit 2)", async () => {
    const help = memoryIo();
    expect(await runCli(["--help"], help.io)).toBe(0);
    expect(help.out.join("")).toContain("stride lti token create [--hours N]");
    for (const [argv, message] of [
      [["lti", "token", "create", "--hours", "0"], "stride: lti token create: --hours must be a number above 0 and at most 720"],
      [["lti", "token", "create", "--hours", "soon"], "stride: lti token create: --hours must be a number above 0 and at most 720"],
      [["lti", "token", "create", "--hours", "721"], "stride: lti token create: --hours must be a number above 0 and at most 720"],
      [["lti", "token", "create", "extra"], 'stride: lti token create: unexpected argument "extra" (see stride --help)'],
      [["lti", "token", "revoke"], 'stride: unknown command "lti token revoke" (see stride --help)'],
    ] as const) {
      const { io, err } = memoryIo();
      expect(await runCli([...argv], io)).toBe(2);
      expect(err).toEqual([message]);
    }
  });
});

describe.each(databaseKinds())("stride lti token create on %s", (kind) => {
  let database: TestDatabase;
  const open = async () => ({ db: database.prisma, close: async () => undefined });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("prints the token, the URL to paste and the expiry; keeps only the hash; the token works once", async () => {
    const { io, out, err } = memoryIo();
    const before = Date.now();
    expect(await ltiTokenCreate(["--hours", "2"], io, open)).toBe(0);
    const printed = JSON.parse(out.join("")) as { token: string; url: string; expiresAt: string };
    expect(printed.token).toMatch(/^stride-reg-[A-Za-z0-9_-]{43}$/);
    const url = new URL(printed.url);
    expect(`${url.origin}${url.pathname}`).toBe(new URL("/lti/register", baseUrlOf(env())).toString());
    expect(url.searchParams.get("stride_token")).toBe(printed.token);
    const expires = new Date(printed.expiresAt).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(2 * 3_600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(2 * 3_600_000 + 60_000);
    expect(err).toEqual(["stride: the token above is shown once and works for one registration; paste the url into the LMS as the tool's registration URL."]);

    const rows = await database.prisma.ltiRegistrationToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashRegistrationToken(printed.token), usedAt: null, createdById: null });
    expect(JSON.stringify(rows)).not.toContain(printed.token);

    const db = database.prisma;
    expect(await registrationTokenUsable({ db, token: printed.token })).toBe(true);
    expect(await claimRegistrationToken({ db, token: printed.token })).toBe(rows[0]!.id);
    expect(await claimRegistrationToken({ db, token: printed.token })).toBeNull();
    expect(await registrationTokenUsable({ db, token: printed.token })).toBe(false);
    // After its expiry a token is refused, even unused.
    const later = memoryIo();
    await ltiTokenCreate([], later.io, open);
    const fresh = (JSON.parse(later.out.join("")) as { token: string; expiresAt: string });
    expect(new Date(fresh.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(await registrationTokenUsable({ db, token: fresh.token, now: new Date(Date.now() + 25 * 3_600_000) })).toBe(false);
  });
});
