/**
 * How recently a person must have signed in for a session to stand in for a password.
 *
 * An account an LMS made (lib/server/lti/provision-user.ts) has no Stride password, so deleting it
 * cannot ask for one. What it can ask for is proof that the person is at the keyboard now: a launch
 * from the LMS opens a new session each time (lib/server/lti/launch-session.ts), after the LMS
 * checked who they are. A session old enough to have been left open on a shared computer, or
 * copied, does not prove that; one opened minutes ago does. Ten minutes is long enough to read the
 * settings page and type the e-mail, short enough that an unattended session soon stops counting.
 */
export const FRESH_SESSION_MS = 10 * 60 * 1000;

/** The same, in whole minutes, for sentences that name it. */
export const FRESH_SESSION_MINUTES = FRESH_SESSION_MS / 60_000;

/**
 * Whether a session created at `createdAt` is fresh at `now`: opened less than FRESH_SESSION_MS
 * ago. An unknown creation time (a caller that did not read one) is never fresh.
 */
export function isFreshSession(createdAt: Date | null | undefined, now: Date): boolean {
  if (!createdAt || Number.isNaN(createdAt.getTime())) return false;
  return now.getTime() - createdAt.getTime() < FRESH_SESSION_MS;
}
