import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { handleAuthorization, type AuthorizationRecord } from "./authorization-endpoint";
import { sendJson, sendText } from "./http-io";
import { buildLaunchClaims, signIdToken, type LaunchContext } from "./id-token";
import { KeyRing } from "./keys";
import { driveLaunch, type LaunchOptions, type LaunchResult, type PendingLaunch } from "./launch-driver";
import { ALL_SCOPES, role } from "./vocabulary";

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

  readonly pendingLaunches = new Map<string, PendingLaunch>();
  /** Recorder: every authentication request the tool sent to the authorization endpoint. */
  readonly authorizationRequests: AuthorizationRecord[] = [];
  /** Recorder: every id_token minted. */
  readonly issuedIdTokens: IssuedIdToken[] = [];

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
    this.toolJwksUrl = options.toolJwksUrl;
    this.redirectUris = options.redirectUris ?? [];
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
  }

  /** Runs one launch through the tool, as a browser inside the LMS would (launch-driver.ts). */
  launch(options: LaunchOptions): Promise<LaunchResult> {
    return driveLaunch(this, options);
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
        ags: options.agsEndpoint === false ? undefined : (options.agsEndpoint ?? this.defaultAgsClaim(context)),
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

  /** The AGS claim a platform sends: the context's line items container and the AGS scopes. */
  defaultAgsClaim(context: LaunchContext | undefined) {
    if (!context) return undefined;
    return { scope: this.grantableScopes.filter((granted) => granted.includes("/lti-ags/")), lineitems: this.urls.lineItems(context.id) };
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
    if (url.pathname === "/.well-known/jwks.json" && req.method === "GET") return sendJson(res, 200, this.keys.jwks(), "application/jwk-set+json");
    if (url.pathname === "/auth" && (req.method === "GET" || req.method === "POST")) return handleAuthorization(this, req, res, url);
    sendText(res, 404, `No such endpoint: ${req.method} ${url.pathname}`);
  }
}

/** Starts a test platform on 127.0.0.1, on a port of the system's choosing. Close it after the tests. */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const keys = await KeyRing.create();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
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
