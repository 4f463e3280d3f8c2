import { env } from "../../env";
import { baseUrlOf } from "../../server/auth/origins";
import { createRegistrationToken, DEFAULT_TOKEN_HOURS, MAX_TOKEN_HOURS, registrationUrlWithToken } from "../../server/lti/registration-tokens";
import { noPositionals, parseFlags } from "../args";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase } from "./bank-database";

/**
 * `stride lti token create [--hours N]`: a one-time token that authorises one LTI Dynamic
 * Registration without an admin signed in (lib/server/lti/registration-tokens.ts). Prints
 * {"token","url","expiresAt"}: `url` is /lti/register under STRIDE_BASE_URL with the token, what an
 * LMS admin pastes as the tool's registration URL. Shown once: only its hash is kept.
 */
export async function ltiTokenCreate(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const command = "lti token create";
  const { values, positionals } = parseFlags(command, args, { hours: { type: "string" } });
  noPositionals(command, positionals);
  const hours = values.hours === undefined ? DEFAULT_TOKEN_HOURS : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_TOKEN_HOURS) {
    throw new UsageError(`${command}: --hours must be a number above 0 and at most ${MAX_TOKEN_HOURS}`);
  }
  const baseUrl = baseUrlOf(env());
  const { db, close } = await open();
  try {
    const { token, expiresAt } = await createRegistrationToken({ db, hours });
    await io.out(`${JSON.stringify({ token, url: registrationUrlWithToken(baseUrl, token), expiresAt: expiresAt.toISOString() })}\n`);
    io.err("stride: the token above is shown once and works for one registration; paste the url into the LMS as the tool's registration URL.");
    return 0;
  } finally {
    await close();
  }
}
