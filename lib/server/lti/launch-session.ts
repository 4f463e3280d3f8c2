import "server-only";
// better-auth signs its cookies with better-call's signer; using the same function keeps the
// cookie this module sets readable by better-auth whatever its format becomes.
import { serializeCookie, serializeSignedCookie, type CookieOptions } from "better-call";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { Auth } from "../auth/create-auth";

/**
 * The cookies of a session a launch opens.
 *
 * Why SameSite=None; Secure, and Partitioned inside a frame. An LMS shows Stride in an iframe of
 * another site, so a cookie Stride sets there is a third-party cookie:
 * - SameSite=Lax (better-auth's default) is never sent in a cross-site frame, so a session with it
 *   would be signed out at the first click inside the LMS; None is needed, and browsers accept
 *   None only with Secure;
 * - Chromium, Firefox and Safari block unpartitioned third-party cookies more and more; a
 *   Partitioned cookie (CHIPS, https://developer.mozilla.org/en-US/docs/Web/Privacy/Guides/Privacy_sandbox/Partitioned_cookies)
 *   is kept per top-level site (the LMS), so it still works inside the LMS's frame. It is set only
 *   for a framed launch: in a top-level window it would sit beside, not replace, an ordinary
 *   cookie of another account on this browser;
 * - where even that is refused (a browser or setting that blocks every third-party cookie), the
 *   launch's landing step sees no session and offers "Open Stride in a new window", which signs in
 *   first-party with a one-time ticket (launch-ticket.ts).
 * Secure needs HTTPS, or a loopback host that browsers count as secure (http://localhost in
 * development and tests). A Stride served over plain HTTP on another host cannot be framed with a
 * session at all; its cookies stay SameSite=Lax and the new-window step does the rest.
 * The refreshes better-auth makes later (the minute's cookie cache, the daily expiry) use its own
 * attributes; inside a frame that blocks them they are dropped and the session token set here
 * stays, so the session goes on from the database.
 */
export function launchCookieAttributes(baseUrl: string, framed: boolean): Pick<CookieOptions, "sameSite" | "secure" | "partitioned"> {
  const { protocol, hostname } = new URL(baseUrl);
  const loopback = hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "127.0.0.1" || hostname === "[::1]";
  if (protocol !== "https:" && !loopback) return { sameSite: "lax", secure: false, partitioned: false };
  return { sameSite: "none", secure: true, partitioned: framed };
}

/**
 * Opens a better-auth session for `userId` (its internal adapter, as sign-in does) and returns the
 * Set-Cookie lines that carry it: the signed session token, the language cookie the pages read,
 * and the expiry of any cached session copy or "don't remember me" mark a previous person on this
 * browser left (which would otherwise be read for up to a minute before the new token).
 */
export async function openLaunchSession({
  auth,
  userId,
  locale,
  baseUrl,
  framed,
  ipAddress,
  userAgent,
}: {
  auth: Auth;
  userId: string;
  locale: string;
  baseUrl: string;
  /** Inside the LMS's frame (launchIsFramed) rather than a window of its own. */
  framed: boolean;
  ipAddress?: string | null;
  userAgent?: string | null;
}): Promise<{ token: string; setCookies: string[] }> {
  const context = await auth.$context;
  const session = await context.internalAdapter.createSession(userId, false, { ipAddress: ipAddress ?? "", userAgent: userAgent ?? "" });
  const cross = launchCookieAttributes(baseUrl, framed);
  const { sessionToken, sessionData, dontRememberToken } = context.authCookies;
  const setCookies = [
    await serializeSignedCookie(sessionToken.name, session.token, context.secret, {
      ...sessionToken.attributes,
      ...cross,
      maxAge: context.sessionConfig.expiresIn,
    }),
    serializeCookie(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, ...cross }),
    serializeCookie(sessionData.name, "", { ...sessionData.attributes, ...cross, maxAge: 0 }),
    serializeCookie(dontRememberToken.name, "", { ...dontRememberToken.attributes, ...cross, maxAge: 0 }),
  ];
  return { token: session.token, setCookies };
}

/**
 * Whether the launch's page shows inside a frame: the browser says so (Sec-Fetch-Dest, Fetch
 * Metadata), else the platform does (launch_presentation.document_target, LTI 1.3 Core §5.4.3,
 * whose default is a frame).
 */
export function launchIsFramed({ fetchDest, documentTarget }: { fetchDest: string | null; documentTarget: string | undefined }): boolean {
  if (fetchDest === "iframe" || fetchDest === "frame") return true;
  if (fetchDest === "document") return false;
  return documentTarget !== "window";
}
