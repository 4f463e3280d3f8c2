import { insecureLoopbackAllowed, parsePlatformInput } from "../../server/lti/platform-input";
import { addDeployment, addPlatform, listPlatforms, type LtiPlatformRecord, removePlatform } from "../../server/lti/platforms";
import { noPositionals, parseFlags, requireFlag } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase } from "./bank-database";
import { AppError } from "../../server/errors";

/** The flag that gives each field of a platform (platform-input.ts), for messages that name it. */
const FLAG_OF_FIELD: Record<string, string> = {
  issuer: "--issuer",
  clientId: "--client-id",
  name: "--name",
  authLoginUrl: "--auth-login-url",
  accessTokenUrl: "--token-url",
  jwksUrl: "--jwks-url",
  deploymentIds: "--deployment",
};

function flagOf(field: string): string {
  const [head, index] = field.split(".");
  const flag = FLAG_OF_FIELD[head ?? ""] ?? field;
  return index === undefined ? flag : `${flag} (the ${ordinal(Number(index) + 1)})`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** The registry's refusals (a duplicate, no such platform) as one line naming the command: exit 2. */
async function asCommandErrors<T>(command: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}

/** A platform as the CLI prints it in JSON. */
function shown(platform: LtiPlatformRecord) {
  return { ...platform, createdAt: platform.createdAt.toISOString() };
}

/**
 * `stride lti platform add --issuer URL --client-id ID --name NAME --auth-login-url URL
 * --token-url URL --jwks-url URL --deployment ID [--deployment ID …]`: registers an LMS; prints
 * the registration as JSON. A bad field exits 2 naming its flag; so does a second registration of
 * the same issuer and client id.
 */
export async function ltiPlatformAdd(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const command = "lti platform add";
  const { values, positionals } = parseFlags(command, args, {
    issuer: { type: "string" },
    "client-id": { type: "string" },
    name: { type: "string" },
    "auth-login-url": { type: "string" },
    "token-url": { type: "string" },
    "jwks-url": { type: "string" },
    deployment: { type: "string", multiple: true },
  });
  noPositionals(command, positionals);
  const input = {
    issuer: requireFlag(command, "issuer", values.issuer),
    clientId: requireFlag(command, "client-id", values["client-id"]),
    name: requireFlag(command, "name", values.name),
    authLoginUrl: requireFlag(command, "auth-login-url", values["auth-login-url"]),
    accessTokenUrl: requireFlag(command, "token-url", values["token-url"]),
    jwksUrl: requireFlag(command, "jwks-url", values["jwks-url"]),
    deploymentIds: values.deployment ?? [],
  };
  if (input.deploymentIds.length === 0) throw new UsageError(`${command}: --deployment is required (repeat it for several deployment ids; see stride --help)`);
  const allowInsecureLoopback = insecureLoopbackAllowed();
  const parsed = parsePlatformInput(input, { allowInsecureLoopback });
  if (!parsed.ok) {
    throw new UsageError(`${command}: ${parsed.problems.map((problem) => `${flagOf(problem.field)} ${problem.message}`).join("; ")}`);
  }
  const { db, close } = await open();
  try {
    const platform = await asCommandErrors(command, () => addPlatform({ db, input: parsed.fields, allowInsecureLoopback }));
    await io.out(`${JSON.stringify(shown(platform))}\n`);
    return 0;
  } finally {
    await close();
  }
}

/** `stride lti platform list [--json]`: every registration, as a table or one JSON array. */
export async function ltiPlatformList(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const { values, positionals } = parseFlags("lti platform list", args, { json: { type: "boolean" } });
  noPositionals("lti platform list", positionals);
  const { db, close } = await open();
  let platforms: LtiPlatformRecord[];
  try {
    platforms = await listPlatforms({ db });
  } finally {
    await close();
  }
  if (values.json) {
    await io.out(`${JSON.stringify(platforms.map(shown))}\n`);
    return 0;
  }
  if (platforms.length === 0) {
    await io.out("No LTI platforms are registered (stride lti platform add, see stride --help).\n");
    return 0;
  }
  const header = ["ISSUER", "CLIENT ID", "NAME", "DEPLOYMENTS", "REGISTERED"];
  const rows = platforms.map((platform) => [platform.issuer, platform.clientId, platform.name, platform.deploymentIds.join(","), platform.createdAt.toISOString().slice(0, 10)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `${cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ")}\n`;
  await io.out([header, ...rows].map(line).join(""));
  return 0;
}

/** `stride lti platform remove --issuer URL --client-id ID`: prints {"removed":{…}}; exit 2 when there is no such registration. */
export async function ltiPlatformRemove(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const command = "lti platform remove";
  const { values, positionals } = parseFlags(command, args, { issuer: { type: "string" }, "client-id": { type: "string" } });
  noPositionals(command, positionals);
  const issuer = requireFlag(command, "issuer", values.issuer).trim();
  const clientId = requireFlag(command, "client-id", values["client-id"]).trim();
  const { db, close } = await open();
  try {
    const removed = await asCommandErrors(command, () => removePlatform({ db, issuer, clientId }));
    await io.out(`${JSON.stringify({ removed: shown(removed) })}\n`);
    return 0;
  } finally {
    await close();
  }
}

/**
 * `stride lti platform add-deployment --issuer URL --client-id ID --deployment ID`: accepts
 * launches from one more deployment of a registered platform (another installation of Stride in
 * the same LMS), keeping the registration and what its launches linked. Prints {"added":bool,
 * "platform":{…}} (`added` false when the id was accepted already); exit 2 for an id LTI does not
 * allow, one past the limit, or no such registration.
 */
export async function ltiPlatformAddDeployment(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const command = "lti platform add-deployment";
  const { values, positionals } = parseFlags(command, args, { issuer: { type: "string" }, "client-id": { type: "string" }, deployment: { type: "string" } });
  noPositionals(command, positionals);
  const issuer = requireFlag(command, "issuer", values.issuer).trim();
  const clientId = requireFlag(command, "client-id", values["client-id"]).trim();
  const deploymentId = requireFlag(command, "deployment", values.deployment);
  const { db, close } = await open();
  try {
    const { platform, added } = await asCommandErrors(command, () => addDeployment({ db, issuer, clientId, deploymentId }));
    await io.out(`${JSON.stringify({ added, platform: shown(platform) })}\n`);
    return 0;
  } finally {
    await close();
  }
}
