import "server-only";

/**
 * Why an LTI login initiation or launch was refused, and the HTTP status its error page answers
 * with: 400 for a request that is malformed (a parameter or claim missing or of the wrong shape),
 * 401 for one whose proof fails (signature, issuer, audience, time, nonce, state), 403 for one that
 * is well formed and proven but not allowed here (a deployment Stride was not told about, a learner
 * before any instructor). Each reason has its sentence in both languages (lib/i18n, `lti`).
 */
export const LAUNCH_REFUSALS = {
  // Login initiation (/lti/login).
  "lti.login.missingParameter": 400,
  "lti.login.unknownPlatform": 400,
  "lti.login.unknownDeployment": 403,
  "lti.login.badTargetLinkUri": 400,
  // The launch's form and state (/lti/launch).
  "lti.launch.missingParameter": 400,
  "lti.launch.platformError": 400,
  "lti.launch.unknownState": 401,
  "lti.launch.expiredState": 401,
  "lti.launch.usedState": 401,
  // The browser is not the one that started the login (login CSRF; launch-browser.ts).
  "lti.launch.stateNotBound": 401,
  "lti.launch.storageNotBound": 401,
  // The id_token.
  "lti.launch.malformedToken": 400,
  "lti.launch.badSignature": 401,
  "lti.launch.wrongIssuer": 401,
  "lti.launch.wrongAudience": 401,
  "lti.launch.expiredToken": 401,
  "lti.launch.tokenFromFuture": 401,
  "lti.launch.wrongNonce": 401,
  "lti.launch.keysUnavailable": 401,
  "lti.launch.unknownDeployment": 403,
  "lti.launch.missingClaim": 400,
  "lti.launch.badClaim": 400,
  "lti.launch.wrongVersion": 400,
  "lti.launch.unsupportedMessageType": 400,
  // Provisioning.
  "lti.launch.noCourseYet": 403,
  "lti.launch.archivedCourse": 403,
  "lti.launch.deepLinkingNotInstructor": 403,
  "lti.launch.targetNotInCourse": 403,
  // The new-window fallback (launch-ticket.ts).
  "lti.launch.ticketExpired": 401,
  "lti.launch.crossSiteTicket": 403,
  // The instructor's choice of a course for a new LMS course (link-choice.ts, /lti/launch/link).
  "lti.launch.linkChoiceExpired": 401,
  "lti.launch.crossSiteChoice": 403,
  "lti.launch.notYourCourse": 403,
  // The deep-linking picker and its answer (deep-link-*.ts, /lti/deep-link).
  "lti.deepLink.notSignedIn": 401,
  "lti.deepLink.unknown": 401,
  "lti.deepLink.expired": 401,
  "lti.deepLink.otherUser": 403,
  "lti.deepLink.notOwner": 403,
  "lti.deepLink.crossSite": 403,
  "lti.deepLink.unsupportedRequest": 400,
  "lti.deepLink.nothingChosen": 400,
  "lti.deepLink.multipleNotAccepted": 400,
  "lti.deepLink.unknownChoice": 400,
} as const satisfies Record<string, 400 | 401 | 403>;

export type LaunchRefusalReason = keyof typeof LAUNCH_REFUSALS;

/** Values a reason's sentence names (the claim that was missing). */
export type LaunchRefusalParams = Readonly<Record<string, string>>;

/**
 * A refused login initiation or launch: the route handlers turn it into the error page
 * (launch-page.ts) with `status`, and log `reason` and `detail` (never a token).
 */
export class LaunchRefusal extends Error {
  readonly reason: LaunchRefusalReason;
  readonly status: 400 | 401 | 403;
  readonly params: LaunchRefusalParams;

  constructor(reason: LaunchRefusalReason, detail?: string, params: LaunchRefusalParams = {}) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "LaunchRefusal";
    this.reason = reason;
    this.status = LAUNCH_REFUSALS[reason];
    this.params = params;
  }
}
