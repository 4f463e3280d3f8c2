import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { AccessTokens } from "./access-tokens";
import { handleAgs } from "./ags-endpoints";
import { Gradebook, type LineItem, type ReceivedScore, type RefusedScorePost } from "./ags-store";
import { handleAuthorization, type AuthorizationRecord } from "./authorization-endpoint";
import { handleBrowserPage, prepareBrowserLaunch, type BrowserLaunchOptions, type Presentation } from "./browser-pages";
import { handleDeepLinkReturn, type ContentItem, type DeepLinkingResponseRecord, type PlacedLink } from "./deep-link-return";
import { handleOpenIdConfiguration, handleRegistration, newRegistrationToken, type RegistrationRecord } from "./dynamic-registration";
import { sendJson, sendText } from "./http-io";
import { buildLaunchClaims, signIdToken, type AgsEndpointClaim, type LaunchContext } from "./id-token";
import { KeyRing } from "./keys";
import { driveLaunch, type LaunchOptions, type LaunchResult, type PendingLaunch } from "./launch-driver";
import { handleMemberships, type RosterMember } from "./nrps-endpoint";
import { handleTokenRequest, type TokenRequestRecord } from "./token-endpoint";
import { ALL_SCOPES, claim, role } from "./vocabulary";

export interface TestPlatformOptions {
  /** The tool's client id at this platform. Default "stride-tool". */
  clientId?: string;
  /** The first (default) deployment id. Default "deployment-1". */
  deploymentId?: string;
  /** More deployment ids the platform knows, for multi-deployment tests. */
  extraDeploymentIds?: string[];
  /** The tool's registered launch redirect URIs. Empty: any URI on the login URL's origin is allowed. */
  redirectUris?: string[];
  /** Where the platform fetches the tool's public keys (token assertions, deep-linking responses). */
  toolJwksUrl?: string;
  /** The context launches use when they name none. */
  defaultContext?: LaunchContext;
  /** The scopes the token endpoint may grant. Default: every AGS and NRPS scope. */
  grantableScopes?: string[];
  /** The platform's clock; every iat/exp and recorder timestamp comes from it. */
  now?: () => Date;
  /** tool_platform.name in launches. */
  name?: string;
  /** NRPS page size when the tool gives no limit; 0 or undefined: one page. */
  nrpsPageSize?: number;
  /** The tool, when known up front (a manual registration): its login initiation URL, default
   * launch URL and JWKS. Dynamic Registration fills the same fields. */
  tool?: { loginUrl: string; targetLinkUri: string; jwksUrl?: string };
  /** The port to listen on; 0 (default) lets the system choose. */
  port?: number;
  /** Refuse (422) a score whose userId is neither a launched `sub` of the line item's context nor on
   * its roster, as Canvas and Moodle do. Off by default. */
  scoresOnlyForKnownUsers?: boolean;
}

export interface PlatformUrls {
  /** The platform's issuer: its http origin. */
  issuer: string;
  /** OIDC authorization endpoint (the tool's authLoginUrl). */
  authorization: string;
  /** OAuth 2 token endpoint (client_credentials with a JWT assertion). */
  token: string;
  /** The platform's JWK Set. */
  jwks: string;
  /** Dynamic Registration: the OpenID configuration the tool is given. */
  openidConfiguration: string;
  /** Dynamic Registration: where the tool posts its registration. */
  registration: string;
  /** Deep Linking: where the tool posts its LtiDeepLinkingResponse. */
  deepLinkReturn: string;
  /** AGS line items container of a context. */
  lineItems(contextId?: string): string;
  /** NRPS membership container of a context. */
  memberships(contextId?: string): string;
}

export const DEFAULT_CONTEXT: LaunchContext = {
  id: "context-1",
  label: "CNN101",
  title: "Convolutional Neural Networks",
  type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
};

/** One id_token the platform minted, with the launch it belongs to. */
export interface IssuedIdToken {
  at: Date;
  hint: string;
  idToken: string;
  claims: Record<string, unknown>;
}

/**
 * The platform: its configuration, keys and recorders, and the HTTP server that answers for it.
 * Built by `startTestPlatform`; each endpoint lives in a file of its own and reads this object.
 */
export class TestPlatform {
  readonly issuer: string;
  readonly clientId: string;
  readonly deploymentId: string;
  readonly deploymentIds: string[];
  readonly urls: PlatformUrls;
  readonly defaultContext: LaunchContext;
  readonly grantableScopes: string[];
  readonly name: string;
  readonly now: () => Date;
  toolJwksUrl: string | undefined;
  redirectUris: string[];
  /** Learned from a Dynamic Registration: the tool's login initiation and default launch URLs. */
  toolLoginUrl: string | undefined;
  toolTargetLinkUri: string | undefined;
  nrpsPageSize: number | undefined;
  scoresOnlyForKnownUsers: boolean;

