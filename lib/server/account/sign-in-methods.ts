import type { PrismaClient } from "@/lib/db";

/** better-auth's e-mail-and-password account row (its `providerId`). */
export const CREDENTIAL_PROVIDER = "credential";

export interface SignInMethods {
  /** Whether the account has a Stride password (a better-auth credential row with a hash). */
  hasPassword: boolean;
  /**
   * The names of the LMSs the person has launched Stride from (their LtiUser rows' platforms),
   * sorted; empty for an account that never came from an LMS.
   */
  platforms: string[];
}

type Reader = Pick<PrismaClient, "account" | "ltiUser">;

/**
 * How a person signs in to Stride: with a password, from an LMS, or both (an account made by
 * sign-up that later launched from an LMS). An account an LMS made (lib/server/lti/provision-user.ts)
 * has no password: settings say so instead of asking for one, and deleting it asks for a fresh
 * session instead (delete-account.ts).
 */
export async function signInMethodsOf(db: Reader, userId: string): Promise<SignInMethods> {
  const [credential, identities] = await Promise.all([
    db.account.findFirst({ where: { userId, providerId: CREDENTIAL_PROVIDER, password: { not: null } }, select: { id: true } }),
    db.ltiUser.findMany({ where: { userId }, select: { platform: { select: { name: true } } } }),
  ]);
  const platforms = [...new Set(identities.map((identity) => identity.platform.name))].sort((a, b) => a.localeCompare(b));
  return { hasPassword: credential !== null, platforms };
}
