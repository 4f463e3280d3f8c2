import "server-only";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { Lang } from "@/lib/problems";
import type { Auth } from "./auth/create-auth";
import { SessionMemo } from "./auth/session-memo";
import { getServices } from "./services";
import type { Role, SessionUser } from "./trpc";

const LANGS: readonly Lang[] = ["en", "zh-CN"];
const ROLES: readonly Role[] = ["learner", "instructor", "admin"];

/**
 * Session cookies better-auth wants set on the response: a refreshed cookie cache (a signed copy
 * of the session for a short time, create-auth.ts), or a session whose expiry moved on. Routes
 * that can answer with headers collect them and add them to their response; pages cannot, and
 * read the session all the same.
 */
export class SessionCookies {
  private readonly cookies: string[] = [];

  take(headers: Headers | null | undefined) {
    for (const cookie of headers?.getSetCookie() ?? []) this.cookies.push(cookie);
  }

  /** Adds the collected cookies to `response` (whose headers a route handler may still change). */
  appendTo(response: Response): Response {
    for (const cookie of this.cookies) response.headers.append("set-cookie", cookie);
    return response;
  }
}

function chosenLocale(headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === LOCALE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

type AuthSession = {
  session: { createdAt: Date | string };
  user: { id: string; email: string; name: string; role?: string; locale?: string; timeZone?: string | null };
} | null;

/** How long a session better-auth read from its cookie copy is answered from memory (./auth/session-memo.ts). */
export const SESSION_MEMO_MS = 10_000;

const memos = new WeakMap<Auth, SessionMemo<NonNullable<AuthSession>>>();

function memoOf(auth: Auth): SessionMemo<NonNullable<AuthSession>> {
  let memo = memos.get(auth);
  if (!memo) {
    memo = new SessionMemo(SESSION_MEMO_MS);
    memos.set(auth, memo);
  }
  return memo;
}

async function readSession(auth: Auth, headers: Headers, fresh: boolean, cookies?: SessionCookies): Promise<AuthSession> {
  const cookieHeader = headers.get("cookie");
  const memo = memoOf(auth);
  if (!fresh) {
    const known = memo.get(cookieHeader);
    if (known) return known;
  }
  const result = await auth.api.getSession({ headers, returnHeaders: true, ...(fresh ? { query: { disableCookieCache: true } } : {}) });
  cookies?.take(result.headers);
  const session = result.response as AuthSession;
  if (!fresh && session && (result.headers?.getSetCookie().length ?? 0) === 0) memo.remember(cookieHeader, session);
  return session;
}

/**
 * The signed-in user of a request, from the session cookie better-auth set, or null. Most
 * requests are answered from better-auth's cookie cache without a database query; when the
 * language the browser chose (the locale cookie, set beside every change of the account's
 * language) differs from the cached one, the session is read from the database instead, so a
 * change of language applies at once rather than when the cache expires.
 */
export async function sessionUserOf({ auth, headers, cookies }: { auth: Auth; headers: Headers; cookies?: SessionCookies }): Promise<SessionUser | null> {
  let session = await readSession(auth, headers, false, cookies);
  const chosen = chosenLocale(headers);
  if (session && chosen && LANGS.includes(chosen as Lang) && session.user.locale !== chosen) session = await readSession(auth, headers, true, cookies);
  if (!session) return null;
  const { id, email, name, role, locale, timeZone } = session.user;
  return {
    id,
    email,
    name,
    role: ROLES.includes(role as Role) ? (role as Role) : "learner",
    locale: LANGS.includes(locale as Lang) ? (locale as Lang) : "en",
    timeZone: timeZone ?? null,
    // better-auth makes a Date of it, also from its cookie copy; a string is taken too, to be safe.
    sessionCreatedAt: new Date(session.session.createdAt),
  };
}

/** `sessionUserOf` with this server's auth (lib/server/services.ts). */
export function getSessionUser(headers: Headers, cookies?: SessionCookies): Promise<SessionUser | null> {
  return sessionUserOf({ auth: getServices().auth, headers, cookies });
}

/**
 * Expires the request's session cookies on the response (better-auth's sign-out, which also
 * deletes the session if it is still there): after an account is deleted, its browser must not
 * keep the signed copy of the session that would otherwise be trusted for a minute.
 */
export async function endBrowserSession(headers: Headers, cookies: SessionCookies): Promise<void> {
  const { auth } = getServices();
  memoOf(auth).forget(headers.get("cookie"));
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  cookies.take(result.headers);
}