  readonly pendingLaunches = new Map<string, PendingLaunch>();
  /** Launches prepared for a real browser (browserLaunchUrl), by lti_message_hint. */
  readonly browserLaunches = new Map<string, { presentation: Presentation; platformStorage: boolean }>();
  /** Contexts seen in launches, by id (NRPS answers with their label and title). */
  readonly contexts = new Map<string, LaunchContext>();
  /** NRPS rosters by context id (setRoster). */
  readonly rosters = new Map<string, RosterMember[]>();
  readonly accessTokens: AccessTokens;
  readonly gradebook: Gradebook;
  readonly usedAssertionIds = new Set<string>();
  readonly usedDeepLinkingNonces = new Set<string>();
  readonly registrationTokens = new Set<string>();
  private placedLinks = 0;

  /** Recorder: every authentication request the tool sent to the authorization endpoint. */
  readonly authorizationRequests: AuthorizationRecord[] = [];
  /** Recorder: every id_token minted. */
  readonly issuedIdTokens: IssuedIdToken[] = [];
  /** Recorder: every token endpoint request, granted or refused. */
  readonly tokenRequests: TokenRequestRecord[] = [];
  /** Recorder: every deep-linking response posted to the return URL, accepted or refused. */
  readonly deepLinkingResponses: DeepLinkingResponseRecord[] = [];
  /** Recorder: every Dynamic Registration request. */
  readonly registrationRequests: RegistrationRecord[] = [];

  constructor(
    readonly keys: KeyRing,
    private readonly server: Server,
    origin: string,
    options: TestPlatformOptions,
  ) {
    this.issuer = origin;
    this.clientId = options.clientId ?? "stride-tool";
    this.deploymentId = options.deploymentId ?? "deployment-1";
    this.deploymentIds = [this.deploymentId, ...(options.extraDeploymentIds ?? [])];
    this.defaultContext = options.defaultContext ?? DEFAULT_CONTEXT;
    this.grantableScopes = options.grantableScopes ?? [...ALL_SCOPES];
    this.name = options.name ?? "Stride test platform";
    this.now = options.now ?? (() => new Date());
    this.toolJwksUrl = options.toolJwksUrl ?? options.tool?.jwksUrl;
    this.redirectUris = options.redirectUris ?? [];
    this.toolLoginUrl = options.tool?.loginUrl;
    this.toolTargetLinkUri = options.tool?.targetLinkUri;
    this.nrpsPageSize = options.nrpsPageSize;
    this.scoresOnlyForKnownUsers = options.scoresOnlyForKnownUsers ?? false;
    this.accessTokens = new AccessTokens(this.now);
    const contextUrl = (contextId: string) => `${origin}/contexts/${encodeURIComponent(contextId)}`;
    this.urls = {
      issuer: origin,
      authorization: `${origin}/auth`,
      token: `${origin}/token`,
      jwks: `${origin}/.well-known/jwks.json`,
      openidConfiguration: `${origin}/.well-known/openid-configuration`,
      registration: `${origin}/register`,
      deepLinkReturn: `${origin}/deep-link/return`,
      lineItems: (contextId = this.defaultContext.id) => `${contextUrl(contextId)}/lineitems`,
      memberships: (contextId = this.defaultContext.id) => `${contextUrl(contextId)}/memberships`,
    };
    this.gradebook = new Gradebook((contextId) => this.urls.lineItems(contextId));
  }

  /** Recorder: every score the AGS score endpoint accepted (with `stale` for out-of-order ones). */
  get scores(): readonly ReceivedScore[] {
    return this.gradebook.scores;
  }

  /** Recorder: every score post answered with an error (validation, or failNextScorePosts). */
  get refusedScorePosts(): readonly RefusedScorePost[] {
    return this.gradebook.refusedScorePosts;
  }

  /** The next `count` score posts are answered `status` (500, 503, …) and not kept. */
  failNextScorePosts(count: number, status = 503, retryAfterSeconds?: number): void {
    this.gradebook.failNextScorePosts(count, status, retryAfterSeconds);
  }

  /** A line item made by the platform (as an instructor adding a gradebook column would). */
  createLineItem(item: Omit<LineItem, "id">, contextId = this.defaultContext.id): LineItem {
    return this.gradebook.createLineItem(contextId, item);
  }

  lineItems(contextId = this.defaultContext.id): LineItem[] {
    return this.gradebook.lineItemsOf(contextId);
  }

