import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { normalizeTimeZone } from "@/lib/srs/days";
import type { SendResetLink } from "./reset-mail";

/** How long a session read from the database is trusted from its signed cookie copy. */
export const SESSION_CACHE_SECONDS = 60;

export interface CreateAuthOptions {
  prisma: PrismaClient;
  /** Where the app is served, e.g. http://localhost:3000. */
  baseURL: string;
  secret: string;
  /** Extra origins allowed to post sign-in forms (the same app reached by another host name). */
  trustedOrigins?: string[];
  /** Sign-in and sign-up attempts per address in 10 s (better-auth's default: 3). */
  signInLimit?: number;
  /** Where "forgot password" sends its link (reset-mail.ts); without it the route answers 400. */
  sendResetLink?: SendResetLink;
}

/**
 * Email-and-password sign-in with sessions kept in the database (better-auth), so any number of
 * app processes sharing one PostgreSQL server see the same sessions.
 */
export function createAuth({ prisma, baseURL, secret, trustedOrigins = [], signInLimit = 3, sendResetLink }: CreateAuthOptions) {
  return betterAuth({
    appName: "Stride",
    baseURL,
    secret,
    trustedOrigins: [baseURL, ...trustedOrigins],
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      // A reset link works for an hour, once; using it signs the account out everywhere, since
      // whoever forgot a password may have left a session on a shared machine.
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      ...(sendResetLink && {
        sendResetPassword: async ({ user, url }: { user: { email: string; name: string; locale?: unknown }; url: string }) =>
          sendResetLink({ email: user.email, name: user.name, locale: typeof user.locale === "string" ? user.locale : "en", url }),
      }),
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // A signed copy of the session in a cookie for a minute, so most requests read no session
      // from the database (the costliest part of a small API call under load: issue 11's profile).
      // Its price: a role granted, or a session revoked on another device, takes effect within a
      // minute; a language change applies at once (lib/server/session.ts reads past the cache).
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
    },
    user: {
      additionalFields: {
        // A role is granted by Stride, never chosen by whoever signs up.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
        locale: { type: "string", required: false, defaultValue: "en", input: true },
        // The browser's zone, sent with the sign-up form; one the platform does not know is left
        // unset (days counted in UTC) rather than refusing the account.
        timeZone: { type: "string", required: false, input: true, validator: { input: z.string().max(100).transform(normalizeTimeZone) } },
      },
    },
    // Attempts and sessions live in the database so several app processes limit as one.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/*": { window: 10, max: signInLimit }, "/sign-up/*": { window: 10, max: signInLimit } },
    },
    advanced: {
      // Cookies only over HTTPS when the app is served over HTTPS (production behind TLS); a laptop
      // on http://localhost keeps working. Said here rather than left to better-auth's inference.
      useSecureCookies: baseURL.startsWith("https://"),
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
