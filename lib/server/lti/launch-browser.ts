import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { serializeCookie } from "better-call";
import type { PrismaClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { LaunchRefusal } from "./launch-refusal";
import { launchCookieAttributes } from "./launch-session";
import { STORAGE_FIELDS, storageCheckPage } from "./storage-pages";

/**
 * Which browser may complete a launch: the one that started its login (login CSRF).
 *
 * The state and nonce live server-side (lti_login_states), which proves the launch is one Stride
 * started, not in which browser. Without more, an attacker could start a login in their own
 * browser, stop at the platform's form_post, and make a victim's browser post that id_token and
 * state to /lti/launch: the victim would be signed in as the attacker (OAuth 2.0, RFC 6749
 * §10.12; OIDC Core §3.1.2.1 binds `state` to the user agent for this reason). So the login binds
 * its state to the browser in one of two ways, and the launch checks that binding BEFORE it claims
 * the state (a browser that fails the check leaves the state for its rightful browser). A state
 * that could not be claimed anyway (unknown, used, expired) is left to verify-launch.ts, which
 * names why; a replayed launch is "used", not "not this browser's":
 *
 * 1. A state cookie, `lti_state_<hash of the state>` = the state, set by the login's answer:
 *    HttpOnly, SameSite=None; Secure (the launch is the platform's cross-site form post), and
 *    Partitioned (CHIPS): inside the LMS's iframe it is kept in the LMS's partition, where the launch
 *    post of that same frame finds it, even in a browser that blocks unpartitioned third-party
 *    cookies. It lives as long as the login state, and the launch expires it.
 * 2. LTI platform storage ("LTI Client Side postMessages", 1EdTech): when the login initiation
 *    names `lti_storage_target`, the login answers a small page that stores the state and nonce
 *    with the platform's frame (lti.put_data) and then goes on to the authorization endpoint. Its
 *    states start with STORAGE_STATE_PREFIX, so that a launch of that login without the cookie
 *    answers a page that reads them back (lti.get_data) from the platform's frame of THIS browser
 *    and posts what it read to /lti/launch again. That post is accepted only from Stride's own
 *    origin (its Origin header), so no other site can post "the storage said yes", and only with
 *    the values equal to the state and nonce of the launch. The platform answers only to Stride's
 *    origin, and the page listens only to the platform's origin (its authorization endpoint's).
 *
 * With neither (no cookie came back, and the platform offered no storage: a browser that blocks
 * even partitioned cookies in the LMS's frame, or a launch posted by another browser), the launch
 * is refused as `lti.launch.stateNotBound` and opens no session. Deliberately: the spec does not
 * oblige a tool to accept a state it cannot tie to the browser, and accepting it is the very login
 * CSRF above. The refusal page says to open the activity in a new window (a first-party window
 * keeps the cookie) or to allow Stride's cookies. Without JavaScript nothing changes as long as no
 * platform storage is offered: the login is a plain redirect that sets the cookie.
 */
export const STATE_COOKIE_PREFIX = "lti_state_";
/** The states of logins that also stored their state in the platform's storage. */
export const STORAGE_STATE_PREFIX = "ps-";

/**
 * A platform-storage login's state: the prefix, a random part, and the frame the platform named
 * (lti_storage_target), which the launch's page needs again and Stride keeps nowhere else.
 */
export function storageState(random: string, storageTarget: string): string {
  return `${STORAGE_STATE_PREFIX}${random}.${Buffer.from(storageTarget).toString("base64url")}`;
}

/** The frame a platform-storage state names ("_parent" when it cannot be read). */
export function storageTargetOf(state: string): string {
  const encoded = state.slice(state.lastIndexOf(".") + 1);
  const target = Buffer.from(encoded, "base64url").toString();
  return /^[\w.-]{1,100}$/.test(target) ? target : "_parent";
}

/** The login of a state, read without claiming it: its nonce and the origin of its platform's authorization endpoint. */
async function loginOf(db: PrismaClient, state: string) {
  if (!state || state.length > 300) return null;
  const row = await db.ltiLoginState.findUnique({ where: { state }, select: { nonce: true, usedAt: true, expiresAt: true, platform: { select: { authLoginUrl: true } } } });
  return row ? { nonce: row.nonce, usedAt: row.usedAt, expiresAt: row.expiresAt, platformOrigin: new URL(row.platform.authLoginUrl).origin } : null;
}

export function stateCookieName(state: string): string {
  return `${STATE_COOKIE_PREFIX}${createHash("sha256").update(state).digest("hex").slice(0, 24)}`;
}

function cookieAttributes(baseUrl: string) {
  // Partitioned always: in a window of its own a partitioned cookie is kept and sent like any
  // first-party cookie, and inside the LMS's frame it is the one browsers still keep.
  const attributes = launchCookieAttributes(baseUrl, true);
  return { ...attributes, httpOnly: true, path: "/lti" };
}

/** The Set-Cookie line of the login's answer. */
export function stateCookie({ state, baseUrl, maxAgeSeconds }: { state: string; baseUrl: string; maxAgeSeconds: number }): string {
  return serializeCookie(stateCookieName(state), state, { ...cookieAttributes(baseUrl), maxAge: maxAgeSeconds });
}

/** The Set-Cookie line that expires the state's cookie, once the launch has used it. */
export function expiredStateCookie({ state, baseUrl }: { state: string; baseUrl: string }): string {
  return serializeCookie(stateCookieName(state), "", { ...cookieAttributes(baseUrl), maxAge: 0 });
}

function cookieOf(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type LaunchBrowser =
  /** The browser is the login's: go on, and send `setCookies` (the spent state cookie) with the answer. */
  | { kind: "bound"; by: "cookie" | "platformStorage"; setCookies: string[] }
  /** No claimable login has this state (unknown, used or expired): the launch goes on to be refused by its state's own reason. */
  | { kind: "unclaimable" }
  /** Answer this page (it reads the platform's storage and posts the launch again). */
  | { kind: "page"; response: Response };

/**
 * Checks that the browser posting the launch is the one that started its login (above), for a
 * state that could still be claimed; throws a LaunchRefusal (`lti.launch.stateNotBound`,
 * `lti.launch.storageNotBound`). Reads the login's row, writes nothing.
 */
export async function checkLaunchBrowser({
  request,
  form,
  state,
  db,
  baseUrl,
  locale,
  now,
}: {
  request: Request;
  /** The launch's form (id_token, state, and the storage-check page's fields). */
  form: URLSearchParams;
  state: string;
  db: PrismaClient;
  baseUrl: string;
  /** The language of the storage-check page. */
  locale: Locale;
  now: Date;
}): Promise<LaunchBrowser> {
  const login = await loginOf(db, state);
  if (!login || login.usedAt || login.expiresAt <= now) return { kind: "unclaimable" };
  const spent = [expiredStateCookie({ state, baseUrl })];
  const cookie = cookieOf(request.headers, stateCookieName(state));
  if (cookie !== null && same(cookie, state)) return { kind: "bound", by: "cookie", setCookies: spent };
  if (!state.startsWith(STORAGE_STATE_PREFIX)) {
    throw new LaunchRefusal("lti.launch.stateNotBound", cookie === null ? "no state cookie came with the launch" : "the state cookie holds another state");
  }

  const storedState = form.get(STORAGE_FIELDS.state);
  const storedNonce = form.get(STORAGE_FIELDS.nonce);
  const storageError = form.get(STORAGE_FIELDS.error);
  if (storedState === null && storedNonce === null && storageError === null) {
    // The platform's own post: answer the page that asks the platform's frame of this browser.
    return {
      kind: "page",
      response: storageCheckPage({ locale, state, nonce: login.nonce, idToken: form.get("id_token") ?? "", platformOrigin: login.platformOrigin, storageTarget: storageTargetOf(state), request }),
    };
  }
  const origin = request.headers.get("origin");
  if (origin !== new URL(baseUrl).origin) throw new LaunchRefusal("lti.launch.storageNotBound", `storage answer posted from origin ${String(origin).slice(0, 200)}`);
  if (storageError !== null) throw new LaunchRefusal("lti.launch.storageNotBound", `the platform's storage answered: ${storageError.slice(0, 200)}`);
  if (storedState === null || !same(storedState, state) || storedNonce === null || !same(storedNonce, login.nonce)) {
    throw new LaunchRefusal("lti.launch.storageNotBound", "the platform's storage of this browser does not hold this launch's state and nonce");
  }
  return { kind: "bound", by: "platformStorage", setCookies: spent };
}