  /** Whether `userId` launched in the context (an id_token's sub with that context) or is on its roster. */
  isKnownUser(contextId: string, userId: string): boolean {
    if ((this.rosters.get(contextId) ?? []).some((member) => member.user_id === userId)) return true;
    return this.issuedIdTokens.some((issued) => issued.claims.sub === userId && (issued.claims[claim.context] as LaunchContext | undefined)?.id === contextId);
  }

  /** The roster NRPS answers with for a context. */
  setRoster(members: RosterMember[], contextId = this.defaultContext.id): void {
    this.rosters.set(contextId, members.map((member) => ({ ...member })));
  }

  /** Every access token stops working: the tool's next service call gets 401. */
  revokeAccessTokens(): void {
    this.accessTokens.revokeAll();
  }

  /** A one-time registration token for Dynamic Registration. */
  createRegistrationToken(): string {
    const token = newRegistrationToken();
    this.registrationTokens.add(token);
    return token;
  }

  /** Dynamic Registration §3.3: the URL the admin's browser opens, the tool's registration URL with
   * openid_configuration and registration_token added. */
  registrationInitiationUrl(toolRegistrationUrl: string, token = this.createRegistrationToken()): string {
    const url = new URL(toolRegistrationUrl);
    url.searchParams.set("openid_configuration", this.urls.openidConfiguration);
    url.searchParams.set("registration_token", token);
    return url.toString();
  }

  /**
   * Turns a returned ltiResourceLink into a resource link of the context (and its line item). An
   * item without a url launches at the tool's registered target_link_uri, else at the target of
   * the deep-linking request it answered (`fallbackTarget`).
   */
  placeResourceLink(contextId: string, item: ContentItem, fallbackTarget?: string): PlacedLink {
    this.placedLinks += 1;
    const resourceLinkId = `placed-link-${this.placedLinks}`;
    const placed: PlacedLink = { resourceLinkId, contextId, title: item.title, targetLinkUri: item.url ?? this.toolTargetLinkUri ?? fallbackTarget, custom: item.custom };
    if (item.lineItem) {
      placed.lineItem = this.gradebook.createLineItem(contextId, {
        label: item.lineItem.label ?? item.title ?? "Untitled",
        scoreMaximum: item.lineItem.scoreMaximum,
        resourceLinkId,
        ...(item.lineItem.resourceId === undefined ? {} : { resourceId: item.lineItem.resourceId }),
        ...(item.lineItem.tag === undefined ? {} : { tag: item.lineItem.tag }),
        ...(item.lineItem.gradesReleased === undefined ? {} : { gradesReleased: item.lineItem.gradesReleased }),
      });
    }
    return placed;
  }

  /** The launch options that open a placed link (its resource link id, title, target, custom). */
  launchOptionsFor(placed: PlacedLink): Pick<LaunchOptions, "targetLinkUri" | "resourceLink" | "custom" | "context"> {
    const context = this.contexts.get(placed.contextId) ?? { id: placed.contextId };
    return {
      targetLinkUri: placed.targetLinkUri ?? this.toolTargetLinkUri ?? "",
      resourceLink: { id: placed.resourceLinkId, ...(placed.title === undefined ? {} : { title: placed.title }) },
      ...(placed.custom === undefined ? {} : { custom: placed.custom }),
      context,
    };
  }

  /** Runs one launch through the tool, as a browser inside the LMS would (launch-driver.ts). */
  launch(options: LaunchOptions): Promise<LaunchResult> {
    return driveLaunch(this, options);
  }

  /**
   * A launch for a real browser (Playwright, or a person): the URL of an LMS page that shows the
   * tool in an iframe (or behind a new-window link) whose src is the login initiation; the rest of
   * the flow runs in that browser. With platformStorage the page answers LTI storage postMessages.
   */
  browserLaunchUrl(options: BrowserLaunchOptions): string {
    return prepareBrowserLaunch(this, options);
  }

  /** Records a launch the authorization endpoint will finish; its lti_message_hint names it. */
  prepareLaunch(options: LaunchOptions): PendingLaunch {
    const hint = `launch-${randomBytes(8).toString("hex")}`;
    const pending: PendingLaunch = { hint, loginHint: options.user.sub, toolLoginUrl: options.toolLoginUrl, options, deploymentId: options.deploymentId ?? this.deploymentId };
    this.pendingLaunches.set(hint, pending);
    return pending;
  }

  setToolJwksUrl(url: string): void {
    this.toolJwksUrl = url;
  }

  setRedirectUris(uris: string[]): void {
    this.redirectUris = [...uris];
  }

