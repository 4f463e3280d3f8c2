import { rotateToolKey } from "../../server/lti/tool-keys";
import { noPositionals, parseFlags } from "../args";
import type { CliIo } from "../io";
import { type BankDatabase, openConfiguredDatabase } from "./bank-database";

/**
 * `stride lti key rotate`: a new signing key for Stride; the previous one stays published at
 * /lti/jwks for 14 days. Prints {"kid","retiredKid"} (retiredKid null when there was none).
 */
export async function ltiKeyRotate(args: string[], io: CliIo, open: () => Promise<BankDatabase> = openConfiguredDatabase): Promise<number> {
  const { positionals } = parseFlags("lti key rotate", args, {});
  noPositionals("lti key rotate", positionals);
  const { db, close } = await open();
  try {
    const rotated = await rotateToolKey({ db, now: new Date() });
    await io.out(`${JSON.stringify(rotated)}\n`);
    return 0;
  } finally {
    await close();
  }
}
