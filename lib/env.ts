import { z } from "zod";

/**
 * Every environment variable Stride reads, parsed once. Nothing else reads `process.env`
 * (scripts/start.ts sets the STRIDE_INTERNAL_* variables for the Next.js server it starts).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  /** A PostgreSQL server; without it Stride runs on an embedded PGlite in STRIDE_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  STRIDE_DATA_DIR: z.string().default(".data"),
  /** Allows the demo accounts when NODE_ENV=production. */
  STRIDE_DEMO: z.enum(["0", "1"]).optional(),
  /** The public address of the app, for sign-in cookies and trusted origins. */
  STRIDE_BASE_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** Where password-reset links are mailed from (nodemailer's URL form); without it they are logged. */
  SMTP_URL: z.string().url().optional(),
  /** The sender of those mails. */
  SMTP_FROM: z.string().default("Stride <no-reply@localhost>"),
  /**
   * Sign-in and sign-up attempts allowed per address in 10 seconds (better-auth's own default is
   * 3). A load benchmark that signs up a class from one address raises it; people never need to.
   */
  STRIDE_AUTH_SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(3),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the peer
   * address is the client's). Only trusted hops are believed, so a client cannot pick its own IP.
   */
  STRIDE_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** `json` (one object a line) or `plain` (for a terminal); JSON in production by default. */
  STRIDE_LOG_FORMAT: z.enum(["json", "plain"]).optional(),
  STRIDE_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /**
   * The bearer token `/metrics` asks for. In production the endpoint is off without one; in
   * development it is open (a laptop's Prometheus needs no secret).
   */
  STRIDE_METRICS_TOKEN: z.string().min(16).optional(),
  /** Who may embed Stride in a frame (CSP frame-ancestors), e.g. `'self' https://lms.example.edu`. */
  STRIDE_FRAME_ANCESTORS: z.string().default("'self'"),
  /**
   * Seconds between SIGTERM and closing the listener, while readiness answers 503: long enough
   * for the proxy's health check to notice (its interval × the failures it needs). 0 on a laptop.
   */
  STRIDE_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
  /**
   * Request limits (lib/server/rate-limit): points per window, a call costing 1 point or more for
   * heavy procedures. The defaults are far above what a class does (a learner answering as fast
   * as they can spends about 30 points a minute); a load benchmark raises them.
   */
  STRIDE_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Per signed-in user. */
  STRIDE_RATE_LIMIT_USER_POINTS: z.coerce.number().int().min(1).default(600),
  /** Per address for signed-in users together: a lecture hall of 200 shares one NAT address. */
  STRIDE_RATE_LIMIT_IP_POINTS: z.coerce.number().int().min(1).default(30_000),
  /** Per address for requests without a session. */
  STRIDE_RATE_LIMIT_ANONYMOUS_POINTS: z.coerce.number().int().min(1).default(300),
  /** Threads for CPU-heavy work (lib/server/workers); default: the cores less one, at least 1. */
  STRIDE_WORKER_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * Threads that typeset the review cycle's Markdown and formulas (lib/server/workers/render-pool.ts);
   * 0 typesets on the request thread. Default: the cores less two, at most 4 (none on two cores).
   */
  STRIDE_RENDER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** Tasks that may wait for a thread before new ones are refused with 503 (default: 32 a thread). */
  STRIDE_WORKER_MAX_QUEUE: z.coerce.number().int().min(0).optional(),
  /** A worker task not answered this long after it was handed over is stopped and answered as a timeout. */
  STRIDE_WORKER_TASK_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * LTI: "1" lets a platform's URLs (issuer, login, token, JWKS) be plain http on a loopback host
   * (localhost, 127.0.0.0/8, [::1]), for a test platform on the same machine. Tests and
   * development set it; a deployment never should. Otherwise every platform URL is https.
   */
  STRIDE_LTI_ALLOW_INSECURE_LOOPBACK: z.enum(["0", "1"]).optional(),
  /** Set by scripts/start.ts: where the server process reaches its database, and which kind it is. */
  STRIDE_INTERNAL_DB_URL: z.string().optional(),
  STRIDE_INTERNAL_DB_KIND: z.enum(["pglite", "postgres"]).optional(),
  /** Set by scripts/start.ts after it decided, from the NODE_ENV the person set, whether demo accounts are allowed. */
  STRIDE_INTERNAL_DEMO: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = schema.safeParse(process.env);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment: ${problems.join("; ")}`);
    }
    parsed = result.data;
  }
  return parsed;
}