  isRedirectUriAllowed(uri: string, toolLoginUrl: string): boolean {
    if (this.redirectUris.length > 0) return this.redirectUris.includes(uri);
    try {
      return new URL(uri).origin === new URL(toolLoginUrl).origin;
    } catch {
      return false;
    }
  }

  /** Mints the id_token that finishes a pending launch, for the nonce the tool asked with. */
  async issueIdToken(pending: PendingLaunch, nonce: string): Promise<string> {
    const { options } = pending;
    const messageType = options.messageType ?? "LtiResourceLinkRequest";
    const context = options.context === null ? undefined : (options.context ?? this.defaultContext);
    const resourceLink = options.resourceLink ?? { id: "resource-link-1", title: "Resource link" };
    if (context) this.contexts.set(context.id, context);
    if (messageType === "LtiDeepLinkingRequest") pending.deepLinkingData = `dl-${randomBytes(8).toString("hex")}`;
    const claims = buildLaunchClaims(
      {
        issuer: this.issuer,
        clientId: this.clientId,
        deploymentId: pending.deploymentId,
        nonce,
        now: this.now(),
        messageType,
        targetLinkUri: options.targetLinkUri,
        user: options.user,
        roles: options.roles ?? [role.learner],
        context,
        resourceLink,
        custom: options.custom,
        ags: options.agsEndpoint === false ? undefined : (options.agsEndpoint ?? this.defaultAgsClaim(context, messageType === "LtiResourceLinkRequest" ? resourceLink.id : undefined)),
        nrps:
          options.nrpsEndpoint === false || !context
            ? undefined
            : { service_versions: ["2.0"], ...(options.nrpsEndpoint ?? { context_memberships_url: this.urls.memberships(context.id) }) },
        deepLinkingSettings:
          messageType === "LtiDeepLinkingRequest"
            ? {
                deep_link_return_url: this.urls.deepLinkReturn,
                accept_types: ["ltiResourceLink"],
                accept_presentation_document_targets: ["iframe", "window"],
                accept_multiple: true,
                accept_lineitem: true,
                auto_create: true,
                title: "Add an activity",
                data: pending.deepLinkingData,
                ...options.deepLinkingSettings,
              }
            : undefined,
        platformName: this.name,
      },
      options.tamper,
    );
    const idToken = await signIdToken(claims, this.keys.current, options.tamper);
    this.issuedIdTokens.push({ at: this.now(), hint: pending.hint, idToken, claims });
    return idToken;
  }

  /** The AGS claim a platform sends: the context's container, the link's line item if it has one, the AGS scopes. */
  defaultAgsClaim(context: LaunchContext | undefined, resourceLinkId: string | undefined): AgsEndpointClaim | undefined {
    if (!context) return undefined;
    const endpoint: AgsEndpointClaim = { scope: this.grantableScopes.filter((granted) => granted.includes("/lti-ags/")), lineitems: this.urls.lineItems(context.id) };
    const lineItem = resourceLinkId === undefined ? undefined : this.gradebook.lineItemOfResourceLink(context.id, resourceLinkId);
    if (lineItem) endpoint.lineitem = lineItem.id;
    return endpoint;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  /** Routes one request to its endpoint; unknown paths are 404. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.issuer);
    if (await handleBrowserPage(this, req, res, url)) return;
    if (url.pathname === "/.well-known/jwks.json" && req.method === "GET") return sendJson(res, 200, this.keys.jwks(), "application/jwk-set+json");
    if (url.pathname === "/auth" && (req.method === "GET" || req.method === "POST")) return handleAuthorization(this, req, res, url);
    if (url.pathname === "/token" && req.method === "POST") return handleTokenRequest(this, req, res);
    if (url.pathname === "/deep-link/return") return handleDeepLinkReturn(this, req, res);
    if (url.pathname === "/.well-known/openid-configuration") return handleOpenIdConfiguration(this, req, res);
    if (url.pathname === "/register") return handleRegistration(this, req, res);
    const service = /^\/contexts\/([^/]+)\/(lineitems|memberships)(\/.*)?$/.exec(url.pathname);
    if (service) {
      const contextId = decodeURIComponent(service[1]!);
      if (service[2] === "lineitems") return handleAgs(this, req, res, url, contextId, service[3] ?? "");
      if (!service[3]) return handleMemberships(this, req, res, url, contextId);
    }
    sendText(res, 404, `No such endpoint: ${req.method} ${url.pathname}`);
  }
}

/** Starts a test platform on 127.0.0.1, on a port of the system's choosing. Close it after the tests. */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const keys = await KeyRing.create();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const platform = new TestPlatform(keys, server, `http://127.0.0.1:${port}`, options);
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    platform.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Test platform error: ${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  });
  return platform;
}
