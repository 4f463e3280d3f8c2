import { z } from "zod";
import { env } from "@/lib/env";

/**
 * What registering an LMS takes, checked field by field: pure (no database, no clock), shared by
 * the CLI, the admin page and Dynamic Registration. Every URL a platform gives is https; plain
 * http only on a loopback host, and only where STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1 (a test
 * platform on the same machine).
 */

/** Whether this process accepts plain-http loopback platforms (lib/env.ts). */
export function insecureLoopbackAllowed(): boolean {
  return env().STRIDE_LTI_ALLOW_INSECURE_LOOPBACK === "1";
}

/**
 * Loopback names as WHATWG URL parsing gives them: `localhost` and its subdomains (RFC 6761
 * §6.3), 127.0.0.0/8 and IPv6 ::1 (RFC 5735, RFC 4291; `new URL` writes it as `[::1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why `text` is not an acceptable platform URL, or null when it is. https always; http on a
 * loopback host when allowed; never credentials in the URL, never a fragment (OIDC's issuer and
 * redirect rules, OpenID Connect Core §3.1.2.1 and Discovery §3).
 */
export function platformUrlProblem(text: string, { allowInsecureLoopback }: { allowInsecureLoopback: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an absolute URL (https://…)";
  }
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) return "must use https (plain http is allowed only for a loopback host)";
    if (!allowInsecureLoopback) return "must use https (plain http on a loopback host needs STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1)";
  } else if (url.protocol !== "https:") {
    return "must use https";
  }
  if (url.username || url.password) return "must not carry a user name or password";
  if (url.hash) return "must not have a #fragment";
  return null;
}

/** The LTI 1.3 limit on a deployment id (LTI Core §5.3.3: at most 255 ASCII characters). */
export const DEPLOYMENT_ID_MAX = 255;
/** The most deployment ids one registration accepts launches from. */
export const MAX_DEPLOYMENTS = 100;

/** One deployment id as LTI allows it, trimmed. */
export const deploymentIdSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "must not be empty", abort: true })
  .max(DEPLOYMENT_ID_MAX, `is at most ${DEPLOYMENT_ID_MAX} characters`)
  // LTI Core §5.3.3: ASCII only; printable, so a control character never hides in one.
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** The fields of a platform, as the CLI, the admin page and Dynamic Registration give them. */
export function platformInputSchema({ allowInsecureLoopback }: { allowInsecureLoopback: boolean }) {
  const url = z
    .string({ error: "is required" })
    .trim()
    .min(1, { error: "is required", abort: true })
    .max(2048, "is at most 2048 characters")
    .superRefine((text, context) => {
      const problem = platformUrlProblem(text, { allowInsecureLoopback });
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
  return z.object({
    /** The `iss` of the platform's id_tokens, exactly (compared as a string, never normalised). */
    issuer: url.refine((text) => !text.includes("?"), "must not have a ?query (OpenID Connect Discovery §3)"),
    clientId: z
      .string({ error: "is required" })
      .trim()
      .min(1, { error: "is required", abort: true })
      .max(255, "is at most 255 characters")
      .regex(/^\S+$/, "must not contain spaces"),
    name: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "is at most 200 characters"),
    authLoginUrl: url,
    accessTokenUrl: url,
    jwksUrl: url,
    deploymentIds: z
      .array(deploymentIdSchema, { error: "must be a list of deployment ids" })
      .min(1, "give at least one deployment id")
      .max(MAX_DEPLOYMENTS, `at most ${MAX_DEPLOYMENTS} deployment ids`)
      .transform((ids) => [...new Set(ids)]),
  });
}

export type PlatformInput = z.input<ReturnType<typeof platformInputSchema>>;
export type PlatformFields = z.output<ReturnType<typeof platformInputSchema>>;

/** One problem with one field: `field` as in PlatformInput ("deploymentIds.1" for a list item). */
export interface PlatformFieldProblem {
  field: string;
  message: string;
}

/** The parsed fields, or every problem, each naming its field. */
export function parsePlatformInput(
  input: unknown,
  options: { allowInsecureLoopback: boolean },
): { ok: true; fields: PlatformFields } | { ok: false; problems: PlatformFieldProblem[] } {
  const result = platformInputSchema(options).safeParse(input);
  if (result.success) return { ok: true, fields: result.data };
  const problems = result.error.issues.map((issue) => ({ field: issue.path.map(String).join(".") || "input", message: issue.message }));
  return { ok: false, problems };
}
